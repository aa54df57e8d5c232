using System.Globalization;
using IvrEngine.Flows;

namespace IvrEngine.Cli.Console;

/// <summary>Prints a coverage report as a table and lists what no flow touched.</summary>
internal static class CoverageTable
{
    public static void Write(TextWriter output, CoverageReport report)
    {
        output.WriteLine();
        output.WriteLine($"Coverage of {report.Menu.Name} ({report.Menu.SourcePath}) by {Commands.Counted.Plural(report.Runs, "run")}:");
        output.WriteLine($"  {"paths",-26} {"covered",8} {"total",6} {"%",7}");
        foreach (var row in report.Rows) output.WriteLine($"  {row.Name + (row.CountsTowardHeadline ? " *" : ""),-26} {row.Covered,8} {row.Total,6} {Percent(row.Percent),7}");
        output.WriteLine($"  {"* options and escapes",-26} {"",8} {"",6} {Percent(report.HeadlinePercent),7}");
        output.WriteLine($"  {"all paths",-26} {"",8} {"",6} {Percent(report.AllPathsPercent),7}");
        foreach (var row in report.Rows.Where(r => !r.Missing.IsEmpty)) output.WriteLine($"  not covered, {row.Name}: {string.Join(", ", row.Missing)}");
    }

    // Rounded down, so 99.96 % never reads as a full 100.0.
    public static string Percent(double percent) => (Math.Floor(percent * 10) / 10).ToString("0.0", CultureInfo.InvariantCulture);
}
