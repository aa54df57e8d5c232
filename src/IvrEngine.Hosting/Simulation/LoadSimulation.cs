using IvrEngine.Simulation;
using IvrEngine.Simulation.Kernel;
using NodaTime;

namespace IvrEngine.Hosting.Simulation;

/// <summary>How long to simulate: a number of calls, or a stretch of time from the scenario's first Monday.</summary>
public sealed record SimulationLength(long? Calls, Duration? Duration)
{
    public static SimulationLength OfCalls(long calls) => new(calls, null);

    public static SimulationLength Of(Duration duration) => new(null, duration);
}

/// <summary>
/// Runs a scenario: whole weeks, each simulated independently from an empty line (its own seeds,
/// derived from the run's seed and the week's number), on as many cores as there are, and added
/// up in week order — so the figures are the same for a seed whatever the machine.
/// </summary>
public static class LoadSimulation
{
    /// <param name="serviceLevelThreshold">Counts service levels against this threshold instead of each queue's own.</param>
    /// <param name="kernel">Runs the weeks on this compiled kernel instead of the reference engine (a week it cannot finish exactly runs on the engine).</param>
    /// <param name="onRecord">Told of every caller as they end, week by week in order of ending (the differential test); called on the weeks' threads.</param>
    /// <param name="onReferenceWeek">Told of each week the kernel handed back to the reference engine, and why.</param>
    /// <param name="onWeek">
    /// Told of each week's own figures, in week order (independent replications, for confidence intervals). They are
    /// lent for the call only: once it returns they are cleared and filled by a later week, so copy what you keep.
    /// </param>
    public static async Task<SimulationFigures> RunAsync(Scenario scenario, SimulationLength length, int seed, Action<long>? onCalls = null,
        int? parallelism = null, CancellationToken cancellationToken = default, Duration? serviceLevelThreshold = null,
        CallKernel? kernel = null, Action<CallRecord>? onRecord = null, Action<int, string>? onReferenceWeek = null, Action<SimulationFigures>? onWeek = null)
    {
        var weeks = Plan(scenario, length, seed);
        var total = new SimulationFigures(scenario, serviceLevelThreshold);
        var finished = new Dictionary<int, SimulationFigures>();
        // Weeks' figures already added up, for later weeks on the kernel to fill again instead of new ones: a run
        // that allocates next to nothing a week keeps the process's peak where a short run's is.
        var spare = new Stack<SimulationFigures>();
        var nextToAdd = 0;
        var gate = new Lock();
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(weeks, options, async (week, token) =>
        {
            var weekSeed = SeedForWeek(seed, week.Index);
            string? handedBack = null;
            SimulationFigures? reuse = null;
            if (kernel is not null)
            {
                lock (gate) spare.TryPop(out reuse);
            }
            var figures = kernel is null ? null : RunOnKernel(kernel, week, weekSeed, onCalls, serviceLevelThreshold, onRecord, why => handedBack = why, reuse, token);
            if (figures is null && kernel is not null) onReferenceWeek?.Invoke(week.Index, handedBack ?? "the run was cancelled");
            figures ??= await new SimulatedWeek(scenario, week.Index, week.ArrivalsStop, week.MaxCalls, weekSeed, calls => onCalls?.Invoke(calls), serviceLevelThreshold, onRecord)
                .RunAsync(token).ConfigureAwait(false);
            lock (gate)
            {
                // Sums of doubles depend on their order: weeks are added in order, whichever finished first.
                finished[week.Index] = figures;
                while (finished.Remove(nextToAdd, out var next))
                {
                    total.Merge(next);
                    onWeek?.Invoke(next);
                    spare.Push(next);
                    nextToAdd++;
                }
            }
        }).ConfigureAwait(false);
        return total;
    }

    /// <summary>A week on the kernel; its records are passed on only if it finishes there (else the engine's run of it gives them).</summary>
    private static SimulationFigures? RunOnKernel(CallKernel kernel, PlannedWeek week, int seed, Action<long>? onCalls, Duration? serviceLevelThreshold,
        Action<CallRecord>? onRecord, Action<string> onHandBack, SimulationFigures? reuse, CancellationToken token)
    {
        var records = onRecord is null ? null : new List<CallRecord>();
        var figures = kernel.RunWeek(week.Index, week.ArrivalsStop, week.MaxCalls, seed, calls => onCalls?.Invoke(calls), serviceLevelThreshold, records is null ? null : records.Add, token, onHandBack, reuse);
        if (figures is not null && records is not null) records.ForEach(onRecord!);
        return figures;
    }

    /// <summary>The weeks to run, each with when its arrivals stop and how many it may have.</summary>
    /// <remarks>
    /// For a number of calls the weeks come lazily, each counted as it is asked for: the threads take
    /// them one at a time, so the counting of the next week overlaps the running of the others instead
    /// of all of it coming before the first week starts.
    /// </remarks>
    internal static IEnumerable<PlannedWeek> Plan(Scenario scenario, SimulationLength length, int seed)
    {
        if (length.Duration is { } duration)
        {
            if (duration <= Duration.Zero) throw new ArgumentOutOfRangeException(nameof(length), "A simulation runs for some time.");
            var end = scenario.WeekStart(0) + duration;
            var count = (int)Math.Ceiling(duration / Duration.FromDays(7));
            return [.. Enumerable.Range(0, count).Select(w => new PlannedWeek(w, Instant.Min(scenario.WeekStart(w + 1), end), long.MaxValue))];
        }

        var calls = length.Calls ?? throw new ArgumentException("Give a number of calls or a duration.", nameof(length));
        if (calls <= 0) throw new ArgumentOutOfRangeException(nameof(length), "A simulation runs at least one call.");
        if (scenario.CallsPerWeek <= 0) throw new ArgumentException("The scenario has no arrivals in any interval.", nameof(scenario));
        return WeeksOf(scenario, calls, seed);
    }

    /// <summary>Each week's arrivals counted (the draws the run will make), week by week, until there are enough.</summary>
    private static IEnumerable<PlannedWeek> WeeksOf(Scenario scenario, long calls, int seed)
    {
        long sofar = 0;
        for (var w = 0; sofar < calls; w++)
        {
            var stop = scenario.WeekStart(w + 1);
            var arrivals = SimulatedWeek.Arrivals(scenario, scenario.WeekStart(w), stop, SeedForWeek(seed, w)).CountAll();
            var take = Math.Min(arrivals, calls - sofar);
            // A week whose every arrival is wanted runs as a whole week (its quiet end staffed and measured too).
            yield return new PlannedWeek(w, stop, take == arrivals ? long.MaxValue : take);
            sofar += take;
        }
    }

    /// <summary>Each week's own seed.</summary>
    internal static int SeedForWeek(int seed, int week) => SimulationSeeds.Week(seed, week);

    internal sealed record PlannedWeek(int Index, Instant ArrivalsStop, long MaxCalls);
}
