using NodaTime;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// A scenario compiled for the kernel: flat tables built once from the loaded menu, callers and
/// staffing, run one week at a time (weeks share nothing, so they run on any thread).
/// </summary>
public sealed class CallKernel
{
    private readonly CompiledLine _line;

    // Workspaces of finished weeks, for the next weeks to run in: at most one per week run at once.
    private readonly Stack<KernelWorkspace> _spaces = new();

    private CallKernel(CompiledLine line) => _line = line;

    /// <summary>The compiled scenario, or null with the reason when the kernel does not model all of it (<see cref="KernelSupport"/>).</summary>
    public static CallKernel? TryCompile(Scenario scenario, out string? whyNot)
    {
        whyNot = KernelSupport.WhyNot(scenario);
        return whyNot is null ? new CallKernel(new CompiledLine(scenario)) : null;
    }

    /// <summary>
    /// Runs week <paramref name="week"/> as the reference engine's SimulatedWeek does, with the same
    /// parameters. Null when the week reached what the kernel does not reproduce (calls unsettled
    /// three days after the last arrival, a callback path the kernel does not model): run that week on the
    /// reference engine. <paramref name="onHandBack"/> is told why.
    /// </summary>
    /// <param name="reuse">
    /// Figures an earlier run of this scenario with the same <paramref name="serviceLevelThreshold"/> returned, done
    /// with: cleared and filled with this week's (and returned) instead of new ones.
    /// </param>
    public SimulationFigures? RunWeek(int week, Instant arrivalsStop, long maxCalls, int seed, Action<long> onCalls,
        Duration? serviceLevelThreshold = null, Action<CallRecord>? onRecord = null, CancellationToken cancellationToken = default, Action<string>? onHandBack = null,
        SimulationFigures? reuse = null)
    {
        reuse?.Clear();
        var space = TakeWorkspace();
        try
        {
            var run = new KernelWeek(_line, week, arrivalsStop, maxCalls, seed, onCalls, serviceLevelThreshold, onRecord, space, reuse);
            var figures = run.Run(cancellationToken);
            if (figures is null && run.HandedBackBecause is { } why) onHandBack?.Invoke(why);
            return figures;
        }
        finally
        {
            // Each week empties it before use, so one left mid-week (cancelled, or a callback that threw) is fine to hand on.
            lock (_spaces) _spaces.Push(space);
        }
    }

    private KernelWorkspace TakeWorkspace()
    {
        lock (_spaces)
        {
            if (_spaces.TryPop(out var space)) return space;
        }
        return new KernelWorkspace(_line);
    }
}
