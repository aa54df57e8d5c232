using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Analytics;
using NodaTime;

namespace IvrEngine.Tests.Simulation.Staffing;

/// <summary><c>ivr staff</c>'s planner: the model's exact figure first, then rounds of independent weeks until none is shown to miss.</summary>
[TestFixture]
public sealed class StaffingPlannerTests
{
    private static readonly ServiceTarget EightyTwenty = new(0.8, Duration.FromSeconds(20));

    [Test]
    public async Task AThinlyStaffedLine_IsStaffedSoNoBusyIntervalIsShownToMissTheTarget()
    {
        var answer = await StaffingPlanner.PlanAsync(Load(), EightyTwenty, weeks: 4, seed: 5);

        var busy = answer.Intervals.Where(i => i.CallsPerHour > 0).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(busy, Has.Count.EqualTo(5 * 8), "Monday to Friday, 09:00 to 17:00");
            Assert.That(answer.NoneMisses, Is.True);
            Assert.That(busy.Select(i => i.Verdict), Has.None.EqualTo(StaffingVerdict.Misses).And.None.EqualTo(StaffingVerdict.NotJudged));
            Assert.That(busy.Select(i => i.Estimate!.Weeks), Is.All.EqualTo(4), "each interval is judged over the round's four independent weeks");
            Assert.That(busy.Select(i => i.Agents), Is.All.GreaterThanOrEqualTo(9), "8 Erlangs need more than 8 agents");
            Assert.That(answer.Intervals.Where(i => i.CallsPerHour == 0).Select(i => i.Agents), Is.All.Zero, "no calls, no agents");
        });
    }

    [Test]
    public async Task TheFirstGuess_IsErlangAForTheScenariosRate_WhenCallersAbandon()
    {
        var answer = await StaffingPlanner.PlanAsync(Load(), EightyTwenty, weeks: 2, seed: 5, maxRounds: 1);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Model, Is.EqualTo("Erlang A"));
            foreach (var interval in answer.Intervals.Where(i => i.CallsPerHour > 0))
            {
                // The scenario's 120 calls an hour, not a sample of them: every caller reaches the one queue.
                Assert.That(interval.CallsPerHour, Is.EqualTo(120).Within(1e-9));
                Assert.That(interval.ModelAgents, Is.EqualTo(ErlangA.MinimumAgents(new TrafficLoad(120, Duration.FromMinutes(4)), Duration.FromMinutes(5), 0.8, Duration.FromSeconds(20))));
                Assert.That(interval.Agents, Is.EqualTo(interval.ModelAgents), "one round only confirms, it changes nothing");
            }
        });
    }

    // The flat week of 720 calls an hour, 4-minute calls: Erlang C needs 55 agents for 80/15 and 54
    // for 80/20; with 3-minute exponential patience Erlang A needs 51 and 50.
    [TestCase("erlang-c.scenario.json", 15, "Erlang C", 55)]
    [TestCase("erlang-c.scenario.json", 20, "Erlang C", 54)]
    [TestCase("erlang-a.scenario.json", 15, "Erlang A", 51)]
    [TestCase("erlang-a.scenario.json", 20, "Erlang A", 50)]
    public async Task AFlatWeek_IsStaffedByTheModelsExactFigure(string scenario, int seconds, string model, int agents)
    {
        var target = new ServiceTarget(0.8, Duration.FromSeconds(seconds));
        var load = new TrafficLoad(720, Duration.FromMinutes(4));
        var exact = model == "Erlang C" ? ErlangC.MinimumAgents(load, 0.8, target.Threshold) : ErlangA.MinimumAgents(load, Duration.FromMinutes(3), 0.8, target.Threshold);

        var answer = await StaffingPlanner.PlanAsync(Fidelity(scenario), target, weeks: 2, seed: 3, maxRounds: 1);

        Assert.Multiple(() =>
        {
            Assert.That(exact, Is.EqualTo(agents), "the analytics agree with the textbook");
            Assert.That(answer.Model, Is.EqualTo(model));
            Assert.That(answer.Intervals.Select(i => i.ModelAgents).Distinct(), Is.EqualTo(new[] { agents }), "every interval of the week");
        });
    }

    [Test]
    public async Task AFlatWeek_For80In15_RecommendsFiftyFiveEverywhere_AndHoldsOnTenFreshWeeks()
    {
        var target = new ServiceTarget(0.8, Duration.FromSeconds(15));
        var answer = await StaffingPlanner.PlanAsync(Fidelity("erlang-c.scenario.json"), target, weeks: StaffingPlanner.DefaultWeeks, seed: 1);

        // Ten weeks the planner never saw: each interval's service level with its 95% interval.
        var weeks = new List<SimulationFigures>();
        await LoadSimulation.RunAsync(answer.Staffed, SimulationLength.Of(Duration.FromDays(70)), seed: 4242, serviceLevelThreshold: target.Threshold,
            kernel: IvrEngine.Simulation.Kernel.CallKernel.TryCompile(answer.Staffed, out _), onWeek: weeks.Add);
        var fresh = Enumerable.Range(0, answer.Staffed.Grid.IntervalsPerWeek)
            .Select(i => ServiceLevelEstimate.From([.. weeks.Select(w => (w["support", i].AnsweredInTime, w["support", i].Answered + w["support", i].Abandoned))])!)
            .ToList();
        var held = fresh.Count(e => !e.Misses(target.ServiceLevel));
        TestContext.Out.WriteLine($"agents {string.Join(",", answer.Intervals.Select(i => i.Agents).Distinct())}; fresh weeks: {held} of {fresh.Count} intervals not shown to miss, "
            + $"{fresh.Count(e => e.ServiceLevel >= 0.8)} with the point estimate at or above 80%, overall {fresh.Average(e => e.ServiceLevel):0.0000}");

        Assert.Multiple(() =>
        {
            Assert.That(answer.Intervals.Select(i => i.Agents), Is.All.InRange(54, 56), "55 within one");
            Assert.That(held, Is.GreaterThanOrEqualTo(0.95 * fresh.Count), "the plan meets the target, within its stated confidence, in 95% of intervals on new weeks");
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

    private static Scenario Fidelity(string name)
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Root, "tests", "IvrEngine.Tests", "Simulation", "Fidelity", name));
        Assert.That(loaded.Scenario, Is.Not.Null, () => string.Join("\n", loaded.Diagnostics));
        return loaded.Scenario!;
    }

    private static Scenario Load()
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Root, "tests", "IvrEngine.Tests", "Simulation", "Staffing", "staffing-line.scenario.json"));
        Assert.That(loaded.Scenario, Is.Not.Null, () => string.Join("\n", loaded.Diagnostics));
        return loaded.Scenario!;
    }
}
