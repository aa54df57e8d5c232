using IvrEngine.Flows;

namespace IvrEngine.Tests.Flows;

/// <summary>The coverage row "hours branches": every node and queue with hours, found open and found closed.</summary>
public sealed class FlowHoursCoverageTests
{
    private const string Menu = """
        { "name": "hours-line", "timeZone": "America/New_York", "locales": ["en-US"], "start": "main", "defaults": { "escape": { "to": { "queue": "desk" } } },
          "hours": { "office": { "weekly": { "mon-fri": "09:00-17:00" } } },
          "queues": { "desk": { "name": { "en-US": "the desk" }, "hours": "office" } },
          "nodes": {
            "main": { "prompt": { "en-US": "Main. Press 1 for the desk, 2 for notes." },
                      "options": [ { "key": "1", "queue": "desk" }, { "key": "2", "goto": "notes" } ] },
            "notes": { "prompt": { "en-US": "Notes." }, "hours": { "schedule": "office" }, "next": { "hangup": { "en-US": "Bye." } } }
          } }
        """;

    [Test]
    public void CountsEachNodeAndQueueWithHours_OpenAndClosed_OutsideTheHeadline()
    {
        using var folder = new FlowFolder();
        folder.Write("hours-line.json", Menu);
        var open = folder.Write("open.flow", "menu: hours-line.json\nat: Monday 10:00 America/New_York\nstaffing: none\nflow: desk\npress 1\nexpect outcome transferred desk\nflow: notes\npress 2\nexpect outcome self-service\n");
        var closed = folder.Write("closed.flow", "menu: hours-line.json\nat: Monday 20:00 America/New_York\nstaffing: none\npress 1\nexpect outcome closed\n");

        var suite = new FlowLoader().Load([open, closed]);
        Assert.That(suite.Diagnostics.Select(d => d.ToString()), Is.Empty);
        var results = new FlowRunner(TimeProvider.System).RunAll(suite.Cases);
        Assert.That(results.Select(r => r.Failure), Is.All.Null);
        var report = FlowCoverage.Of(results).Single();

        var row = report.Rows.Single(r => r.Name == "hours branches");
        Assert.That((row.Covered, row.Total, row.CountsTowardHeadline), Is.EqualTo((3, 4, false)));
        Assert.That(row.Missing, Is.EqualTo(new[] { "node notes: closed" }));
    }

    [Test]
    public void AMenuWithoutHours_HasNoHoursRow()
    {
        using var folder = new FlowFolder();

        var results = folder.Run("plain.flow", "menu: test-line.json\npress 1\nexpect node billing");

        Assert.That(FlowCoverage.Of(results).Single().Rows.Select(r => r.Name), Does.Not.Contain("hours branches"));
    }
}
