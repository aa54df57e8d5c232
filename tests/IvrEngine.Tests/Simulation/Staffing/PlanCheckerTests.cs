using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using NodaTime;

namespace IvrEngine.Tests.Simulation.Staffing;

/// <summary>
/// <c>ivr staff --verify</c>'s check of a plan on fresh weeks: a plan that is short is shown to miss,
/// a generous one to meet, more weeks give narrower intervals, and the weeks are never ones the
/// planner's search ran.
/// </summary>
[TestFixture]
public sealed class PlanCheckerTests
{
    private static readonly ServiceTarget EightyTwenty = new(0.8, Duration.FromSeconds(20));

    // The staffing line's 8 Erlangs (120 calls an hour, 4-minute calls) on weekdays 09:00–17:00.
    private const int BusyIntervals = 5 * 8;

    [Test]
    public async Task AnUnderstaffedPlan_IsShownToMissInEveryBusyInterval()
    {
        // 6 agents for 8 Erlangs: the queue only grows, and callers give up after 5 minutes on average.
        var check = await PlanChecker.CheckOnSeedAsync(Line(agents: 6), EightyTwenty, weeks: 4, checkSeed: 17);

        var busy = check.Intervals.Where(i => i.Agents > 0).ToList();
        var queue = check.Queues.Single();
        Assert.Multiple(() =>
        {
            Assert.That(busy, Has.Count.EqualTo(BusyIntervals));
            Assert.That(busy.Select(i => i.Estimate!.High), Is.All.LessThan(0.8), "every upper bound is below the target");
            Assert.That(busy.Select(i => i.Verdict), Is.All.EqualTo(StaffingVerdict.Misses));
            Assert.That(busy.Count(i => i.AtOrAbove(EightyTwenty)), Is.Zero);
            Assert.That((queue.Queue, queue.Judged, queue.AtOrAbove, queue.Meets, queue.WithinNoise, queue.Misses), Is.EqualTo(("support", BusyIntervals, 0, 0, 0, BusyIntervals)));
            Assert.That(queue.ShareAtOrAbove, Is.Zero);
            Assert.That(queue.Week!.High, Is.LessThan(0.8), "the whole week misses too");
        });
    }

    [Test]
    public async Task AGenerouslyStaffedPlan_IsShownToMeetInEveryBusyInterval()
    {
        // 16 agents for 8 Erlangs: hardly anyone waits 20 s.
        var check = await PlanChecker.CheckOnSeedAsync(Line(agents: 16), EightyTwenty, weeks: 4, checkSeed: 17);

        var busy = check.Intervals.Where(i => i.Agents > 0).ToList();
        var queue = check.Queues.Single();
        Assert.Multiple(() =>
        {
            Assert.That(busy.Select(i => i.Estimate!.Low), Is.All.GreaterThanOrEqualTo(0.8), "every lower bound is at or above the target");
            Assert.That(busy.Select(i => i.Verdict), Is.All.EqualTo(StaffingVerdict.Meets));
            Assert.That((queue.Judged, queue.AtOrAbove, queue.Meets, queue.WithinNoise, queue.Misses), Is.EqualTo((BusyIntervals, BusyIntervals, BusyIntervals, 0, 0)));
            Assert.That(queue.ShareAtOrAbove, Is.EqualTo(1));
            Assert.That(queue.Week!.Low, Is.GreaterThanOrEqualTo(0.8));
        });
    }

