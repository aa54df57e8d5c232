using IvrEngine.Simulation;
using IvrEngine.Simulation.Analytics;
using NodaTime;

namespace IvrEngine.Hosting.Simulation;

/// <summary>A service-level target: <see cref="ServiceLevel"/> of callers answered within <see cref="Threshold"/> (80/20).</summary>
public sealed record ServiceTarget(double ServiceLevel, Duration Threshold)
{
    /// <summary>Reads <c>80/20</c> (percent / seconds).</summary>
    public static bool TryParse(string text, out ServiceTarget target, out string problem)
    {
        target = new ServiceTarget(0.8, Duration.FromSeconds(20));
        var parts = text.Split('/');
        // Written so NaN, which no comparison holds for, is out of range too.
        if (parts.Length != 2
            || !double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var percent)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || !(percent is >= 1 and < 100) || seconds is < 1 or > 3600)
        {
            problem = $"'{text}' is not a target such as 80/20 (percent answered, from 1 to 99, within seconds, from 1 to 3600).";
            return false;
        }
        target = new ServiceTarget(percent / 100, Duration.FromSeconds(seconds));
        problem = string.Empty;
        return true;
    }
}

/// <summary>How an interval's simulated service level stands against the target, at 95 % confidence.</summary>
public enum StaffingVerdict
{
    /// <summary>Too few callers over the round's weeks to judge (fewer than <see cref="StaffingPlanner.MinimumCallersToJudge"/>, or in one week only).</summary>
    NotJudged,

    /// <summary>The confidence interval lies at or above the target.</summary>
    Meets,

    /// <summary>The target lies inside the confidence interval: more weeks would be needed to tell.</summary>
    WithinNoise,

    /// <summary>The confidence interval lies below the target.</summary>
    Misses,
}

/// <summary>One queue and interval of a staffing answer.</summary>
/// <param name="CallsPerHour">The calls per hour the model expects at the queue: the scenario's arrival rate times the share of callers the menu sends there, plus callbacks put through.</param>
/// <param name="ModelAgents">The queueing model's fewest agents for the target at that rate (Erlang A when callers abandon, else Erlang C): the floor of the plan.</param>
/// <param name="Agents">Agents in the plan.</param>
/// <param name="Estimate">The plan's service level over the last round's independent weeks, with its 95 % interval; null when not judged.</param>
/// <param name="AssuredLevel">With an assurance asked for: the level the service level pooled over its horizon stays at or above with its probability (<see cref="StaffingAssurance.AssuredLevel"/>); null without one, or when not judged.</param>
public sealed record IntervalStaffing(string Queue, int Interval, double CallsPerHour, int ModelAgents, int Agents, ServiceLevelEstimate? Estimate, StaffingVerdict Verdict,
    double? AssuredLevel = null);

/// <summary>The staffing <see cref="StaffingPlanner"/> found, the scenario with it, how it was confirmed, and whether any interval was shown to miss the target.</summary>
/// <param name="Model">"Erlang A" or "Erlang C": the first guess and floor.</param>
/// <param name="WeeksPerRound">Independent weeks (replications) simulated in each round.</param>
/// <param name="Rounds">Confirming rounds run, the assurance's included.</param>
/// <param name="NoneMisses">No judged interval's confidence interval lies below the target.</param>
/// <param name="Assurance">The assurance asked for, or null for the minimal plan.</param>
/// <param name="AssuranceRounds">Of <paramref name="Rounds"/>, those that moved intervals to reach the assurance.</param>
public sealed record StaffingAnswer(Scenario Staffed, IReadOnlyList<IntervalStaffing> Intervals, string Model, int Rounds, int WeeksPerRound, bool NoneMisses,
    StaffingAssurance? Assurance = null, int AssuranceRounds = 0)
{
    /// <summary>With an assurance: every judged interval's assured level is at or above the target.</summary>
    public bool AllAssured(ServiceTarget target) => Intervals.All(i => i.AssuredLevel is not { } level || level >= target.ServiceLevel);
}

