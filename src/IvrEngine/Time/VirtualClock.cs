using NodaTime;
using NodaTime.Extensions;

namespace IvrEngine.Time;

/// <summary>
/// Discrete-event time: a <see cref="TimeProvider"/> whose "now" moves only when told to, firing
/// due timers in order (ties in the order they were scheduled). Tests, QA flows and load
/// simulation run on it, so the same inputs always give the same transcript, and an hour of
/// calls takes microseconds. Not thread-safe by design: one logical thread drives it.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly PriorityQueue<(VirtualTimer Timer, long Generation), (long DueTicks, long Sequence)> _due = new();
    private DateTimeOffset _now;
    private long _sequence;

    public VirtualClock(Instant start) => _now = start.ToDateTimeOffset();

    /// <summary>The current virtual instant.</summary>
    public Instant Now => _now.ToInstant();

    /// <summary>When the next timer fires, or null when nothing is scheduled.</summary>
    public Instant? NextDue
    {
        get => TryPeekDue(out var dueTicks) ? Instant.FromUnixTimeTicks(dueTicks - DateTimeOffset.UnixEpoch.UtcTicks) : null;
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _now.UtcTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Lets <paramref name="duration"/> pass, firing every timer that falls due on the way.</summary>
    public void Advance(Duration duration)
    {
        if (duration < Duration.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "Time cannot run backwards.");
        AdvanceTo(Now + duration);
    }

    /// <summary>Moves to <paramref name="target"/>, firing due timers in order; a timer a callback schedules inside the window fires too.</summary>
    public void AdvanceTo(Instant target)
    {
        var targetTicks = target.ToDateTimeOffset().UtcTicks;
        if (targetTicks < _now.UtcTicks) throw new ArgumentOutOfRangeException(nameof(target), target, "Time cannot run backwards.");
        AdvanceTo(targetTicks);
    }

    /// <summary>Jumps to the next due timer and fires it (and any others due at that instant). False when none is scheduled.</summary>
    public bool RunNext()
    {
        // The loop of every simulation: one look at the queue per event, no conversions to and from Instant.
        if (!TryPeekDue(out var dueTicks)) return false;
        AdvanceTo(dueTicks);
        return true;
    }

    /// <summary>When the next current timer is due; stale schedules in front of it are dropped on the way.</summary>
    private bool TryPeekDue(out long dueTicks)
    {
        while (_due.TryPeek(out var entry, out var key))
        {
            if (entry.Timer.IsCurrent(entry.Generation))
            {
                dueTicks = key.DueTicks;
                return true;
            }
            _due.Dequeue();
        }
        dueTicks = 0;
        return false;
    }

    private void AdvanceTo(long targetTicks)
    {
        while (_due.TryPeek(out var entry, out var key) && key.DueTicks <= targetTicks)
        {
            _due.Dequeue();
            if (!entry.Timer.IsCurrent(entry.Generation)) continue;
            if (key.DueTicks != _now.UtcTicks) _now = new DateTimeOffset(key.DueTicks, TimeSpan.Zero);
            entry.Timer.OnDue();
        }
        if (targetTicks != _now.UtcTicks) _now = new DateTimeOffset(targetTicks, TimeSpan.Zero);
    }

    internal void Schedule(VirtualTimer timer, long generation, TimeSpan dueIn)
    {
        var dueTicks = checked(_now.UtcTicks + Math.Max(0, dueIn.Ticks));
        _due.Enqueue((timer, generation), (dueTicks, _sequence++));
    }
}
