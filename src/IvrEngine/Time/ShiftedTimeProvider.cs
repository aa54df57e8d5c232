using NodaTime;

namespace IvrEngine.Time;

/// <summary>
/// Real time that starts at a chosen instant: "call the line as if it were Monday 09:15 New York",
/// with timeouts still firing at wall-clock speed. Timers and elapsed time come from the inner provider.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly TimeSpan _offset;

    public ShiftedTimeProvider(TimeProvider inner, Instant start)
    {
        _inner = inner;
        _offset = start.ToDateTimeOffset() - inner.GetUtcNow();
    }

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + _offset;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);
}
