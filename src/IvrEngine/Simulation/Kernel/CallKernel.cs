using NodaTime;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// A scenario compiled for the kernel: flat tables built once from the loaded menu, callers and
/// staffing, run one week at a time (weeks share nothing, so they run on any thread).
/// </summary>
public sealed class CallKernel
{
    private readonly CompiledLine _line;

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
    public SimulationFigures? RunWeek(int week, Instant arrivalsStop, long maxCalls, int seed, Action<long> onCalls,
        Duration? serviceLevelThreshold = null, Action<CallRecord>? onRecord = null, CancellationToken cancellationToken = default, Action<string>? onHandBack = null)
    {
        var run = new KernelWeek(_line, week, arrivalsStop, maxCalls, seed, onCalls, serviceLevelThreshold, onRecord);
        var figures = run.Run(cancellationToken);
        if (figures is null && run.HandedBackBecause is { } why) onHandBack?.Invoke(why);
        return figures;
    }
}
