using NodaTime;

namespace IvrEngine.Callbacks;

/// <summary>
/// The times a caller may choose for a scheduled callback: the next half-hour starts inside a
/// schedule's open times. Never in the past and never outside business hours: each slot lies wholly
/// inside an open interval. While the schedule is open, the first slot is the next half hour on the
/// clock at least <see cref="Lead"/> away (a caller at 2:10 PM is offered 2:30, 3:00 and 3:30); while
/// it is closed, the slots start when it opens.
/// </summary>
public static class CallbackSlots
{
    /// <summary>How long each slot is: the dialer calls at its start.</summary>
    public static readonly Duration Length = Duration.FromMinutes(30);

    /// <summary>While open, no slot starts sooner than this: a caller offered "2:30" at 2:29 could not be called then.</summary>
    public static readonly Duration Lead = Duration.FromMinutes(15);

    /// <summary>How far ahead slots are looked for.</summary>
    public static readonly Duration Horizon = Duration.FromDays(7);

    /// <summary>How many slots a caller is offered (keys 1, 2, 3).</summary>
    public const int Offered = 3;

    /// <summary>Up to <see cref="Offered"/> slot starts of <paramref name="scheduleId"/> after <paramref name="now"/>; none during an emergency closure.</summary>
    public static IReadOnlyList<Instant> Next(Hours.BusinessHours hours, string scheduleId, Instant now)
    {
        var from = hours.IsOpenAt(scheduleId, now) ? HalfHourOnTheClock(now + Lead, hours[scheduleId].Zone) : now;
        return [.. hours.Slots(scheduleId, from, now + Horizon, Length).Take(Offered).Select(s => s.Start)];
    }

    /// <summary>The first :00 or :30 of the wall clock in <paramref name="zone"/> at or after <paramref name="at"/>.</summary>
    private static Instant HalfHourOnTheClock(Instant at, DateTimeZone zone)
    {
        var local = at.InZone(zone).LocalDateTime;
        var halfHour = local.Date.At(new LocalTime(local.Hour, local.Minute < 30 ? 0 : 30));
        if (halfHour < local) halfHour = halfHour.PlusMinutes(30);
        // Around a daylight-saving change the local time may not exist (or exist twice): take the later reading, never one before 'at'.
        var instant = zone.AtLeniently(halfHour).ToInstant();
        return instant < at ? at : instant;
    }
}
