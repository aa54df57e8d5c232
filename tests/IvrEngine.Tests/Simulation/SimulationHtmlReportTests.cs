using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Reports;
using NodaTime;

namespace IvrEngine.Tests.Simulation;

/// <summary>
/// report.html from a real run of the tiny scenario: self-contained (nothing loaded from anywhere),
/// the KPI figures equal to summary.json's, a chart per queue and kind with its series, and every
/// heat-map cell.
/// </summary>
public sealed partial class SimulationHtmlReportTests
{
    private Scenario _scenario = null!;
    private SimulationFigures _figures = null!;
    private BestTimeToCall _bestTime = null!;
    private string _html = null!;
    private JsonElement _summary;

    [OneTimeSetUp]
    public async Task RunTwoWeeks()
    {
        _scenario = SimulationFiles.LoadTiny();
        var spread = new HourlyWaitSpread();
        _figures = await LoadSimulation.RunAsync(_scenario, SimulationLength.Of(Duration.FromDays(14)), seed: 7, onWeek: spread.Add);
        _bestTime = BestTimeToCall.From(_figures, spread);
        _html = SimulationHtmlReport.Write(_figures, _bestTime, _scenario, seed: 7);
        using var json = new MemoryStream();
        SimulationReport.WriteJson(json, _figures, _scenario, seed: 7);
        _summary = JsonDocument.Parse(json.ToArray()).RootElement.Clone();
    }

    [Test]
    public void TheReport_LoadsNothing_NoScriptNoStyleSheetNoFontNoAddress()
    {
        Assert.That(_html, Does.StartWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        Assert.That(_html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("//cdn"));
        Assert.That(_html, Does.Not.Contain("<script").And.Not.Contain("<link").And.Not.Contain("@import").And.Not.Contain("url(").And.Not.Contain("<img"));
        Assert.That(SrcOrHref().Matches(_html).Select(m => m.Groups[1].Value).Where(v => !v.StartsWith('#')), Is.Empty, "only links within the page");
    }

    [Test]
    public void TheKpiTable_HoldsSummaryJsonsWeekFigures_ForEveryQueue()
    {
        var queues = _summary.GetProperty("queues");
        Assert.That(queues.EnumerateObject().Count(), Is.GreaterThan(0));
        foreach (var queue in queues.EnumerateObject())
        {
            var row = Row(queue.Name);
            foreach (var figure in queue.Value.GetProperty("week").EnumerateObject())
            {
                var cell = Regex.Match(row, $"data-kpi=\"{figure.Name}\" data-value=\"([^\"]*)\"");
                Assert.That(cell.Success, Is.True, $"{queue.Name} has a {figure.Name} cell");
                var expected = figure.Value.ValueKind == JsonValueKind.Null ? "" : figure.Value.GetDouble().ToString("R", CultureInfo.InvariantCulture);
                var actual = cell.Groups[1].Value.Length == 0 ? "" : double.Parse(cell.Groups[1].Value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
                Assert.That(actual, Is.EqualTo(expected), $"{queue.Name} {figure.Name}");
            }

            Assert.That(row, Does.Contain($"data-value=\"{queue.Value.GetProperty("serviceLevelSeconds").GetDouble().ToString(CultureInfo.InvariantCulture)}\""));
        }
    }

    [Test]
    public void TheKpiTable_ShowsSharesAsPercentages_UnderColumnHeaders()
    {
        var general = _figures.Total("general");
        var row = Row("general");

        Assert.That(row, Does.Contain($">{SimulationReport.Percent(general.ServiceLevel!.Value)}</td>"));
        Assert.That(_html, Does.Contain("<th scope=\"col\">Service level</th>").And.Contain("<th scope=\"row\">general</th>"));
    }

    [Test]
    public void EachQueueWithCallers_HasServiceLevelWaitsAndStaffingCharts_WithTheirSeries()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["service-level"] = ["service_level", "abandon_rate"],
            ["waits"] = ["asa_s", "avg_wait_s", "p90_wait_s"],
            ["staffing"] = ["offered", "agents"],
        };
        var withCallers = _figures.Queues.Where(q => _figures.Total(q).Offered > 0).ToList();
        Assert.That(withCallers, Is.Not.Empty);

        foreach (var queue in withCallers)
        {
            foreach (var (kind, series) in expected)
            {
                var charts = Regex.Matches(_html, $"<figure class=\"chart\" data-chart=\"{kind}\" data-queue=\"{queue}\">(.*?)</figure>", RegexOptions.Singleline);
                Assert.That(charts, Has.Count.EqualTo(1), $"{queue} {kind}");
                var chart = charts[0].Groups[1].Value;
                Assert.That(Regex.Matches(chart, "data-series=\"([^\"]+)\"").Select(m => m.Groups[1].Value), Is.EqualTo(series), $"{queue} {kind}");
                Assert.That(chart, Does.Match("<svg [^>]*role=\"img\" aria-labelledby=\"[^\"]+-title [^\"]+-desc\""), "a titled, described image");
                Assert.That(chart, Does.Contain("<polyline points=\"").Or.Contain("<circle "), "some line drawn");
            }
        }
    }