    [Test]
    public async Task EachInterval_IsPooledOverTheCheckedWeeks_AndQuietOnesAreNotJudged()
    {
        var check = await PlanChecker.CheckOnSeedAsync(Line(agents: 11), EightyTwenty, weeks: 5, checkSeed: 17);

        var busy = check.Intervals.Where(i => i.Agents > 0).ToList();
        var quiet = check.Intervals.Where(i => i.Agents == 0).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(check.Weeks, Is.EqualTo(5));
            Assert.That(check.Intervals, Has.Count.EqualTo(7 * 24), "every interval of the week is reported");
            Assert.That(busy.Select(i => i.Estimate!.Weeks), Is.All.EqualTo(5));
            // About 120 callers an interval each week; answered + abandoned over 5 weeks.
            Assert.That(busy.Select(i => i.Estimate!.Callers), Is.All.InRange(450, 750));
            Assert.That(busy.Select(i => i.Estimate!), Is.All.Matches<ServiceLevelEstimate>(e => e.Low <= e.ServiceLevel && e.ServiceLevel <= e.High));
            Assert.That(quiet.Select(i => (i.Estimate, i.Verdict)), Is.All.EqualTo(((ServiceLevelEstimate?)null, StaffingVerdict.NotJudged)), "no callers at night");
            Assert.That(check.Queues.Single().Judged, Is.EqualTo(BusyIntervals));
            Assert.That(check.Queues.Single().Week!.Weeks, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task MoreCheckedWeeks_NarrowEachIntervalsConfidenceInterval()
    {
        var line = Line(agents: 10);

        var four = await PlanChecker.CheckOnSeedAsync(line, EightyTwenty, weeks: 4, checkSeed: 17);
        var sixteen = await PlanChecker.CheckOnSeedAsync(line, EightyTwenty, weeks: 16, checkSeed: 17);

        // √4 times the weeks, and t(15) = 2.131 for t(3) = 3.182: about a third of the width.
        static double MeanWidth(PlanCheck check) => check.Intervals.Where(i => i.Estimate is not null).Average(i => i.Estimate!.High - i.Estimate!.Low);
        TestContext.Out.WriteLine($"mean 95% interval width: 4 weeks {MeanWidth(four):0.0000}, 16 weeks {MeanWidth(sixteen):0.0000}");
        Assert.That(MeanWidth(sixteen), Is.LessThan(0.5 * MeanWidth(four)));
    }

    [Test]
    public async Task ThePlannersAnswer_IsCheckedOnTheWeeksAskedFor()
    {
        var answer = await StaffingPlanner.PlanAsync(Line(agents: 4), EightyTwenty, weeks: 3, seed: 5, maxRounds: 2);

        var check = await PlanChecker.CheckAsync(answer, EightyTwenty, weeks: 6, seed: 5);

        Assert.Multiple(() =>
        {
            Assert.That(check.Weeks, Is.EqualTo(6));
            Assert.That(check.Target, Is.EqualTo(EightyTwenty));
            Assert.That(check.Intervals.Select(i => i.Agents), Is.EqualTo(answer.Intervals.Select(i => i.Agents)), "the plan's agents, interval by interval");
            Assert.That(check.Intervals.Where(i => i.Estimate is not null).Select(i => i.Estimate!.Weeks), Is.All.EqualTo(6));
        });
    }

    [Test]
    public void TheChecksWeeks_AreNeverWeeksTheSearchRan()
    {
        // The longest search (20 rounds of 52 weeks) and check (520 weeks) over many seeds, and the
        // defaults; seed 475 is one whose first check stream would replay a searched week (32-bit
        // week seeds of different streams can coincide), so the check must move past it.
        var colliding = StaffingPlanner.SearchWeekSeeds(475, rounds: 20, weeksPerRound: 52);
        Assert.That(IndependentWeeks.WeekSeeds(SimulationSeeds.For(475, 3000), 520).Any(colliding.Contains), Is.True,
            "seed 475's stream 3000 shares a week with its search: the case the check must avoid");

        foreach (var (rounds, weeksPerRound, checkedWeeks) in new[] { (20, 52, 520), (8, 10, 10) })
        {
            foreach (var seed in Enumerable.Range(-50, 600).Append(int.MinValue).Append(int.MaxValue))
            {
                var searched = StaffingPlanner.SearchWeekSeeds(seed, rounds, weeksPerRound);
                var checkSeed = PlanChecker.CheckSeed(seed, searched, checkedWeeks);
                var overlap = IndependentWeeks.WeekSeeds(checkSeed, checkedWeeks).Where(searched.Contains).ToList();
                Assert.That(overlap, Is.Empty, $"seed {seed}, {rounds} rounds of {weeksPerRound} weeks, checked on {checkedWeeks}");
            }
        }
    }

    [Test]
    public void TheSearchsWeeks_AreTheMeasuringWeekAndEveryRoundsWeeks()
    {
        var searched = StaffingPlanner.SearchWeekSeeds(1, rounds: 3, weeksPerRound: 10);

        Assert.Multiple(() =>
        {
            Assert.That(searched, Has.Count.EqualTo(1 + (3 * 10)), "no two of the search's own weeks share a seed");
            Assert.That(searched, Does.Contain(LoadSimulation.SeedForWeek(1, 0)), "the measuring week runs from the seed itself");
            Assert.That(searched, Is.SupersetOf(IndependentWeeks.WeekSeeds(StaffingPlanner.RoundSeed(1, 3), 10)));
            Assert.That(searched, Is.Not.SupersetOf(IndependentWeeks.WeekSeeds(StaffingPlanner.RoundSeed(1, 4), 10)), "a fourth round was not run");
        });
    }

    /// <summary>The staffing line with <paramref name="agents"/> on weekdays 09:00–17:00 in place of its own thin 4.</summary>
    private static Scenario Line(int agents)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "IvrEngine.Tests", "Simulation", "Staffing", "staffing-line.scenario.json");
        var text = File.ReadAllText(path).Replace("\"agents\": 4 }", $"\"agents\": {agents} }}", StringComparison.Ordinal);
        var loaded = ScenarioLoader.Load(System.Text.Encoding.UTF8.GetBytes(text), path);
        Assert.That(loaded.Scenario, Is.Not.Null, () => string.Join("\n", loaded.Diagnostics));
        Assert.That(loaded.Scenario!.Queues["support"].Agents.Max, Is.EqualTo(agents));
        return loaded.Scenario!;
    }
}
