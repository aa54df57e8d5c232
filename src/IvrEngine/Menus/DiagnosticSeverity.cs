namespace IvrEngine.Menus;

/// <summary>How serious a problem in a menu file is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The menu works, but probably not as intended (an unreachable node).</summary>
    Warning,

    /// <summary>The menu cannot be used.</summary>
    Error,
}
