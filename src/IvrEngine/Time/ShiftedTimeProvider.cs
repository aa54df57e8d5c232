using NodaTime;

namespace IvrEngine.Time;

/// <summary>
/// Real time that starts at a chosen instant and runs at a chosen speed: "call the line as if it
/// were Monday 09:15 New York", with timeouts firing at wall-clock speed, or <c>--speed 10</c> times
/// faster so a developer hears a 7-second no-input timeout after 0.7 s. Timers, elapsed time and
/// the clock are all scaled alike, so Polly's timeouts and the prompts' pacing agree with the clock.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _innerStart;
    private readonly long _innerStartTimestamp;

    public ShiftedTimeProvider(TimeProvider inner, Instant start, double speed = 1)
    {
        if (!double.IsFinite(speed) || speed <= 0) throw new ArgumentOutOfRangeException(nameof(speed), speed, "the speed must be a positive number");
        _inner = inner;
        _start = start.ToDateTimeOffset();
        _innerStart = inner.GetUtcNow();
        _innerStartTimestamp = inner.GetTimestamp();
        Speed = speed;
    }

    /// <summary>How many seconds of this clock pass in a second of the inner one.</summary>
    public double Speed { get; }

    public override DateTimeOffset GetUtcNow() => _start + ((_inner.GetUtcNow() - _innerStart) * Speed);

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() => _innerStartTimestamp + (long)((_inner.GetTimestamp() - _innerStartTimestamp) * Speed);

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _inner.CreateTimer(callback, state, Scale(dueTime), Scale(period));
        return Speed == 1 ? timer : new ScaledTimer(timer, this);
    }

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan || Speed == 1 ? span : span / Speed;

    /// <summary>A timer of the inner clock whose <see cref="Change"/> takes this clock's durations.</summary>
    private sealed class ScaledTimer(ITimer inner, ShiftedTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
