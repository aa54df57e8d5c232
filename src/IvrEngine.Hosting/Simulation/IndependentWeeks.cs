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
        var perWeek = new List<SimulationFigures>();
        await RunAsync(scenario, weeks, seed, target, perWeek.Add, cancellationToken).ConfigureAwait(false);
        var intervals = new Dictionary<string, ServiceLevelEstimate?[]>(StringComparer.Ordinal);
        var overall = new Dictionary<string, ServiceLevelEstimate?>(StringComparer.Ordinal);
        foreach (var queue in scenario.Queues.Keys)
        {
            var row = new ServiceLevelEstimate?[grid.IntervalsPerWeek];
            for (var i = 0; i < grid.IntervalsPerWeek; i++)
            {
                var samples = perWeek.Select(w => (w[queue, i].AnsweredInTime, w[queue, i].Answered + w[queue, i].Abandoned)).ToList();
                if (samples.Sum(s => s.Item2) < StaffingPlanner.MinimumCallersToJudge) continue;
                row[i] = ServiceLevelEstimate.From(samples);
            }
            intervals[queue] = row;
            // The week as a whole: each week's callers over all its intervals are again one replication.
            overall[queue] = ServiceLevelEstimate.From([.. perWeek.Select(w => Enumerable.Range(0, grid.IntervalsPerWeek)
                .Aggregate((InTime: 0L, Judged: 0L), (sum, i) => (sum.InTime + w[queue, i].AnsweredInTime, sum.Judged + w[queue, i].Answered + w[queue, i].Abandoned)))]);
        }
        return new WeeklyServiceLevels(intervals, overall);
    }

    /// <summary>The seeds of the weeks a run of <paramref name="weeks"/> weeks from <paramref name="seed"/> simulates, as <see cref="LoadSimulation"/> derives them: every random stream of a week comes from its seed.</summary>
    public static IEnumerable<int> WeekSeeds(int seed, int weeks) => Enumerable.Range(0, weeks).Select(w => LoadSimulation.SeedForWeek(seed, w));

    /// <summary>A run on the compiled kernel when it models the scenario (the same figures, many times faster), else on the reference engine.</summary>
    public static Task<SimulationFigures> RunAsync(Scenario scenario, int weeks, int seed, ServiceTarget target, Action<SimulationFigures>? perWeek, CancellationToken cancellationToken) =>
        LoadSimulation.RunAsync(scenario, SimulationLength.Of(Duration.FromDays(7 * weeks)), seed, cancellationToken: cancellationToken,
            serviceLevelThreshold: target.Threshold, kernel: CallKernel.TryCompile(scenario, out _), onWeek: perWeek);
}

/// <summary>Per queue, each interval's service level over the weeks (null where fewer than <see cref="StaffingPlanner.MinimumCallersToJudge"/> callers), and the whole week's.</summary>
internal sealed record WeeklyServiceLevels(IReadOnlyDictionary<string, ServiceLevelEstimate?[]> Intervals, IReadOnlyDictionary<string, ServiceLevelEstimate?> Overall);
