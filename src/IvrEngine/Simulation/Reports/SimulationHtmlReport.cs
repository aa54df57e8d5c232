using System.Globalization;
using System.Net;
using System.Text;

namespace IvrEngine.Simulation.Reports;

/// <summary>
/// <c>report.html</c>: the run in one page that opens from the file system with no network — the KPI
/// table, each queue's service level, waits and staffing by interval as inline SVG charts, the
/// best-time-to-call heat map and the staffing by day. Every figure comes from the same
/// <see cref="SimulationFigures"/> and <see cref="KpiRow"/> values as <c>summary.json</c> and
/// <c>intervals.csv</c> (each KPI cell carries the JSON's value in <c>data-value</c>); nothing from
/// the wall clock goes in, so a scenario and seed give the same bytes.
/// </summary>
public static class SimulationHtmlReport
{
    /// <summary>The KPI columns as a person reads them, in <see cref="KpiRow.Columns"/>' order.</summary>
    private static readonly string[] Headers =
    [
        "Offered", "Answered", "Abandoned", "Abandon rate", "Service level", "P(wait)", "ASA", "Average wait", "90% waited at most", "Longest wait",
        "Occupancy", "Callbacks offered", "Callbacks accepted", "Callbacks completed", "Overflowed", "Turned away",
    ];

