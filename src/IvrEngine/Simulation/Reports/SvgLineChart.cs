using System.Globalization;
using System.Net;
using System.Text;

namespace IvrEngine.Simulation.Reports;

/// <summary>One line of a chart: a value per interval of the week, null where there is none (drawn as a gap).</summary>
/// <param name="Key">The series' name in the page (<c>data-series</c>).</param>
internal sealed record ChartSeries(string Key, string Name, string Colour, string? Dash, IReadOnlyList<double?> Values);

/// <summary>
/// A line chart of values across the week's intervals as inline SVG (no script, no external file):
/// a y axis with round ticks, a column per day, each series a polyline broken where it has no value.
/// It carries its own title and description for screen readers; the page writes the legend as text.
/// </summary>
internal static class SvgLineChart
{
    private const double Width = 960;
    private const double Height = 260;
    private const double Left = 64;
    private const double Right = 12;
    private const double Top = 14;
    private const double Bottom = 34;

    /// <param name="id">Unique in the page: the title's and description's ids derive from it.</param>
    /// <param name="format">How a y value is written on the axis.</param>
    /// <param name="yMax">The top of the axis at least (for example 1 for a share); the data may raise it.</param>
    /// <param name="seconds">Values are seconds: past two minutes the axis is rounded in minutes, so its ticks read 7:30, 15:00.</param>
    public static string Draw(string id, string title, string description, WeekGrid grid, IReadOnlyList<ChartSeries> series, Func<double, string> format, double yMax, bool seconds = false)
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var max = Math.Max(yMax, series.SelectMany(s => s.Values).Max(v => v ?? 0));
        var top = seconds && max > 120 ? NiceTop(max / 60) * 60 : NiceTop(max);
        double X(int interval) => Left + ((interval + 0.5) * plotWidth / grid.IntervalsPerWeek);
        double Y(double value) => Top + plotHeight - (value / top * plotHeight);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.Append($"<title id=\"{id}-title\">{Html(title)}</title><desc id=\"{id}-desc\">{Html(description)}</desc>");
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"#ffffff\" stroke=\"#6b7280\"/>"));
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = top * tick / 4;
            var y = Y(value);
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{N(y)}\" x2=\"{Left + plotWidth}\" y2=\"{N(y)}\" stroke=\"#d1d5db\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\" fill=\"#1f2937\">{Html(format(value))}</text>"));
        }

        for (var day = 0; day < 7; day++)
        {
            var x = Left + (day * plotWidth / 7);
            if (day > 0) svg.Append(Invariant($"<line x1=\"{N(x)}\" y1=\"{Top}\" x2=\"{N(x)}\" y2=\"{Top + plotHeight}\" stroke=\"#9ca3af\"/>"));
            svg.Append(Invariant($"<text x=\"{N(x + (plotWidth / 14))}\" y=\"{N(Height - 12)}\" text-anchor=\"middle\" fill=\"#1f2937\">{Hours.DayNames.Short((NodaTime.IsoDayOfWeek)(day + 1))}</text>"));
        }

        foreach (var line in series)
        {
            svg.Append($"<g class=\"series\" data-series=\"{line.Key}\" fill=\"none\" stroke=\"{line.Colour}\" stroke-width=\"1.6\"{(line.Dash is null ? "" : $" stroke-dasharray=\"{line.Dash}\"")}>");
            svg.Append($"<title>{Html(line.Name)}</title>");
            foreach (var run in Runs(line.Values))
            {
                if (run.Count == 1)
                {
                    // A lone value between gaps would be an invisible zero-length line: a dot instead.
                    svg.Append(Invariant($"<circle cx=\"{N(X(run[0].Interval))}\" cy=\"{N(Y(run[0].Value))}\" r=\"1.8\" fill=\"{line.Colour}\"/>"));
                    continue;
                }

                svg.Append("<polyline points=\"");
                svg.AppendJoin(' ', run.Select(p => Invariant($"{N(X(p.Interval))},{N(Y(p.Value))}")));
                svg.Append("\"/>");
            }

            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The stretches of consecutive intervals that have a value.</summary>
    private static List<List<(int Interval, double Value)>> Runs(IReadOnlyList<double?> values)
    {
        var runs = new List<List<(int, double)>>();
        List<(int, double)>? current = null;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                current = null;
                continue;
            }

            if (current is null) runs.Add(current = []);
            current.Add((i, value));
        }

        return runs;
    }

    /// <summary>1, 2, 2.5 or 5 times a power of ten: axis ticks at quarters read as round numbers.</summary>
    private static double NiceTop(double max)
    {
        if (max <= 0) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 4, 5, 8, 10 })
        {
            if (step * power >= max) return step * power;
        }

        return 10 * power;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
