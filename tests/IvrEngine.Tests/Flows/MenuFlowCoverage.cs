using System.Collections.Immutable;
using IvrEngine.Flows;

namespace IvrEngine.Tests.Flows;

/// <summary>
/// The flows of a folder, grouped by the menu they call: one coverage report per menu, so a second
/// menu's flows next to the bundled ones get their own figure instead of being mixed in.
/// </summary>
internal static class MenuFlowCoverage
{
    /// <summary>The menus the flow cases call (full paths, in order), each with its cases.</summary>
    public static ImmutableArray<(string MenuPath, ImmutableArray<FlowCase> Cases)> ByMenu(IEnumerable<FlowCase> cases) =>
        [.. cases.GroupBy(c => Path.GetFullPath(c.File.Header.MenuPath), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.ToImmutableArray()))];

    /// <summary>Runs one menu's cases and reports what they covered of it.</summary>
    public static CoverageReport Report(IReadOnlyList<FlowCase> cases) =>
        FlowCoverage.Of(new FlowRunner(TimeProvider.System).RunAll(cases)).Single();
}
