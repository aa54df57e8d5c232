namespace IvrEngine.Time;

/// <summary>
/// A timer on a <see cref="VirtualClock"/>. Rescheduling or disposing does not search the
/// clock's queue: each schedule is an <see cref="Entry"/> that knows whether it is still current,
/// and stale entries are skipped when they come up.
/// </summary>
internal sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
{
    private Entry? _current;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed) return false;
        _current = null;
        _period = period;
        if (dueTime != Timeout.InfiniteTimeSpan) ScheduleIn(dueTime);
        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        _current = null;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void ScheduleIn(TimeSpan dueIn)
    {
        _current = new Entry(this);
        clock.Schedule(_current, dueIn);
    }

    private void OnDue()
    {
        _current = null;
        // A periodic timer is rescheduled before the callback so the callback may change or dispose it.
        if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero) ScheduleIn(_period);
        callback(state);
    }

    internal sealed class Entry(VirtualTimer owner)
    {
        public bool IsCurrent => ReferenceEquals(owner._current, this);

        public void Fire() => owner.OnDue();
    }
}