    [Test]
    public void TheServiceLevelChart_PlotsEachIntervalsFigure()
    {
        var grid = _figures.Grid;
        var busiest = Enumerable.Range(0, grid.IntervalsPerWeek).Where(i => _figures["general", i].ServiceLevel is not null).ToList();
        var chart = Regex.Match(_html, "data-chart=\"service-level\" data-queue=\"general\">.*?data-series=\"service_level\".*?</g>", RegexOptions.Singleline).Value;

        var points = Regex.Matches(chart, @"(-?\d+(?:\.\d)?),(-?\d+(?:\.\d)?)").Count + Regex.Matches(chart, "<circle ").Count;

        Assert.That(points, Is.EqualTo(busiest.Count), "one point per interval with a service level");
    }

    [Test]
    public void TheHeatMap_HasEveryHourWithCallers_AsACellWithItsWait()
    {
        var cells = _bestTime.Ranked();
        Assert.That(cells, Is.Not.Empty);

        foreach (var (day, hour, seconds) in cells)
        {
            Assert.That(_html, Does.Contain(string.Create(CultureInfo.InvariantCulture, $"<title>{IvrEngine.Hours.DayNames.Short(day)} {hour:00}:00 — {SimulationReport.Clock(seconds)}</title>")));
        }

        var heatmap = Regex.Match(_html, "<figure class=\"heatmap\" data-chart=\"best-time\">(.*?)</figure>", RegexOptions.Singleline).Groups[1].Value;
        Assert.That(Regex.Matches(heatmap, "<rect [^>]*><title>").Count, Is.EqualTo(cells.Count));
        Assert.That(_html, Does.Contain("Best time to call (average wait in a queue, by the hour callers joined):"));
    }

    [Test]
    public void TheStaffingTable_HasARowPerQueue_WithAgentHoursByDay()
    {
        var staffing = Regex.Match(_html, "<table class=\"staffing\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;

        Assert.That(staffing, Does.Contain("<th scope=\"col\">Mon</th>").And.Contain("<th scope=\"col\">Most agents</th>"));
        foreach (var queue in _figures.Queues) Assert.That(staffing, Does.Contain($"<tr data-queue=\"{queue}\"><th scope=\"row\">{queue}</th>"));
        var mondayHours = Enumerable.Range(0, _figures.Grid.IntervalsPerDay).Select(i => _figures["general", i]).Where(f => f.Weeks > 0).Sum(f => f.StaffedSeconds / 3600 / f.Weeks);
        Assert.That(staffing, Does.Contain(string.Create(CultureInfo.InvariantCulture, $"<tr data-queue=\"general\"><th scope=\"row\">general</th><td>{mondayHours:0.#}</td>")));
    }

    [Test]
    public void TheSameRun_WritesTheSameBytes()
    {
        var again = SimulationHtmlReport.Write(_figures, _bestTime, _scenario, seed: 7);

        Assert.That(again, Is.EqualTo(_html));
    }

    private string Row(string queue) => Regex.Match(_html, $"<tr data-queue=\"{queue}\"><th scope=\"row\">{queue}</th><td data-kpi=.*?</tr>").Value;

    [GeneratedRegex("(?:src|href)=\"([^\"]*)\"")]
    private static partial Regex SrcOrHref();
}