    public static string Write(SimulationFigures figures, BestTimeToCall bestTime, Scenario scenario, int seed)
    {
        var html = new StringBuilder();
        var menu = scenario.Menu;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>Simulation report: {E(menu.Name)}</title>\n<style>{Style}</style>\n</head>\n<body>\n<main>\n");
        html.Append($"<h1>Simulation report: {E(menu.Name)}</h1>\n<dl class=\"run\">");
        Fact(html, "Scenario", Path.GetFileName(scenario.SourcePath));
        Fact(html, "Menu version", menu.Version);
        Fact(html, "Weeks from", scenario.WeekOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Fact(html, "Seed", seed.ToString(CultureInfo.InvariantCulture));
        Fact(html, "Calls", SimulationReport.N(figures.Calls));
        Fact(html, "Ended in the menus", SimulationReport.N(figures.EndedInMenus));
        Fact(html, "Interval", $"{figures.Grid.IntervalMinutes} minutes");
        html.Append("</dl>\n");

        html.Append("<nav aria-label=\"Sections\"><ul><li><a href=\"#kpis\">KPIs</a></li>");
        var charted = figures.Queues.Where(q => figures.Total(q) is { } t && (t.Offered > 0 || t.CallbacksCompleted > 0)).ToList();
        foreach (var queue in charted) html.Append($"<li><a href=\"#queue-{E(queue)}\">Queue {E(queue)}</a></li>");
        html.Append("<li><a href=\"#best-time\">Best time to call</a></li><li><a href=\"#staffing\">Staffing</a></li></ul></nav>\n");

        WriteKpis(html, figures);
        foreach (var queue in charted) WriteQueueCharts(html, figures, queue);
        WriteBestTime(html, bestTime, menu.Name);
        WriteStaffing(html, figures);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteKpis(StringBuilder html, SimulationFigures figures)
    {
        html.Append("<section id=\"kpis\" aria-labelledby=\"kpis-heading\">\n<h2 id=\"kpis-heading\">KPIs by queue</h2>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"KPI table, scrolls sideways\">\n");
        html.Append("<table class=\"kpis\"><caption>Each queue over every simulated week (the figures of summary.json's <code>week</code>)</caption>\n<thead><tr><th scope=\"col\">Queue</th><th scope=\"col\">SL threshold</th>");
        foreach (var header in Headers) html.Append($"<th scope=\"col\">{E(header)}</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var queue in figures.Queues)
        {
            var values = KpiRow.Values(figures.Total(queue));
            html.Append($"<tr data-queue=\"{E(queue)}\"><th scope=\"row\">{E(queue)}</th>");
            html.Append(Invariant($"<td data-kpi=\"serviceLevelSeconds\" data-value=\"{figures.ServiceLevelThreshold(queue).TotalSeconds}\">{figures.ServiceLevelThreshold(queue).TotalSeconds} s</td>"));
            for (var c = 0; c < KpiRow.Columns.Length; c++)
            {
                html.Append($"<td data-kpi=\"{KpiRow.Columns[c]}\" data-value=\"{values[c]}\">{E(Shown(KpiRow.Columns[c], values[c]))}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n</div>\n<p class=\"note\">Service level: answered within the threshold, of those answered or abandoned. ASA: average speed of answer. P(wait): callers who waited at all. Occupancy: talk and wrap-up of the time agents were logged in.</p>\n</section>\n");
    }

    /// <summary>A KPI value as the table shows it: shares as percentages, seconds with their unit, "–" for none.</summary>
    private static string Shown(string column, string value)
    {
        if (value.Length == 0) return "–";
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        return column switch
        {
            "abandon_rate" or "service_level" or "p_wait" or "occupancy" => SimulationReport.Percent(number),
            _ when column.EndsWith("_s", StringComparison.Ordinal) => $"{value} s",
            _ => SimulationReport.N((long)number),
        };
    }

    private static void WriteQueueCharts(StringBuilder html, SimulationFigures figures, string queue)
    {
        var grid = figures.Grid;
        var intervals = Enumerable.Range(0, grid.IntervalsPerWeek).Select(i => figures[queue, i]).ToList();
        var threshold = figures.ServiceLevelThreshold(queue).TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var id = "q-" + Slug(queue);
        html.Append($"<section id=\"queue-{E(queue)}\" aria-labelledby=\"{id}-heading\">\n<h2 id=\"{id}-heading\">Queue {E(queue)}</h2>\n");

        Chart(html, $"{id}-sl", queue, "service-level", $"Service level and abandon rate by interval, queue {queue}",
            $"Share of callers answered within {threshold} s, and share who hung up waiting, for each {grid.IntervalMinutes}-minute interval of the week; gaps where nobody was answered or abandoned.",
            grid,
            [
                new ChartSeries("service_level", $"Service level ({threshold} s)", "#1d4ed8", null, [.. intervals.Select(f => f.ServiceLevel)]),
                new ChartSeries("abandon_rate", "Abandon rate", "#b91c1c", "6 3", [.. intervals.Select(f => f.AbandonRate)]),
            ],
            share => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%", 1);

        Chart(html, $"{id}-waits", queue, "waits", $"Waits by interval, queue {queue}",
            $"Average speed of answer, average wait and the wait 90% of callers did not exceed, in seconds, for each {grid.IntervalMinutes}-minute interval of the week.",
            grid,
            [
                new ChartSeries("asa_s", "ASA", "#1d4ed8", null, [.. intervals.Select(f => f.AverageSpeedOfAnswerSeconds)]),
                new ChartSeries("avg_wait_s", "Average wait", "#047857", "6 3", [.. intervals.Select(f => f.AverageWaitSeconds)]),
                new ChartSeries("p90_wait_s", "90% waited at most", "#9a3412", "2 2", [.. intervals.Select(f => f.Wait90Seconds)]),
            ],
            seconds => SimulationReport.Clock(seconds), 10, seconds: true);

        var length = grid.IntervalMinutes * 60.0;
        Chart(html, $"{id}-staffing", queue, "staffing", $"Calls offered and agents logged in by interval, queue {queue}",
            $"Calls that joined the queue and agents logged in, each an average over the simulated weeks, for each {grid.IntervalMinutes}-minute interval of the week.",
            grid,
            [
                new ChartSeries("offered", "Calls offered (a week)", "#6d28d9", null, [.. intervals.Select(f => f.Weeks == 0 ? null : (double?)f.Offered / f.Weeks)]),
                new ChartSeries("agents", "Agents logged in", "#047857", "6 3", [.. intervals.Select(f => f.Weeks == 0 ? null : (double?)(f.StaffedSeconds / length / f.Weeks))]),
            ],
            count => count.ToString("0.#", CultureInfo.InvariantCulture), 1);
        html.Append("</section>\n");
    }

    private static void Chart(StringBuilder html, string id, string queue, string kind, string title, string description, WeekGrid grid, IReadOnlyList<ChartSeries> series,
        Func<double, string> format, double yMax, bool seconds = false)
    {
        html.Append($"<figure class=\"chart\" data-chart=\"{kind}\" data-queue=\"{E(queue)}\">\n");
        html.Append(SvgLineChart.Draw(id, title, description, grid, series, format, yMax, seconds));
        html.Append($"\n<figcaption><strong>{E(title)}</strong><ul class=\"legend\">");
        foreach (var line in series)
        {
            html.Append($"<li><svg width=\"28\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\" stroke=\"{line.Colour}\" stroke-width=\"2.5\"{(line.Dash is null ? "" : $" stroke-dasharray=\"{line.Dash}\"")}/></svg> {E(line.Name)}</li>");
        }

        html.Append("</ul></figcaption>\n</figure>\n");
    }

    private static void WriteBestTime(StringBuilder html, BestTimeToCall bestTime, string menuName)
    {
        html.Append("<section id=\"best-time\" aria-labelledby=\"best-time-heading\">\n<h2 id=\"best-time-heading\">Best time to call</h2>\n");
        html.Append("<figure class=\"heatmap\" data-chart=\"best-time\">\n");
        html.Append(bestTime.ToSvg(menuName, standalone: false));
        html.Append("<figcaption>Average wait in a queue by weekday and the hour callers joined (the console's table, below).</figcaption>\n</figure>\n");
        using var table = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        bestTime.WriteTable(table);
        html.Append($"<pre class=\"table\">{E(table.ToString())}</pre>\n</section>\n");
    }

    /// <summary>Agent-hours each weekday (an average over the weeks) and the most agents in one interval.</summary>
    private static void WriteStaffing(StringBuilder html, SimulationFigures figures)
    {
        var grid = figures.Grid;
        html.Append("<section id=\"staffing\" aria-labelledby=\"staffing-heading\">\n<h2 id=\"staffing-heading\">Staffing</h2>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Staffing table, scrolls sideways\">\n");
        html.Append("<table class=\"staffing\"><caption>Agent-hours logged in each weekday, and the most agents in one interval (averages over the simulated weeks)</caption>\n<thead><tr><th scope=\"col\">Queue</th>");
        for (var d = 1; d <= 7; d++) html.Append($"<th scope=\"col\">{Hours.DayNames.Short((NodaTime.IsoDayOfWeek)d)}</th>");
        html.Append("<th scope=\"col\">Week</th><th scope=\"col\">Most agents</th></tr></thead>\n<tbody>\n");
        var length = grid.IntervalMinutes * 60.0;
        foreach (var queue in figures.Queues)
        {
            var byDay = new double[7];
            double most = 0;
            for (var i = 0; i < grid.IntervalsPerWeek; i++)
            {
                var f = figures[queue, i];
                if (f.Weeks == 0) continue;
                byDay[(int)grid.DayOf(i) - 1] += f.StaffedSeconds / 3600 / f.Weeks;
                most = Math.Max(most, f.StaffedSeconds / length / f.Weeks);
            }

            html.Append($"<tr data-queue=\"{E(queue)}\"><th scope=\"row\">{E(queue)}</th>");
            foreach (var hours in byDay) html.Append(Invariant($"<td>{hours:0.#}</td>"));
            html.Append(Invariant($"<td>{byDay.Sum():0.#}</td><td>{most:0.#}</td></tr>\n"));
        }

        html.Append("</tbody></table>\n</div>\n</section>\n");
    }

    private static void Fact(StringBuilder html, string name, string value) => html.Append($"<div><dt>{E(name)}</dt><dd>{E(value)}</dd></div>");

    /// <summary>An id-safe form of a queue id (ids are letters, digits, '-' and '_' already, but a page must not trust that).</summary>
    private static string Slug(string text) => new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>System fonts only; every text colour passes WCAG AA (4.5:1) on its background.</summary>
    private const string Style = """

        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #111827; background: #ffffff; line-height: 1.45; }
        main { max-width: 1000px; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
        h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid #d1d5db; padding-bottom: 0.25rem; }
        dl.run { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0; }
        dl.run div { min-width: 9rem; }
        dt { font-size: 0.8rem; color: #374151; }
        dd { margin: 0; font-weight: 600; }
        nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
        a { color: #1d4ed8; }
        a:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
        .scroll { overflow-x: auto; }
        .scroll:focus-visible { outline: 3px solid #1d4ed8; }
        table { border-collapse: collapse; font-size: 0.85rem; }
        caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
        th, td { border: 1px solid #d1d5db; padding: 0.3rem 0.5rem; text-align: right; white-space: nowrap; }
        th[scope="row"], thead th:first-child { text-align: left; }
        thead th { background: #f3f4f6; }
        .note { font-size: 0.85rem; color: #374151; }
        figure { margin: 1rem 0; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: 0.9rem; }
        ul.legend { list-style: none; padding: 0; margin: 0.25rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
        ul.legend svg { vertical-align: middle; }
        pre.table { font-size: 0.8rem; background: #f9fafb; border: 1px solid #d1d5db; padding: 0.5rem; overflow-x: auto; }

        """;
}
