using IvrEngine.Time;

namespace IvrEngine.Tests.Flows;

/// <summary>
/// A virtual clock read the way the real one is: every reading a few milliseconds after the last,
/// so a call's answer to a key lands just after the key and a timer's events just after it fell
/// due, as on the real clock, while time still moves only when the test says.
/// </summary>
internal sealed class JitteryClock(VirtualClock inner, TimeSpan step) : TimeProvider
{
    private DateTimeOffset _lastInner = inner.GetUtcNow();
    private int _readings;

    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        if (now != _lastInner) (_lastInner, _readings) = (now, 0);
        return now + (step * ++_readings);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;
}
