using IvrEngine.Hosting.Simulation;
using NodaTime;

namespace IvrEngine.Tests.Simulation;

/// <summary>How one simulated week staffs its queues and how long it runs.</summary>
[TestFixture]
public sealed class SimulatedWeekTests
{
    [Test]
    public async Task CallersArrivingBeforeAnyoneIsStaffed_FindNoAgentUntilTheShiftStarts()
    {
        // Arrivals at 02:00-04:00, agents only from 08:00: nobody may answer before 08:00.
        var scenario = SimulationFiles.LoadTiny(SimulationFiles.With(
            """{ "days": "mon", "from": "09:00", "to": "12:00", "callsPerHour": 100 }""",
            """{ "days": "mon", "from": "02:00", "to": "04:00", "callsPerHour": 20 }"""));

        var figures = await LoadSimulation.RunAsync(scenario, SimulationLength.Of(Duration.FromDays(7)), seed: 3);

        var early = figures["general", 2];
        Assert.Multiple(() =>
        {
            Assert.That(early.Offered, Is.GreaterThan(0), "callers reached the queue at 02:00");
            Assert.That(early.AnsweredInTime, Is.Zero, "no agent is logged in at 02:00");
            Assert.That(early.AverageSpeedOfAnswerSeconds ?? double.MaxValue, Is.GreaterThanOrEqualTo(4 * 3600 - 1),
                "the ones answered waited for the 08:00 shift");
        });
    }

    [Test]
    public async Task AWeekWithItsCallsOnMondayMorning_StillRunsToSunday()
    {
        var scenario = SimulationFiles.LoadTiny(SimulationFiles.With(
            """{ "days": "mon", "from": "08:00", "to": "13:00", "agents": 3 }""",
            """{ "days": "daily", "from": "00:00", "to": "24:00", "agents": 3 }"""));

        var figures = await LoadSimulation.RunAsync(scenario, SimulationLength.Of(Duration.FromDays(7)), seed: 3);

        var week = figures.Total("general");
        Assert.Multiple(() =>
        {
            Assert.That(Enumerable.Range(0, scenario.Grid.IntervalsPerWeek).Select(i => figures["general", i].Weeks), Is.All.EqualTo(1),
                "every interval of the week was simulated");
            Assert.That(week.StaffedSeconds, Is.EqualTo(3 * 7 * 24 * 3600).Within(3 * 3600), "three agents all week (give or take a DST hour)");
            Assert.That(week.Occupancy, Is.LessThan(0.05), "a morning's calls over a week of three agents");
        });
    }
}
