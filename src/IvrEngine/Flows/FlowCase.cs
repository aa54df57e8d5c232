using IvrEngine.Menus;

namespace IvrEngine.Flows;

/// <summary>One run: a flow of a file, in one locale, against its loaded menu.</summary>
public sealed record FlowCase(FlowFile File, Flow Flow, string Locale, Menu Menu)
{
    /// <summary>How the run is named in reports: <c>pay by phone [en-US]</c>.</summary>
    public string Name => $"{Flow.Name} [{Locale}]";

    public override string ToString() => $"{File.Path}: {Name}";
}
