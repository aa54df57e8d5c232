using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IvrEngine.Simulation;

/// <summary>
/// A run's figures as people and tools read them: a console table per queue, CSV per queue and
/// interval, and JSON with both. No wall-clock data goes in, so a scenario and seed always give
/// the same bytes.
/// </summary>
public static class SimulationReport
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One line per queue that had callers: the week's KPIs.</summary>
    public static void WriteSummary(TextWriter output, SimulationFigures figures)
    {
        var rows = new List<string[]>
        {
            new[] { "queue", "offered", "answered", "abandoned", "SL", "ASA", "avg wait", "p90 wait", "longest", "occupancy", "callbacks off/acc/done" },
        };
        foreach (var queue in figures.Queues)
        {
            var t = figures.Total(queue);
            if (t.Offered == 0 && t.CallbacksCompleted == 0) continue;
            var threshold = (int)figures.ServiceLevelThreshold(queue).TotalSeconds;
            rows.Add(
            [
                queue,
                N(t.Offered),
                N(t.Answered),
                t.AbandonRate is { } rate ? $"{N(t.Abandoned)} ({Percent(rate)})" : N(t.Abandoned),
                t.ServiceLevel is { } sl ? $"{Percent(sl)}/{threshold}s" : "–",
                Clock(t.AverageSpeedOfAnswerSeconds),
                Clock(t.AverageWaitSeconds),
                Clock(t.Wait90Seconds),
                Clock(t.Waits == 0 ? null : t.LongestWaitSeconds),
                t.Occupancy is { } occupancy ? Percent(occupancy) : "–",
                $"{N(t.CallbacksOffered)}/{N(t.CallbacksAccepted)}/{N(t.CallbacksCompleted)}",
            ]);
        }
        WriteTable(output, rows, rightAlignFrom: 1);
    }

    /// <summary><c>queue,day,time,offered,…</c>: one row per queue and interval of the week.</summary>
    public static void WriteIntervalsCsv(TextWriter output, SimulationFigures figures)
    {
        output.Write("queue,day,time,interval_minutes,weeks,");
        output.WriteLine(string.Join(',', KpiRow.Columns));
        var grid = figures.Grid;
        foreach (var queue in figures.Queues)
        {
            for (var i = 0; i < grid.IntervalsPerWeek; i++)
            {
                var f = figures[queue, i];
                output.Write(string.Create(CultureInfo.InvariantCulture, $"{queue},{Hours.DayNames.Short(grid.DayOf(i))},{grid.TimeLabel(i)},{grid.IntervalMinutes},{f.Weeks},"));
                output.WriteLine(string.Join(',', KpiRow.Values(f)));
            }
        }
    }

    /// <summary>The run (scenario, seed, calls) with each queue's week totals and intervals.</summary>
    public static void WriteJson(Stream output, SimulationFigures figures, Scenario scenario, int seed)
    {
        using var json = new Utf8JsonWriter(output, JsonOptions);
        json.WriteStartObject();
        json.WriteString("scenario", Path.GetFileName(scenario.SourcePath));
        json.WriteString("menu", scenario.Menu.Name);
        json.WriteString("menuVersion", scenario.Menu.Version);
        json.WriteString("weekOf", scenario.WeekOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("seed", seed);
        json.WriteNumber("calls", figures.Calls);
        json.WriteNumber("endedInMenus", figures.EndedInMenus);
        json.WriteNumber("intervalMinutes", figures.Grid.IntervalMinutes);
        json.WriteStartObject("queues");
        foreach (var queue in figures.Queues)
        {
            json.WriteStartObject(queue);
            json.WriteNumber("serviceLevelSeconds", figures.ServiceLevelThreshold(queue).TotalSeconds);
            json.WritePropertyName("week");
            WriteFigures(json, figures.Total(queue));
            json.WriteStartArray("intervals");
            for (var i = 0; i < figures.Grid.IntervalsPerWeek; i++)
            {
                var f = figures[queue, i];
                if (f.Offered == 0 && f.StaffedSeconds == 0 && f.CallbacksCompleted == 0) continue;
                json.WriteStartObject();
                json.WriteString("day", Hours.DayNames.Short(figures.Grid.DayOf(i)));
                json.WriteString("time", figures.Grid.TimeLabel(i));
                WriteFigureProperties(json, f);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter json, IntervalFigures f)
    {
        json.WriteStartObject();
        WriteFigureProperties(json, f);
        json.WriteEndObject();
    }

    private static void WriteFigureProperties(Utf8JsonWriter json, IntervalFigures f)
    {
        var values = KpiRow.Values(f);
        for (var c = 0; c < KpiRow.Columns.Length; c++)
        {
            var name = KpiRow.Columns[c];
            if (values[c].Length == 0) json.WriteNull(name);
            else json.WriteNumber(name, double.Parse(values[c], CultureInfo.InvariantCulture));
        }
    }

    public static void WriteTable(TextWriter output, List<string[]> rows, int rightAlignFrom)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var c = 0; c < row.Length; c++)
            {
                if (c > 0) line.Append("  ");
                line.Append(c >= rightAlignFrom ? row[c].PadLeft(widths[c]) : row[c].PadRight(widths[c]));
            }
            output.WriteLine(line.ToString().TrimEnd());
        }
    }

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary><c>0:42</c>, <c>12:05</c>, <c>1:02:10</c>; "–" when there is nothing to show.</summary>
    public static string Clock(double? seconds)
    {
        if (seconds is not { } s) return "–";
        var span = TimeSpan.FromSeconds(Math.Round(s));
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{span.Seconds:00}");
    }
}
