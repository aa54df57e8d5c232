using System.Collections.Immutable;

namespace IvrEngine.Flows;

/// <summary>One row of the coverage table: what kind of path, how many of them the flows took, and which they did not.</summary>
/// <param name="CountsTowardHeadline">Options and escapes: the figure <c>--min-coverage</c> checks.</param>
public sealed record CoverageRow(string Name, int Covered, int Total, ImmutableArray<string> Missing, bool CountsTowardHeadline)
{
    public double Percent => Total == 0 ? 100 : 100.0 * Covered / Total;
}
