using IvrEngine.Simulation;
using IvrEngine.Simulation.Kernel;
using NodaTime;

namespace IvrEngine.Hosting.Simulation;

/// <summary>
/// A scenario's service levels over independent simulated weeks (replications: each week its own
/// seeds and an empty line at Monday 00:00), per queue and interval and per queue over the week,
/// each with its 95 % confidence interval (<see cref="ServiceLevelEstimate"/>). Shared by the
/// planner's confirming rounds and the check of a finished plan on weeks it never saw.
/// </summary>
internal static class IndependentWeeks
{
    /// <summary>The service levels of <paramref name="weeks"/> weeks run from <paramref name="seed"/>.</summary>
    public static async Task<WeeklyServiceLevels> EstimateAsync(Scenario scenario, int weeks, int seed, ServiceTarget target, CancellationToken cancellationToken)
    {
        var grid = scenario.Grid;
        // Each week's figures are lent only while it is told of them (the run reuses them): its counts are copied.
        var perWeek = new List<Dictionary<string, (long InTime, long Judged)[]>>();
        await RunAsync(scenario, weeks, seed, target, week => perWeek.Add(Judged(scenario, week)), cancellationToken).ConfigureAwait(false);
        var intervals = new Dictionary<string, ServiceLevelEstimate?[]>(StringComparer.Ordinal);
        var overall = new Dictionary<string, ServiceLevelEstimate?>(StringComparer.Ordinal);
        foreach (var queue in scenario.Queues.Keys)
        {
            var row = new ServiceLevelEstimate?[grid.IntervalsPerWeek];
            for (var i = 0; i < grid.IntervalsPerWeek; i++)
            {
                var samples = perWeek.Select(w => w[queue][i]).ToList();
                if (samples.Sum(s => s.Judged) < StaffingPlanner.MinimumCallersToJudge) continue;
                row[i] = ServiceLevelEstimate.From(samples);
            }
            intervals[queue] = row;
            // The week as a whole: each week's callers over all its intervals are again one replication.
            overall[queue] = ServiceLevelEstimate.From([.. perWeek.Select(w => w[queue]
                .Aggregate((InTime: 0L, Judged: 0L), (sum, interval) => (sum.InTime + interval.InTime, sum.Judged + interval.Judged)))]);
        }
        return new WeeklyServiceLevels(intervals, overall);
    }

    /// <summary>A week's callers answered in time and judged (answered or abandoned), per queue and interval.</summary>
    private static Dictionary<string, (long InTime, long Judged)[]> Judged(Scenario scenario, SimulationFigures week) =>
        scenario.Queues.Keys.ToDictionary(queue => queue, queue => Enumerable.Range(0, week.Grid.IntervalsPerWeek)
            .Select(i => (week[queue, i].AnsweredInTime, week[queue, i].Answered + week[queue, i].Abandoned)).ToArray(), StringComparer.Ordinal);

    /// <summary>The seeds of the weeks a run of <paramref name="weeks"/> weeks from <paramref name="seed"/> simulates, as <see cref="LoadSimulation"/> derives them: every random stream of a week comes from its seed.</summary>
    public static IEnumerable<int> WeekSeeds(int seed, int weeks) => Enumerable.Range(0, weeks).Select(w => LoadSimulation.SeedForWeek(seed, w));

    /// <summary>A run on the compiled kernel when it models the scenario (the same figures, many times faster), else on the reference engine; <paramref name="perWeek"/> is lent each week's figures (LoadSimulation's onWeek).</summary>
    public static Task<SimulationFigures> RunAsync(Scenario scenario, int weeks, int seed, ServiceTarget target, Action<SimulationFigures>? perWeek, CancellationToken cancellationToken) =>
        LoadSimulation.RunAsync(scenario, SimulationLength.Of(Duration.FromDays(7 * weeks)), seed, cancellationToken: cancellationToken,
            serviceLevelThreshold: target.Threshold, kernel: CallKernel.TryCompile(scenario, out _), onWeek: perWeek);
}

/// <summary>Per queue, each interval's service level over the weeks (null where fewer than <see cref="StaffingPlanner.MinimumCallersToJudge"/> callers), and the whole week's.</summary>
internal sealed record WeeklyServiceLevels(IReadOnlyDictionary<string, ServiceLevelEstimate?[]> Intervals, IReadOnlyDictionary<string, ServiceLevelEstimate?> Overall);
