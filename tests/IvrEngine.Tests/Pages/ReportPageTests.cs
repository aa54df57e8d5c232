using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Reports;
using IvrEngine.Tests.Simulation;
using Microsoft.Playwright;
using NodaTime;

namespace IvrEngine.Tests.Pages;

/// <summary>
/// The simulation's report.html opened the way a planner opens it: from the file system, in a
/// browser with the network switched off. Everything it shows is in the file: the charts draw, the
/// KPI table and the heat map are there, and the page asks for nothing beyond itself.
/// </summary>
public sealed class ReportPageTests
{
    [Test]
    public async Task ReportHtml_OpenedFromTheFileSystemOffline_ShowsItsChartsAndTables_AndRequestsNothingElse()
    {
        var scenario = SimulationFiles.LoadTiny();
        var spread = new HourlyWaitSpread();
        var figures = await LoadSimulation.RunAsync(scenario, SimulationLength.Of(Duration.FromDays(7)), seed: 7, onWeek: spread.Add);
        var folder = Directory.CreateTempSubdirectory("ivr-report-page-").FullName;
        var path = Path.Combine(folder, "report.html");
        await File.WriteAllTextAsync(path, SimulationHtmlReport.Write(figures, BestTimeToCall.From(figures, spread), scenario, seed: 7));
        try
        {
            await using var context = await Browser.Current.NewContextAsync(new BrowserNewContextOptions
            {
                Offline = true,
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            });
            var page = await context.NewPageAsync();
            var requests = new List<string>();
            page.Request += (_, request) => requests.Add(request.Url);
            var failures = new List<string>();
            page.RequestFailed += (_, request) => failures.Add(request.Url);

            var fileUrl = new Uri(path).AbsoluteUri;
            await page.GotoAsync(fileUrl);

            var charts = page.Locator("svg[role=img]");
            Assert.That(await charts.CountAsync(), Is.GreaterThanOrEqualTo(3), "a chart per queue and kind, and the heat map");
            await Microsoft.Playwright.Assertions.Expect(charts.First).ToBeVisibleAsync();
            var firstChart = await charts.First.BoundingBoxAsync();
            Assert.That(firstChart, Is.Not.Null);
            Assert.That(firstChart!.Width, Is.GreaterThan(200), "the chart is drawn at a readable size");
            Assert.That(await page.Locator("svg[role=img] path, svg[role=img] polyline").CountAsync(), Is.GreaterThan(0), "chart lines are drawn");
            Assert.That(await page.Locator("[data-kpi]").CountAsync(), Is.GreaterThan(0), "the KPI table");
            await Browser.ScreenshotAsync(page, "report");

            Assert.Multiple(() =>
            {
                Assert.That(requests, Is.EqualTo(new[] { fileUrl }), "the page loads nothing but itself");
                Assert.That(failures, Is.Empty);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
