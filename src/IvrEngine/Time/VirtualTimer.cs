namespace IvrEngine.Time;

/// <summary>
/// A timer on a <see cref="VirtualClock"/>. Rescheduling or disposing does not search the
/// clock's queue: each schedule is queued with the timer's generation at that moment, and one
/// whose generation has since moved on is stale and skipped when it comes up.
/// </summary>
internal sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
{
    // Odd while a schedule is current; every change or disposal moves it on, leaving queued schedules stale.
    private long _generation;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed) return false;
        Unschedule();
        _period = period;
        if (dueTime != Timeout.InfiniteTimeSpan) ScheduleIn(dueTime);
        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        Unschedule();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>True while the schedule queued as <paramref name="generation"/> is the timer's current one.</summary>
    internal bool IsCurrent(long generation) => generation == _generation && (generation & 1) == 1;

    /// <summary>The current schedule has come up (the clock fires only current ones).</summary>
    internal void OnDue()
    {
        Unschedule();
        // A periodic timer is rescheduled before the callback so the callback may change or dispose it.
        if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero) ScheduleIn(_period);
        callback(state);
    }

    private void Unschedule()
    {
        if ((_generation & 1) == 1) _generation++;
    }

    private void ScheduleIn(TimeSpan dueIn)
    {
        _generation++;
        clock.Schedule(this, _generation, dueIn);
    }
}
