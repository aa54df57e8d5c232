using System.Globalization;
using System.Security;
using System.Text;
using IvrEngine.Hours;
using NodaTime;

namespace IvrEngine.Simulation;

/// <summary>
/// "When should I call?": the average wait of callers who joined any queue in each hour of each
/// weekday, from a simulation. Hours nobody waited in (the line closed, no calls), and hours outside
/// the run's arrivals, stay empty.
/// </summary>
public sealed class BestTimeToCall
{
    private readonly double?[,] _waits = new double?[7, 24];
    private readonly long[,] _callers = new long[7, 24];
    private readonly HourlyWaitSpread? _spread;

    private BestTimeToCall(HourlyWaitSpread? spread)
    {
        _spread = spread;
    }

    /// <summary>The average wait in seconds for callers joining a queue on <paramref name="day"/> at <paramref name="hour"/>; null when none did.</summary>
    public double? WaitAt(IsoDayOfWeek day, int hour) => _waits[(int)day - 1, hour];

    /// <param name="spread">The same run week by week, to tell real differences from noise; null (or one week) says it cannot tell.</param>
    public static BestTimeToCall From(SimulationFigures figures, HourlyWaitSpread? spread = null)
    {
        var map = new BestTimeToCall(spread);
        var (seconds, callers) = SumByHour(figures);
        Array.Copy(callers, map._callers, callers.Length);
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                if (map._callers[d, h] > 0) map._waits[d, h] = seconds[d, h] / map._callers[d, h];
            }
        }
        return map;
    }

    /// <summary>
    /// Total wait in seconds and callers who waited, by weekday (Monday = 0) and hour, over every
    /// queue; only the hours the run's arrivals covered, not those a part-week run's drain reached.
    /// </summary>
    internal static (double[,] WaitSeconds, long[,] Callers) SumByHour(SimulationFigures figures)
    {
        var seconds = new double[7, 24];
        var callers = new long[7, 24];
        SumByHour(figures, seconds, callers);
        return (seconds, callers);
    }

    /// <summary>As <see cref="SumByHour(SimulationFigures)"/>, into arrays of 7 × 24 given empty (a caller adding up each of many weeks reuses its own).</summary>
    internal static void SumByHour(SimulationFigures figures, double[,] seconds, long[,] callers)
    {
        var grid = figures.Grid;
        foreach (var queue in figures.Queues)
        {
            for (var i = 0; i < grid.IntervalsPerWeek; i++)
            {
                if (figures.WeeksCovering(i) == 0) continue;
                var f = figures[queue, i];
                var day = (int)grid.DayOf(i) - 1;
                var hour = grid.StartMinuteOf(i) / 60;
                seconds[day, hour] += f.WaitSeconds;
                callers[day, hour] += f.Waits;
            }
        }
    }

    /// <summary>The hours with callers, shortest wait first (ties: earlier in the week).</summary>
    public IReadOnlyList<(IsoDayOfWeek Day, int Hour, double Seconds)> Ranked() =>
        [.. Cells().OrderBy(c => c.Seconds).ThenBy(c => c.Day).ThenBy(c => c.Hour)];

    /// <summary>Each day's average wait over its hours with callers (weighted by callers).</summary>
    public IReadOnlyList<(IsoDayOfWeek Day, double Seconds)> Days()
    {
        var days = new List<(IsoDayOfWeek, double)>();
        for (var d = 0; d < 7; d++)
        {
            long callers = 0;
            double total = 0;
            for (var h = 0; h < 24; h++)
            {
                if (_waits[d, h] is not { } wait) continue;
                callers += _callers[d, h];
                total += wait * _callers[d, h];
            }
            if (callers > 0) days.Add(((IsoDayOfWeek)(d + 1), total / callers));
        }
        return days;
    }

    /// <summary>Hours down, weekdays across, the average wait in each cell; then the best and worst.</summary>
    public void WriteTable(TextWriter output)
    {
        var cells = Cells().ToList();
        output.WriteLine("Best time to call (average wait in a queue, by the hour callers joined):");
        if (cells.Count == 0)
        {
            output.WriteLine("  no caller reached a queue.");
            return;
        }
        var ranked = Ranked();
        var best = ranked.Take(Math.Max(1, ranked.Count / 10)).Select(c => (c.Day, c.Hour)).ToHashSet();
        var worst = ranked.Reverse().Take(Math.Max(1, ranked.Count / 10)).Select(c => (c.Day, c.Hour)).ToHashSet();
        var rows = new List<string[]> { new[] { "hour" }.Concat(Enumerable.Range(1, 7).Select(d => DayNames.Short((IsoDayOfWeek)d))).ToArray() };
        foreach (var h in HoursWithCallers())
        {
            var row = new string[8];
            row[0] = string.Create(CultureInfo.InvariantCulture, $"{h:00}:00");
            for (var d = 0; d < 7; d++)
            {
                var day = (IsoDayOfWeek)(d + 1);
                row[d + 1] = _waits[d, h] is { } wait
                    ? SimulationReport.Clock(wait) + (best.Contains((day, h)) ? "+" : worst.Contains((day, h)) ? "!" : " ")
                    : "– ";
            }
            rows.Add(row);
        }
        SimulationReport.WriteTable(output, rows, rightAlignFrom: 1);
        var (bestDay, bestHour, bestWait) = ranked[0];
        var (worstDay, worstHour, worstWait) = ranked[^1];
        var days = Days().OrderBy(d => d.Seconds).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"+ shortest tenth, ! longest tenth. Best hour: {DayNames.Short(bestDay)} {bestHour:00}:00 ({SimulationReport.Clock(bestWait)}); worst: {DayNames.Short(worstDay)} {worstHour:00}:00 ({SimulationReport.Clock(worstWait)})."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Best day: {DayNames.Short(days[0].Day)} ({SimulationReport.Clock(days[0].Seconds)} on average); worst: {DayNames.Short(days[^1].Day)} ({SimulationReport.Clock(days[^1].Seconds)})."));
        output.WriteLine(Noise(bestDay, bestHour, worstDay, worstHour).Sentence);
    }

    private enum Spread
    {
        Unmeasured,
        WithinNoise,
        BeyondNoise,
    }

    /// <summary>Whether the best and the worst hour differ by more than the week-to-week noise, and that in a sentence.</summary>
    private (Spread Kind, string Sentence) Noise(IsoDayOfWeek bestDay, int bestHour, IsoDayOfWeek worstDay, int worstHour)
    {
        if (_spread is not { Weeks: >= 2 } spread || spread.Interval(bestDay, bestHour) is not { } best || spread.Interval(worstDay, worstHour) is not { } worst)
        {
            return (Spread.Unmeasured, "One simulated week: no measure of noise, so differences between hours may be chance (simulate several weeks, --duration P4W, to tell).");
        }
        var intervals = string.Create(CultureInfo.InvariantCulture,
            $"{SimulationReport.Clock(best.Low)}–{SimulationReport.Clock(best.High)} and {SimulationReport.Clock(worst.Low)}–{SimulationReport.Clock(worst.High)}, over {spread.Weeks} weeks");
        return best.High >= worst.Low
            ? (Spread.WithinNoise, $"Differences between hours are within noise: the best and the worst hour's 95% intervals overlap ({intervals}).")
            : (Spread.BeyondNoise, $"The best and the worst hour differ beyond noise (95% intervals {intervals}).");
    }

    /// <summary>
    /// The same map as an SVG image: a cell per weekday and hour coloured by its wait, green for no
    /// wait through yellow to red for the longest (or a minute, if no hour waits that long), the wait written in.
    /// </summary>
    /// <param name="standalone">False for a picture inside an HTML page, which needs no XML namespace declaration.</param>
    public string ToSvg(string title, bool standalone = true)
    {
        const int Cell = 44, Row = 22, Left = 56, Top = 48;
        var hours = HoursWithCallers().ToList();
        var cells = Cells().ToList();
        var max = cells.Count > 0 ? cells.Max(c => c.Seconds) : 0;
        // By value, not by rank: a week of equal hours is one colour, not green to red by chance. The
        // square root keeps short waits apart when one long opening rush sets the top of the scale, and a
        // minute at least as the top keeps a few seconds' difference from looking like a wide one.
        var top = Math.Max(max, 60);
        double Shade(double wait) => Math.Sqrt(wait / top);
        var ranked = Ranked();
        var noise = ranked.Count == 0 ? Spread.Unmeasured : Noise(ranked[0].Day, ranked[0].Hour, ranked[^1].Day, ranked[^1].Hour).Kind;
        var width = Left + (7 * Cell) + 16;
        var height = Top + (Math.Max(1, hours.Count) * Row) + 82;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg{(standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : "")} width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <title>Best time to call {SecurityElement.Escape(title)}: average wait by weekday and hour</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{Left}\" y=\"18\" font-size=\"13\" font-weight=\"bold\">Best time to call — {SecurityElement.Escape(title)}</text>\n");
        for (var d = 0; d < 7; d++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{Left + (d * Cell) + (Cell / 2)}\" y=\"{Top - 8}\" text-anchor=\"middle\">{DayNames.Short((IsoDayOfWeek)(d + 1))}</text>\n");
        }
        for (var r = 0; r < hours.Count; r++)
        {
            var h = hours[r];
            var y = Top + (r * Row);
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{Left - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{h:00}:00</text>\n");
            for (var d = 0; d < 7; d++)
            {
                var x = Left + (d * Cell);
                if (_waits[d, h] is { } wait)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"  <rect x=\"{x}\" y=\"{y}\" width=\"{Cell - 2}\" height=\"{Row - 2}\" fill=\"{Colour(Shade(wait))}\"><title>{DayNames.Short((IsoDayOfWeek)(d + 1))} {h:00}:00 — {SimulationReport.Clock(wait)}</title></rect>\n");
                    svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{x + ((Cell - 2) / 2)}\" y=\"{y + 14}\" text-anchor=\"middle\">{SimulationReport.Clock(wait)}</text>\n");
                }
                else
                {
                    svg.Append(CultureInfo.InvariantCulture, $"  <rect x=\"{x}\" y=\"{y}\" width=\"{Cell - 2}\" height=\"{Row - 2}\" fill=\"#eeeeee\"/>\n");
                }
            }
        }
        // The key in short lines: the image is only as wide as the seven day columns.
        string[] key =
        [
            "Average wait in a queue, by the hour callers joined.",
            string.Create(CultureInfo.InvariantCulture, $"Coloured by the wait: green none, red {SimulationReport.Clock(top)}."),
            $"Grey: no callers. Longest: {SimulationReport.Clock(max)}.",
            noise switch
            {
                Spread.WithinNoise => "Differences between hours are within noise.",
                Spread.BeyondNoise => "Best and worst hour differ beyond noise.",
                _ => "One week: no measure of noise.",
            },
        ];
        for (var line = 0; line < key.Length; line++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{Left}\" y=\"{height - 56 + (line * 14)}\" fill=\"#555555\">{SecurityElement.Escape(key[line])}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The hours of the day in which somebody, on some day, joined a queue.</summary>
    private IEnumerable<int> HoursWithCallers() => Enumerable.Range(0, 24).Where(h => Enumerable.Range(0, 7).Any(d => _waits[d, h] is not null));

    private IEnumerable<(IsoDayOfWeek Day, int Hour, double Seconds)> Cells()
    {
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                if (_waits[d, h] is { } wait) yield return ((IsoDayOfWeek)(d + 1), h, wait);
            }
        }
    }

    /// <summary>Green (0) through yellow to red (1).</summary>
    private static string Colour(double share)
    {
        share = Math.Clamp(share, 0, 1);
        var red = share < 0.5 ? (int)(80 + (share * 2 * 175)) : 255;
        var green = share < 0.5 ? 200 : (int)(200 - ((share - 0.5) * 2 * 150));
        return string.Create(CultureInfo.InvariantCulture, $"#{red:x2}{green:x2}60");
    }
}
