using IvrEngine.Flows;

namespace IvrEngine.Tests.Flows;

public sealed class FlowCoverageTests
{
    [Test]
    public void CountsOnTheTestLine_MatchTheHandCount()
    {
        using var folder = new FlowFolder();
        var suite = new FlowLoader().Load([folder.Write("cov.flow", """
            menu: test-line.json
            flow: billing by key, payment arrangement
            press 1
            press 2
            flow: cancel by phrase
            say cancel my service
            flow: silence at main
            wait 5s
            flow: invalid until retries run out
            press 5
            press 5
            press 5
            """)]);
        var results = new FlowRunner(TimeProvider.System).RunAll(suite.Cases);

        var report = FlowCoverage.Of(results).Single();

        // By hand, from TestMenus.Line (en-US and ru-RU; order-status is an announcement):
        // nodes 6; keys main 1 2 3 * + billing 1 2 3 8 9 + plans 1 10 2 + plan-info 1 9 = 14;
        // phrased options main 4 + billing 3 = 7, times 2 locales = 14; nodes that listen 5; queues 3.
        Assert.That(report.Rows.Select(r => $"{r.Name} {r.Covered}/{r.Total}"), Is.EqualTo(new[]
        {
            "nodes 2/6", "options by key 2/14", "options by phrase 1/14", "escapes 0/5",
            "no-input paths 1/5", "invalid-input paths 1/5", "retries-exhausted paths 1/5", "queues reached 3/3",
        }));
        Assert.That(report.HeadlinePercent, Is.EqualTo(100.0 * 3 / 33).Within(1e-9));
        Assert.That(report.Rows.Single(r => r.Name == "options by phrase").Missing, Does.Contain("main: [ru-RU] 'отключить номер'").And.Contain("main: [en-US] 'billing'"));
        Assert.That(report.Rows.Single(r => r.Name == "escapes").Missing, Is.EqualTo(new[] { "billing", "main", "order-number", "plan-info", "plans" }));
    }

    [Test]
    public void FlowsOfTwoMenusInOneFolder_GiveOneReportPerMenu()
    {
        using var folder = new FlowFolder();
        folder.Write("second.json", IvrEngine.Tests.Calls.TestMenus.Line.Replace("\"name\": \"test-line\"", "\"name\": \"second-line\"", StringComparison.Ordinal));
        folder.Write("a.flow", "menu: test-line.json\npress 1\nexpect node billing\n");
        folder.Write("b.flow", "menu: second.json\npress 0\n");
        var suite = new FlowLoader().Load(Directory.EnumerateFiles(folder.Path, "*.flow"));

        var menus = MenuFlowCoverage.ByMenu(suite.Cases);
        var reports = menus.Select(m => MenuFlowCoverage.Report(m.Cases)).ToList();

        Assert.That(menus.Select(m => Path.GetFileName(m.MenuPath)), Is.EqualTo(new[] { "second.json", "test-line.json" }));
        Assert.That(reports.Select(r => r.Menu.Name), Is.EqualTo(new[] { "second-line", "test-line" }));
        Assert.That(reports.Select(r => r.Rows.Single(row => row.Name == "escapes").Covered), Is.EqualTo(new[] { 1, 0 }));
    }
}