/// <summary>
/// The fewest agents per queue and interval reaching a service-level target. The first guess, and
/// the floor, is the queueing model's exact answer for the scenario's arrival rates (Erlang A when
/// callers abandon, Erlang C otherwise): a simulation sample cannot know the rate better than the
/// scenario that states it. Rounds of independent simulated weeks (fresh seeds each round) then
/// confirm it on the real line (menus, callbacks, handle-time shapes the model does not have):
/// an interval whose 95 % interval lies wholly below the target gets one more agent; one raised
/// earlier whose interval lies wholly above it gives one back, unless that count was shown to miss
/// twice (once may be chance: hundreds of intervals are judged each round). See docs/simulation.md, "Staffing", for why confidence is used this way round.
/// That plan is the minimal one: it meets the target on average. With a <see cref="StaffingAssurance"/>
/// it is then raised, one agent a round, until each interval's level pooled over the horizon reaches
/// the target with the stated probability.
/// </summary>
public static class StaffingPlanner
{
    /// <summary>
    /// An interval is judged by simulation only with at least this many callers answered or abandoned
    /// over a round's weeks: with fewer, one unlucky caller decides its service level, and the model's answer stands.
    /// </summary>
    public const int MinimumCallersToJudge = 20;

    /// <summary>
    /// Weeks a round simulates unless told: ten replications give Student's t 9 degrees of freedom
    /// (a quantile of 2.26, 15 % wider than the normal's 1.96; fewer weeks widen it fast, more
    /// narrow it slowly), in a few seconds a round for a week of 120,000 calls on the kernel.
    /// </summary>
    public const int DefaultWeeks = 10;

    /// <param name="weeks">Independent weeks a round simulates: each is one replication of every interval.</param>
    /// <param name="assurance">
    /// Null for the minimal plan. Given, the minimal plan is then raised one agent at a time, in up to
    /// <paramref name="maxRounds"/> more rounds, in each interval whose service level pooled over the
    /// horizon is not at or above the target with the stated probability.
    /// </param>
    public static async Task<StaffingAnswer> PlanAsync(Scenario scenario, ServiceTarget target, int weeks, int seed, int maxRounds = 8,
        Action<string>? progress = null, CancellationToken cancellationToken = default, StaffingAssurance? assurance = null)
    {
        var grid = scenario.Grid;
        progress?.Invoke("measuring the share of callers each queue gets");
        var measured = await IndependentWeeks.RunAsync(scenario, weeks: 1, seed, target, perWeek: null, cancellationToken).ConfigureAwait(false);
        var hours = new Hours.BusinessHours(scenario.Menu.Hours);
        var patience = scenario.Callers.Patience?.Mean;
        var model = patience is null ? "Erlang C" : "Erlang A";
        var queues = scenario.Queues.Keys.Order(StringComparer.Ordinal).ToList();
        var rates = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var floor = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var agents = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var queue in queues)
        {
            var staffing = scenario.Queues[queue];
            var open = Enumerable.Range(0, grid.IntervalsPerWeek).Select(i => IsOpen(scenario, hours, queue, i)).ToArray();
            var share = Share(scenario, measured, queue, open);
            var perHour = new double[grid.IntervalsPerWeek];
            var least = new int[grid.IntervalsPerWeek];
            for (var i = 0; i < grid.IntervalsPerWeek; i++)
            {
                var figures = measured[queue, i];
                // Callbacks the line places come into the queue too (ahead of new callers, often in a rush at opening).
                var callbacks = figures.Weeks == 0 ? 0 : figures.CallbacksCompleted / (double)figures.Weeks / (grid.IntervalMinutes / 60.0);
                perHour[i] = (open[i] ? scenario.CallsPerHour[i] * share : 0) + callbacks;
                var load = new TrafficLoad(perHour[i], staffing.AverageHandleTime);
                least[i] = patience is { } mean
                    ? ErlangA.MinimumAgents(load, mean, target.ServiceLevel, target.Threshold)
                    : ErlangC.MinimumAgents(load, target.ServiceLevel, target.Threshold);
                // A queue the scenario keeps open and staffed keeps at least one agent: its few callers
                // (callback legs, a rate too small to round up) would otherwise find nobody.
                if (least[i] == 0 && staffing.Agents[i] > 0 && open[i]) least[i] = 1;
            }
            rates[queue] = perHour;
            floor[queue] = least;
            agents[queue] = [.. least];
        }

