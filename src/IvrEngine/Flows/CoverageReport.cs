using System.Collections.Immutable;
using IvrEngine.Menus;

namespace IvrEngine.Flows;

/// <summary>How much of one menu the flows exercised, row by row, and the headline figure (options and escapes).</summary>
public sealed record CoverageReport(Menu Menu, int Runs, ImmutableArray<CoverageRow> Rows)
{
    /// <summary>Options by key, options by phrase and escapes together: what <c>--min-coverage</c> checks.</summary>
    public double HeadlinePercent => Percent(Rows.Where(r => r.CountsTowardHeadline));

    /// <summary>Every row together.</summary>
    public double AllPathsPercent => Percent(Rows);

    private static double Percent(IEnumerable<CoverageRow> rows)
    {
        var total = rows.Sum(r => r.Total);
        return total == 0 ? 100 : 100.0 * rows.Sum(r => r.Covered) / total;
    }
}
