using NodaTime;

namespace IvrEngine.Time;

/// <summary>
/// Real time with a stretch of virtual time before it: the clock starts <c>warmUp</c> before
/// <c>start</c> as a <see cref="VirtualClock"/>, which its owner runs through at once with
/// <see cref="FinishWarmUp"/>; from then on it is real time from <c>start</c> (at <c>speed</c>, as
/// <see cref="ShiftedTimeProvider"/>), and every timer still pending moves over with the time it has
/// left. So <c>ivr call --busy</c> on the real clock begins with an hour of other callers behind it,
/// as a busy line would, instead of an empty line that has answered no one.
/// </summary>
/// <remarks>
/// Until the warm-up is finished, one logical thread drives it (as a <see cref="VirtualClock"/>);
/// <see cref="FinishWarmUp"/> runs on that thread. Timestamps are the clock's ticks, so elapsed time
/// measured across the change still adds up.
/// </remarks>
public sealed class WarmUpTimeProvider : TimeProvider
{
    private readonly VirtualClock _warmUp;
    private readonly Instant _start;
    private readonly double _speed;
    private readonly TimeProvider _wall;
    private readonly HashSet<SwitchingTimer> _pending = [];
    private volatile TimeProvider? _real;

    /// <param name="wall">The wall clock real time is read from after the warm-up.</param>
    public WarmUpTimeProvider(TimeProvider wall, Instant start, Duration warmUp, double speed = 1)
    {
        if (warmUp < Duration.Zero) throw new ArgumentOutOfRangeException(nameof(warmUp), warmUp, "A warm-up cannot be negative.");
        if (!double.IsFinite(speed) || speed <= 0) throw new ArgumentOutOfRangeException(nameof(speed), speed, "the speed must be a positive number");
        _wall = wall;
        _start = start;
        _speed = speed;
        _warmUp = new VirtualClock(start - warmUp);
    }

    /// <summary>True once the warm-up has run and time is real.</summary>
    public bool IsReal => _real is not null;

    public override DateTimeOffset GetUtcNow() => (_real ?? _warmUp).GetUtcNow();

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (_real is { } real) return real.CreateTimer(callback, state, dueTime, period);
        var timer = new SwitchingTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Runs the warm-up through (firing its timers in order, as a virtual clock does) and starts real time
    /// at the start instant; timers still pending carry on as real timers, due when they were due.
    /// </summary>
    public void FinishWarmUp()
    {
        if (_real is not null) return;
        _warmUp.AdvanceTo(_start);
        var real = new ShiftedTimeProvider(_wall, _start, _speed);
        foreach (var timer in _pending.ToList()) timer.MoveTo(real, _start);
        _pending.Clear();
        _real = real;
    }

    /// <summary>A timer made during the warm-up: a virtual one, then a real one with the time it had left.</summary>
    private sealed class SwitchingTimer : ITimer
    {
        private readonly WarmUpTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _virtual;
        private ITimer? _real;
        private Instant? _dueAt;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public SwitchingTimer(WarmUpTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
            _virtual = owner._warmUp.CreateTimer(static s => ((SwitchingTimer)s!).OnVirtualDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed) return false;
            if (_real is { } real) return real.Change(dueTime, period);
            _period = period;
            _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _owner._warmUp.Now + Duration.FromTimeSpan(dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            Track();
            return _virtual.Change(dueTime, period);
        }

        public void Dispose()
        {
            _disposed = true;
            _dueAt = null;
            Track();
            _virtual.Dispose();
            _real?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        /// <summary>Becomes a real timer, due when it was due (at once if that was the very start), keeping its period.</summary>
        public void MoveTo(TimeProvider real, Instant start)
        {
            _virtual.Dispose();
            if (_disposed || _dueAt is not { } dueAt) return;
            _real = real.CreateTimer(_callback, _state, Duration.Max(Duration.Zero, dueAt - start).ToTimeSpan(), _period);
        }

        private void OnVirtualDue()
        {
            _dueAt = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? _owner._warmUp.Now + Duration.FromTimeSpan(_period) : null;
            Track();
            _callback(_state);
        }

        private void Track()
        {
            if (_dueAt is null) _owner._pending.Remove(this);
            else _owner._pending.Add(this);
        }
    }
}