        // The highest count shown to miss twice in each interval: the plan never goes back to it.
        var shownShort = queues.ToDictionary(q => q, q => floor[q].Select(a => a - 1).ToArray(), StringComparer.Ordinal);
        var missedOnce = new HashSet<(string Queue, int Interval, int Agents)>();
        var rounds = 0;
        IReadOnlyDictionary<string, ServiceLevelEstimate?[]> estimates;
        while (true)
        {
            rounds++;
            progress?.Invoke($"confirming on {weeks} independent week{(weeks == 1 ? "" : "s")}, round {rounds}");
            var staffed = Staffed(scenario, agents);
            estimates = (await IndependentWeeks.EstimateAsync(staffed, weeks, RoundSeed(seed, rounds), target, cancellationToken).ConfigureAwait(false)).Intervals;
            var changed = false;
            if (rounds < maxRounds)
            {
                foreach (var queue in queues)
                {
                    for (var i = 0; i < grid.IntervalsPerWeek; i++)
                    {
                        if (estimates[queue][i] is not { } estimate) continue;
                        if (estimate.Misses(target.ServiceLevel))
                        {
                            // Hundreds of intervals are judged at once, so a few at a count that truly meets the
                            // target are shown to miss by chance every round. A miss raises the count at once (a
                            // real shortfall is caught in one round), but only a second miss of the same count,
                            // on other weeks, bars it for good; one chance miss is given back when the raised
                            // count meets with room to spare.
                            if (!missedOnce.Add((queue, i, agents[queue][i]))) shownShort[queue][i] = Math.Max(shownShort[queue][i], agents[queue][i]);
                            agents[queue][i]++;
                            changed = true;
                        }
                        else if (estimate.Meets(target.ServiceLevel) && agents[queue][i] > floor[queue][i] && agents[queue][i] - 1 > shownShort[queue][i])
                        {
                            agents[queue][i]--;
                            changed = true;
                        }
                    }
                }
            }
            // The service levels reported are those of the staffing reported: stop on a round that changed nothing.
            if (!changed) break;
        }

        // The model's service level at a count, for the interval's rate: the assurance's mean.
        double ModelLevel(string queue, int interval, int count)
        {
            var load = new TrafficLoad(rates[queue][interval], scenario.Queues[queue].AverageHandleTime);
            return patience is { } mean ? ErlangA.Evaluate(load, mean, count).ServiceLevel(target.Threshold) : ErlangC.Evaluate(load, count).ServiceLevel(target.Threshold);
        }

        // The callers a week the model expects in an interval (its rate × the interval's hours); the weeks' own count where it expects none.
        double CallersPerWeek(string queue, int interval, ServiceLevelEstimate estimate) =>
            rates[queue][interval] > 0 ? rates[queue][interval] * grid.IntervalMinutes / 60.0 : (double)estimate.Callers / estimate.Weeks;

        var assuranceRounds = 0;
        AssuranceLedger? ledger = null;
        if (assurance is not null)
        {
            // From the minimal plan up, one agent at a time: each round raises every interval whose
            // assured level at its count is below the target, gives one back where the count below
            // (measured in an earlier round) now reaches it with the larger pool, never below the
            // minimal plan, and measures the new plan on fresh weeks.
            var minimal = queues.ToDictionary(q => q, q => (int[])agents[q].Clone(), StringComparer.Ordinal);
            var book = new AssuranceLedger(assurance, ModelLevel, CallersPerWeek);
            ledger = book;
            void Record()
            {
                foreach (var queue in queues)
                {
                    for (var i = 0; i < grid.IntervalsPerWeek; i++)
                    {
                        if (estimates[queue][i] is { } estimate) book.Record(queue, i, agents[queue][i], estimate);
                    }
                }
            }

            Record();
            while (true)
            {
                var moves = new List<(string Queue, int Interval, int Step)>();
                foreach (var queue in queues)
                {
                    for (var i = 0; i < grid.IntervalsPerWeek; i++)
                    {
                        var count = agents[queue][i];
                        if (book.AssuredLevel(queue, i, count) is not { } now) continue;
                        // Shown to miss, as in the search: the real line does worse than the model here.
                        if (now < target.ServiceLevel || estimates[queue][i]!.Misses(target.ServiceLevel)) moves.Add((queue, i, 1));
                        else if (count > minimal[queue][i] && book.AssuredLevel(queue, i, count - 1) >= target.ServiceLevel) moves.Add((queue, i, -1));
                    }
                }
                // Stopping here, not after moving, keeps the reported levels those of the staffing reported.
                if (moves.Count == 0 || assuranceRounds >= maxRounds) break;
                foreach (var (queue, i, step) in moves) agents[queue][i] += step;
                assuranceRounds++;
                rounds++;
                var raised = moves.Count(m => m.Step > 0);
                progress?.Invoke($"raising {raised} and lowering {moves.Count - raised} interval{(moves.Count - raised == 1 ? "" : "s")} for {assurance.Probability * 100:0.#}% assurance over {assurance.HorizonWeeks} week{(assurance.HorizonWeeks == 1 ? "" : "s")}, round {rounds}");
                estimates = (await IndependentWeeks.EstimateAsync(Staffed(scenario, agents), weeks, RoundSeed(seed, rounds), target, cancellationToken).ConfigureAwait(false)).Intervals;
                Record();
            }
        }

