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

    // Issue 19's acceptance: on the flat 720-calls-an-hour week the plan after the confirming rounds
    // is the model's figure within one, and on 10 fresh weeks (the check's, which the search never
    // ran) no more than 5% of intervals are shown to miss. Shown to miss, not "pooled point below
    // 80%": at the minimal plan a point estimate over 10 weeks falls below 80% in about a fifth of
    // intervals by noise alone (docs/simulation.md, "Checking a plan on fresh weeks").
    // 80/20 with patience failed before a count needed two misses to be barred: at seed 1 one
    // interval went 50 → 51 → 52 on two chance misses and never came back.
    [TestCase("erlang-c.scenario.json", 15, 55)]
    [TestCase("erlang-c.scenario.json", 20, 54)]
    [TestCase("erlang-a.scenario.json", 15, 51)]
    [TestCase("erlang-a.scenario.json", 20, 50)]
    public async Task AFlatWeek_IsPlannedAtTheModelsFigureWithinOne_AndHoldsOnTenFreshWeeks(string scenario, int seconds, int agents)
    {
        var target = new ServiceTarget(0.8, Duration.FromSeconds(seconds));
        var answer = await StaffingPlanner.PlanAsync(Fidelity(scenario), target, weeks: StaffingPlanner.DefaultWeeks, seed: 1);

        var check = await PlanChecker.CheckAsync(answer, target, weeks: 10, seed: 1);

        var queue = check.Queues.Single();
        TestContext.Out.WriteLine($"agents {string.Join(",", answer.Intervals.Select(i => i.Agents).Distinct().Order())} after {answer.Rounds} rounds; fresh weeks: "
            + $"{queue.Judged - queue.Misses} of {queue.Judged} intervals not shown to miss, {queue.AtOrAbove} with the pooled level at or above 80%, week {queue.Week!.ServiceLevel:0.0000}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Intervals.Select(i => i.Agents), Is.All.InRange(agents - 1, agents + 1));
            Assert.That(queue.Judged, Is.EqualTo(7 * 48), "every half hour of the week is judged");
            Assert.That(queue.Misses, Is.LessThanOrEqualTo(0.05 * queue.Judged), "the plan holds, within its stated confidence, in 95% of intervals on new weeks");
            Assert.That(queue.Week.Low, Is.GreaterThanOrEqualTo(0.8), "the whole week meets the target");
        });
    }

    // Issue 19's acceptance, the letter of it: "on 10 fresh seeds the recommended plan meets the
    // target in ≥ 95 % of intervals", read as the pooled level over those 10 weeks at or above 80 %.
    // The minimal plan (55) cannot do that (about 78 %); asked for 95 % assurance over a 10-week
    // horizon, the planner raises only as far as the measured spread needs: 56 is on the edge (about
    // 94 % of 10-week pools reach 80 %), 57 clears it (about 99 %). Without the option the plan is
    // the minimal one, exactly as before: the assured plan starts from it and only adds.
    [TestCase("erlang-c.scenario.json", 55)]
    [TestCase("erlang-a.scenario.json", 51)]
    public async Task AFlatWeek_With95PercentAssuranceOverTenWeeks_IsRaisedAtMostTwo_AndReaches80PercentIn95PercentOfIntervalsOnTenFreshWeeks(string scenario, int model)
    {
        var target = new ServiceTarget(0.8, Duration.FromSeconds(15));
        var minimal = await StaffingPlanner.PlanAsync(Fidelity(scenario), target, weeks: StaffingPlanner.DefaultWeeks, seed: 1);
        var assured = await StaffingPlanner.PlanAsync(Fidelity(scenario), target, weeks: StaffingPlanner.DefaultWeeks, seed: 1, assurance: new StaffingAssurance(0.95, 10));

        var check = await PlanChecker.CheckAsync(assured, target, weeks: 10, seed: 1);

        var queue = check.Queues.Single();
        TestContext.Out.WriteLine($"minimal {string.Join(",", minimal.Intervals.Select(i => i.Agents).Distinct().Order())}; assured "
            + string.Join(", ", assured.Intervals.GroupBy(i => i.Agents).OrderBy(g => g.Key).Select(g => $"{g.Key} in {g.Count()}"))
            + $" after {assured.AssuranceRounds} rounds for it; fresh weeks: {queue.AtOrAbove} of {queue.Judged} at or above 80%");
        Assert.Multiple(() =>
        {
            Assert.That(minimal.Assurance, Is.Null);
            Assert.That(minimal.AssuranceRounds, Is.Zero);
            Assert.That(minimal.Intervals.Select(i => i.AssuredLevel), Is.All.Null, "no assurance asked, none computed");
            Assert.That(assured.Rounds - assured.AssuranceRounds, Is.EqualTo(minimal.Rounds), "the same search first");
            Assert.That(assured.Intervals.Zip(minimal.Intervals, (a, m) => a.Agents - m.Agents), Is.All.InRange(0, 2), "raised from the minimal plan by at most two");
            Assert.That(assured.Intervals.Select(i => i.Agents), Is.All.InRange(model, model + 2));
            Assert.That(assured.AllAssured(target), Is.True);
            Assert.That(assured.Intervals.Select(i => i.AssuredLevel), Is.All.GreaterThanOrEqualTo(0.8));
            Assert.That(queue.Judged, Is.EqualTo(7 * 48));
            Assert.That(queue.AtOrAbove, Is.GreaterThanOrEqualTo(0.95 * queue.Judged), "pooled over 10 fresh weeks, 95% of intervals at or above 80%");
        });
    }

    // The bound on hand-worked numbers. Two intervals of 10 weeks, 360 callers a week each, model
    // level 0.9: binomial variance 0.9 × 0.1 ÷ 360 = 0.00025; spreads 0.15 and 0.17 give design
    // effects 90 and 115.6, pooled (equal weights, 18 degrees of freedom) 102.8, so a spread of
    // √(102.8 × 0.00025) = 0.160312. Skew −2 ÷ √10 = −0.632456; t(0.95, 18) = 1.734064; the
    // multiplier 1.734064 − (1.734064² − 1) × −0.632456 ÷ 6 = 1.945618; bound
    // 0.9 − 1.945618 × 0.160312 ÷ √10 = 0.801367.
    [Test]
    public void TheAssuredLevel_IsTheModelsLevelLessASkewCorrectedQuantileOfThePooledSpread()
    {
        var a = new ServiceLevelEstimate(0.88, 0.78, 0.98, 10, 3600) { WeekSpread = 0.15, WeekSkew = -1.5 };
        var b = new ServiceLevelEstimate(0.91, 0.81, 1.0, 10, 3600) { WeekSpread = 0.17, WeekSkew = -2.5 };
        var spread = AssuranceSpread.Pool([(a, 0.9, 360), (b, 0.9, 360)]);
        var assurance = new StaffingAssurance(0.95, 10);

        Assert.Multiple(() =>
        {
            Assert.That(spread.DesignEffect, Is.EqualTo(102.8).Within(1e-9));
            Assert.That(spread.DegreesOfFreedom, Is.EqualTo(18));
            Assert.That(spread.Skew, Is.EqualTo(-2).Within(1e-12));
            Assert.That(assurance.AssuredLevel(0.9, a, spread, 360), Is.EqualTo(0.801367).Within(1e-6));
            // The model's level is the mean, not the interval's noisy simulated one.
            Assert.That(assurance.AssuredLevel(0.9, a with { ServiceLevel = 0.8, Low = 0.7, High = 0.9 }, spread, 360), Is.EqualTo(0.801367).Within(1e-6));
            // A longer horizon narrows the bound towards the mean.
            Assert.That(new StaffingAssurance(0.95, 40).AssuredLevel(0.9, a, spread, 360), Is.GreaterThan(0.85));
        });
    }

    // Student's t at tabled values (two-sided 95 % = one-sided 97.5 %).
    [TestCase(0.975, 1, 12.706)]
    [TestCase(0.975, 2, 4.303)]
    [TestCase(0.975, 9, 2.262)]
    [TestCase(0.95, 9, 1.833)]
    [TestCase(0.95, 18, 1.734)]
    [TestCase(0.99, 4, 3.747)]
    [TestCase(0.995, 30, 2.750)]
    [TestCase(0.95, 3000, 1.645)]
    public void StudentsT_MatchesTheTable(double probability, int degreesOfFreedom, double tabled) =>
        Assert.That(StudentT.Quantile(probability, degreesOfFreedom), Is.EqualTo(tabled).Within(0.0006));

    [Test]
    public void StudentsT_TabledTwoSided95_IsTheExactQuantileToThreeDecimals_AndTheNormalsAbove30()
    {
        Assert.Multiple(() =>
        {
            for (var degrees = 1; degrees <= 30; degrees++)
            {
                Assert.That(StudentT.TwoSided95(degrees), Is.EqualTo(StudentT.Quantile(0.975, degrees)).Within(0.0006), $"{degrees} degrees of freedom");
            }
            Assert.That(StudentT.TwoSided95(31), Is.EqualTo(1.96));
            Assert.That(() => StudentT.TwoSided95(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
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
