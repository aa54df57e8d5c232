namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// One scheduled event of the kernel: due at <see cref="Due"/> (UTC ticks, as the virtual clock
/// counts), ties in the order scheduled (<see cref="Sequence"/>), as the reference engine's clock
/// orders its timers.
/// </summary>
/// <param name="Subject">The call slot or agent the event is about.</param>
/// <param name="Check">What the event must still match to count (a queue entry's sequence); the per-call timers compare <see cref="Sequence"/> instead.</param>
internal readonly record struct KernelEvent(long Due, long Sequence, KernelEventKind Kind, int Subject, long Check);
