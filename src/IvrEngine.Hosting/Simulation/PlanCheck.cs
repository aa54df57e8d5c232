using IvrEngine.Simulation;

namespace IvrEngine.Hosting.Simulation;

/// <summary>One queue and interval of a plan checked on fresh weeks: its agents and its service level pooled over them.</summary>
/// <param name="Estimate">Σ answered in time ÷ Σ (answered + abandoned) over the fresh weeks, with its 95 % interval; null when not judged.</param>
public sealed record IntervalCheck(string Queue, int Interval, int Agents, ServiceLevelEstimate? Estimate, StaffingVerdict Verdict)
{
    /// <summary>The pooled service level (the point estimate) is at or above the target.</summary>
    public bool AtOrAbove(ServiceTarget target) => Estimate is { } e && e.ServiceLevel >= target.ServiceLevel;
}

/// <summary>How a queue's plan did on the fresh weeks, interval by interval and over the whole week.</summary>
/// <param name="Judged">Intervals with enough callers to judge.</param>
/// <param name="AtOrAbove">Judged intervals whose pooled service level is at or above the target.</param>
/// <param name="Week">The whole week's service level (all the queue's callers), with its 95 % interval over the weeks.</param>
public sealed record QueueCheck(string Queue, int Judged, int AtOrAbove, int Meets, int WithinNoise, int Misses, ServiceLevelEstimate? Week)
{
    /// <summary>The share of judged intervals whose pooled service level is at or above the target (1 when none is judged).</summary>
    public double ShareAtOrAbove => Judged == 0 ? 1 : (double)AtOrAbove / Judged;
}

/// <summary>A plan run on <see cref="Weeks"/> fresh independent weeks, from seeds the planner's search never used.</summary>
public sealed record PlanCheck(ServiceTarget Target, int Weeks, IReadOnlyList<IntervalCheck> Intervals, IReadOnlyList<QueueCheck> Queues);

/// <summary>
/// Checks a staffing plan the way a planner would before trusting it: runs the staffed scenario on
/// fresh independent weeks (its own seed stream, apart from the measuring week and every confirming
/// round of <see cref="StaffingPlanner"/>), and reports each interval's service level pooled over
/// them with its 95 % interval, and per queue how many intervals are at or above the target. The
/// pooled figure of one interval over N weeks still carries noise (about 19 points ÷ √N at 720 calls
/// an hour and 55 agents): see docs/simulation.md, "Checking a plan on fresh weeks".
/// </summary>
public static class PlanChecker
{
    /// <param name="plan">The planner's answer: its scenario with the plan's agents, and how many rounds and weeks its search ran.</param>
    /// <param name="seed">The seed the plan was searched with: the check draws its own weeks from a stream of it the search did not use.</param>
    public static Task<PlanCheck> CheckAsync(StaffingAnswer plan, ServiceTarget target, int weeks, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 2);
        var searched = StaffingPlanner.SearchWeekSeeds(seed, plan.Rounds, plan.WeeksPerRound);
        return CheckOnSeedAsync(plan.Staffed, target, weeks, CheckSeed(seed, searched, weeks), cancellationToken);
    }

    /// <summary>
    /// The check's seed: stream 3000 of the run's seed (the measuring week uses the seed itself,
    /// rounds 2000 + round), or the next stream whose weeks are none of <paramref name="searched"/>.
    /// Week seeds are 32-bit, so two streams' weeks can coincide by chance (seed 475 does so on
    /// stream 3000 for the longest search and check): such a week would replay a searched week's
    /// callers, and the check would no longer be independent of the search.
    /// </summary>
    internal static int CheckSeed(int seed, IReadOnlySet<int> searched, int weeks)
    {
        for (var stream = 3000; ; stream++)
        {
            var candidate = SimulationSeeds.For(seed, stream);
            if (!IndependentWeeks.WeekSeeds(candidate, weeks).Any(searched.Contains)) return candidate;
        }
    }

    /// <summary>Runs <paramref name="staffed"/> on <paramref name="weeks"/> weeks from <paramref name="checkSeed"/> and judges each interval against the target.</summary>
    internal static async Task<PlanCheck> CheckOnSeedAsync(Scenario staffed, ServiceTarget target, int weeks, int checkSeed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 2);
        var levels = await IndependentWeeks.EstimateAsync(staffed, weeks, checkSeed, target, cancellationToken).ConfigureAwait(false);
        var intervals = new List<IntervalCheck>();
        var queues = new List<QueueCheck>();
        foreach (var queue in staffed.Queues.Keys.Order(StringComparer.Ordinal))
        {
            var agents = staffed.Queues[queue].Agents;
            var rows = Enumerable.Range(0, staffed.Grid.IntervalsPerWeek)
                .Select(i => levels.Intervals[queue][i] is { } e
                    ? new IntervalCheck(queue, i, (int)agents[i], e, VerdictOf(e, target))
                    : new IntervalCheck(queue, i, (int)agents[i], null, StaffingVerdict.NotJudged))
                .ToList();
            intervals.AddRange(rows);
            var judged = rows.Where(r => r.Verdict != StaffingVerdict.NotJudged).ToList();
            queues.Add(new QueueCheck(queue, judged.Count, judged.Count(r => r.AtOrAbove(target)),
                judged.Count(r => r.Verdict == StaffingVerdict.Meets), judged.Count(r => r.Verdict == StaffingVerdict.WithinNoise),
                judged.Count(r => r.Verdict == StaffingVerdict.Misses), levels.Overall[queue]));
        }
        return new PlanCheck(target, weeks, intervals, queues);
    }

    /// <summary>Meets (the whole 95 % interval at or above the target), misses (wholly below) or within noise.</summary>
    public static StaffingVerdict VerdictOf(ServiceLevelEstimate estimate, ServiceTarget target) =>
        estimate.Meets(target.ServiceLevel) ? StaffingVerdict.Meets
        : estimate.Misses(target.ServiceLevel) ? StaffingVerdict.Misses
        : StaffingVerdict.WithinNoise;
}
