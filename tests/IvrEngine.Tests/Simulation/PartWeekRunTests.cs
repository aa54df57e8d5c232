using IvrEngine.Hosting.Simulation;
using IvrEngine.Queues;
using IvrEngine.Simulation;
using NodaTime;

namespace IvrEngine.Tests.Simulation;

/// <summary>Runs shorter than a week: what is expected of them, and which hours they report.</summary>
public sealed class PartWeekRunTests
{
    // The tiny scenario: 100 calls an hour on Mondays 09:00-12:00, nothing else.
    [TestCase("PT9H", 0)]
    [TestCase("PT10H30M", 150)]
    [TestCase("P1D", 300)]
    [TestCase("P7D", 300)]
    [TestCase("P15D", 900)]
    public void CallsExpected_AddUpTheArrivalRatesOverTheRun_NotASeventhOfTheWeekPerDay(string length, double calls)
    {
        var scenario = SimulationFiles.LoadTiny();

        Assert.That(scenario.CallsExpectedIn(NodaTime.Text.PeriodPattern.NormalizingIso.Parse(length).Value.ToDuration()), Is.EqualTo(calls).Within(1e-9));
    }

    [Test]
    public void TheBestTimeToCall_LeavesOutHoursOnlyTheDrainAfterTheLastCallerReached()
    {
        var scenario = SimulationFiles.LoadTiny();
        var figures = new SimulationFigures(scenario);
        IQueueObserver observer = figures;
        var monday = scenario.WeekStart(0);
        var mondayNine = monday + Duration.FromHours(9);
        var tuesdayNine = mondayNine + Duration.FromDays(1);
        figures.Covered(scenario.Grid.Locate(mondayNine, scenario.Menu.TimeZone).Interval);

        // A caller answered within Monday's arrivals, and one (an overflow, a callback leg) in Tuesday's drain.
        observer.Offered("general", mondayNine);
        observer.Answered("general", mondayNine + Duration.FromSeconds(30), Duration.FromSeconds(30), callbackLeg: false);
        observer.Offered("general", tuesdayNine);
        observer.Answered("general", tuesdayNine + Duration.FromMinutes(20), Duration.FromMinutes(20), callbackLeg: false);

        var map = BestTimeToCall.From(figures);
        Assert.Multiple(() =>
        {
            Assert.That(map.WaitAt(IsoDayOfWeek.Monday, 9), Is.EqualTo(30));
            Assert.That(map.WaitAt(IsoDayOfWeek.Tuesday, 9), Is.Null, "Tuesday was not simulated; only the drain reached it");
            Assert.That(map.Days().Select(d => d.Day), Is.EqualTo(new[] { IsoDayOfWeek.Monday }));
        });
    }

    [Test]
    public async Task ARunCutShortByItsCallCount_CoversTheHoursUpToItsLastCaller()
    {
        // 100 calls an hour from Monday 09:00: the 150th arrives in the 10:00 hour. One agent leaves
        // a backlog of kept places and callbacks that runs on past 11:00 without new callers.
        var scenario = SimulationFiles.LoadTiny(SimulationFiles.With("\"agents\": 3", "\"agents\": 1"));
        var figures = await LoadSimulation.RunAsync(scenario, SimulationLength.OfCalls(150), seed: 4);
        int Hour(int hour) => scenario.Grid.Locate(scenario.WeekStart(0) + Duration.FromHours(hour), scenario.Menu.TimeZone).Interval;

        Assert.Multiple(() =>
        {
            Assert.That(figures.Calls, Is.EqualTo(150));
            Assert.That(figures.WeeksCovering(Hour(9)), Is.EqualTo(1));
            Assert.That(figures.WeeksCovering(Hour(10)), Is.EqualTo(1));
            Assert.That(figures.WeeksCovering(Hour(11)), Is.Zero, "no caller arrived after the 150th");
        });
    }
}