        var intervals = new List<IntervalStaffing>();
        var noneMisses = true;
        foreach (var queue in queues)
        {
            for (var i = 0; i < grid.IntervalsPerWeek; i++)
            {
                var estimate = estimates[queue][i];
                var verdict = estimate is null ? StaffingVerdict.NotJudged : PlanChecker.VerdictOf(estimate, target);
                noneMisses &= verdict != StaffingVerdict.Misses;
                intervals.Add(new IntervalStaffing(queue, i, rates[queue][i], floor[queue][i], agents[queue][i], estimate, verdict, estimate is null ? null : ledger?.AssuredLevel(queue, i, agents[queue][i])));
            }
        }
        return new StaffingAnswer(Staffed(scenario, agents), intervals, model, rounds, weeks, noneMisses, assurance, assuranceRounds);
    }

    /// <summary>
    /// The share of the line's callers offered to <paramref name="queue"/> while it is open: its offers
    /// over the calls expected in its open intervals (all of them, for a queue without hours, when
    /// the actual count of calls is used so that a line sending everyone there gives exactly 1).
    /// </summary>
    private static double Share(Scenario scenario, SimulationFigures measured, string queue, bool[] open)
    {
        long offered = 0;
        var openCalls = 0.0;
        var allCalls = 0.0;
        for (var i = 0; i < open.Length; i++)
        {
            var expected = scenario.CallsPerHour[i];
            allCalls += expected;
            if (!open[i]) continue;
            openCalls += expected;
            offered += measured[queue, i].Offered;
        }
        if (measured.Calls == 0 || openCalls == 0) return 0;
        return offered / (measured.Calls * (openCalls / allCalls));
    }

    /// <summary>The seed of a confirming round: its own stream of the run's seed, apart from the measuring week's (the seed itself) and from <see cref="PlanChecker"/>'s.</summary>
    internal static int RoundSeed(int seed, int round) => SimulationSeeds.For(seed, 2000 + round);

    /// <summary>The seed of every week a search from <paramref name="seed"/> simulated: the measuring week (from the seed itself) and the weeks of each of its <paramref name="rounds"/> rounds.</summary>
    internal static HashSet<int> SearchWeekSeeds(int seed, int rounds, int weeksPerRound)
    {
        var seeds = IndependentWeeks.WeekSeeds(seed, 1).ToHashSet();
        for (var round = 1; round <= rounds; round++) seeds.UnionWith(IndependentWeeks.WeekSeeds(RoundSeed(seed, round), weeksPerRound));
        return seeds;
    }

    private static Scenario Staffed(Scenario scenario, Dictionary<string, int[]> agents)
    {
        var staffed = scenario;
        foreach (var (queue, counts) in agents) staffed = staffed.WithAgents(queue, new WeeklyValues(scenario.Grid, [.. counts.Select(a => (double)a)]));
        return staffed;
    }

    /// <summary>Whether the queue's hours (if any) are open at the start of <paramref name="interval"/> in the first simulated week.</summary>
    private static bool IsOpen(Scenario scenario, Hours.BusinessHours hours, string queue, int interval)
    {
        if (scenario.Menu.Queues[queue].Hours is not { } rule) return true;
        var grid = scenario.Grid;
        var zone = scenario.Menu.TimeZone;
        var local = scenario.WeekOf.PlusDays((int)grid.DayOf(interval) - 1).AtMidnight().PlusMinutes(grid.StartMinuteOf(interval));
        return hours.IsOpenAt(rule.ScheduleId, zone.AtLeniently(local).ToInstant());
    }
}
