namespace IvrEngine.Flows;

/// <summary>The stable codes of flow-file problems (documented in <c>docs/flows.md</c>).</summary>
internal static class FlowCodes
{
    /// <summary>The file cannot be read (missing, not UTF-8 text, too large).</summary>
    public const string Unreadable = "FLOW0001";

    /// <summary>An unknown header, step or expectation.</summary>
    public const string Unknown = "FLOW0002";

    /// <summary>A missing or malformed value: keys, a duration, a quoted text, a pattern, a time, a number.</summary>
    public const string BadValue = "FLOW0003";

    /// <summary>A header in the wrong place, given twice, or <c>menu:</c> missing.</summary>
    public const string Header = "FLOW0004";

    /// <summary>An <c>include:</c> that cannot be followed: missing file, a cycle, headers in a steps file.</summary>
    public const string Include = "FLOW0005";

    /// <summary>The menu the flow names cannot be loaded.</summary>
    public const string Menu = "FLOW0006";

    /// <summary>A node, queue, locale or variable the menu does not have.</summary>
    public const string NotInMenu = "FLOW0007";

    /// <summary>A file or flow with no steps, steps outside a named flow, or two flows with one name.</summary>
    public const string Structure = "FLOW0008";

    /// <summary>The staffing file cannot be loaded, or a step needs simulated agents and the flow has none.</summary>
    public const string Staffing = "FLOW0009";
}
