using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Analytics;
using NodaTime;

namespace IvrEngine.Tests.Simulation.Staffing;

/// <summary><c>ivr staff</c>'s planner: Erlang C first, then simulation rounds until the target holds.</summary>
[TestFixture]
public sealed class StaffingPlannerTests
{
    private static readonly ServiceTarget EightyTwenty = new(0.8, Duration.FromSeconds(20));

    [Test]
    public async Task AThinlyStaffedLine_IsStaffedToTheTargetInEveryBusyInterval()
    {
        var answer = await StaffingPlanner.PlanAsync(Load(), EightyTwenty, weeks: 2, seed: 5);

        var busy = answer.Intervals.Where(i => i.CallsPerHour > 0).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(busy, Has.Count.EqualTo(5 * 8), "Monday to Friday, 09:00 to 17:00");
            Assert.That(answer.MetEverywhere, Is.True);
            Assert.That(busy.Where(i => i.Judged).Select(i => i.ServiceLevel), Is.All.GreaterThanOrEqualTo(0.8));
            Assert.That(busy.Select(i => i.Agents), Is.All.GreaterThanOrEqualTo(9), "8 Erlangs need more than 8 agents");
            Assert.That(answer.Intervals.Where(i => i.CallsPerHour == 0).Select(i => i.Agents), Is.All.Zero, "no calls, no agents");
        });
    }

    [Test]
    public async Task TheFirstGuess_IsErlangCForTheSimulatedRate()
    {
        var answer = await StaffingPlanner.PlanAsync(Load(), EightyTwenty, weeks: 1, seed: 5, maxRounds: 1);

        Assert.Multiple(() =>
        {
            foreach (var interval in answer.Intervals.Where(i => i.CallsPerHour > 0))
            {
                var erlang = ErlangC.MinimumAgents(new TrafficLoad(interval.CallsPerHour, Duration.FromMinutes(4)), 0.8, Duration.FromSeconds(20));
                Assert.That(interval.ErlangAgents, Is.EqualTo(erlang));
                Assert.That(interval.Agents, Is.EqualTo(interval.ErlangAgents), "one round only confirms, it raises nothing");
            }
        });
    }

    [Test]
    public void ServiceTargets_AreReadAsPercentOverSeconds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ServiceTarget.TryParse("90/30", out var target, out _), Is.True);
            Assert.That(target, Is.EqualTo(new ServiceTarget(0.9, Duration.FromSeconds(30))));
            Assert.That(ServiceTarget.TryParse("80", out _, out var problem), Is.False);
            Assert.That(problem, Does.Contain("80/20"));
            Assert.That(ServiceTarget.TryParse("100/20", out _, out _), Is.False, "100% is never reached by a queue");
            Assert.That(ServiceTarget.TryParse("80/-5", out _, out _), Is.False);
            Assert.That(ServiceTarget.TryParse("NaN/20", out _, out _), Is.False, "NaN percent ran the planner for ever");
            Assert.That(ServiceTarget.TryParse("Infinity/20", out _, out _), Is.False);
        });
    }

    private static Scenario Load()
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Root, "tests", "IvrEngine.Tests", "Simulation", "Staffing", "staffing-line.scenario.json"));
        Assert.That(loaded.Scenario, Is.Not.Null, () => string.Join("\n", loaded.Diagnostics));
        return loaded.Scenario!;
    }
}
