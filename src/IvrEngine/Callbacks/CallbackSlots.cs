using NodaTime;

namespace IvrEngine.Callbacks;

/// <summary>
/// The times a caller may choose for a scheduled callback: the next half-hour starts inside both a
/// schedule's open times and the callee's <see cref="CallingWindow"/> in their zone, the two rules the
/// dialer keeps, so the time a caller is told is a time they can be called. Never in the past: each
/// slot lies wholly inside a stretch where both are open. While the schedule is open, the first slot is
/// the next half hour on the clock at least <see cref="Lead"/> away (a caller at 2:10 PM is offered
/// 2:30, 3:00 and 3:30); otherwise the slots start when both open. Slots are counted on the instant
/// timeline, so the hour a daylight-saving change repeats is offered twice and the one it skips not at all.
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

    /// <summary>
    /// Up to <see cref="Offered"/> slot starts of <paramref name="scheduleId"/> after <paramref name="now"/>
    /// at which a callee in <paramref name="calleeZone"/> may be called; none during an emergency closure.
    /// </summary>
    public static IReadOnlyList<Instant> Next(Hours.BusinessHours hours, string scheduleId, Instant now, CallingWindow window, DateTimeZone calleeZone)
    {
        var from = hours.IsOpenAt(scheduleId, now) ? FirstWhileOpen(now, hours[scheduleId].Zone) : now;
        var to = now + Horizon;
        var callable = window.Intervals(from, to, calleeZone);
        var slots = new List<Instant>(Offered);
        foreach (var open in hours.OpenIntervals(scheduleId, from, to))
        {
            foreach (var both in callable)
            {
                var start = Instant.Max(open.Start, both.Start);
                var end = Instant.Min(open.End, both.End);
                for (var slot = start; slot + Length <= end; slot += Length)
                {
                    slots.Add(slot);
                    if (slots.Count == Offered) return slots;
                }
            }
        }
        return slots;
    }

    /// <summary>Whether <paramref name="slot"/> can still be kept for a callee in <paramref name="calleeZone"/>: the window is open there for all of it.</summary>
    public static bool Callable(Instant slot, CallingWindow window, DateTimeZone calleeZone) =>
        window.Intervals(slot, slot + Length, calleeZone) is [var only] && only.Start == slot && only.End == slot + Length;

    /// <summary>
    /// Where the search for slots starts while the schedule is open: the next half hour on the schedule's clock
    /// at least <see cref="Lead"/> away. What <see cref="Next"/> offers then depends on this instant alone
    /// (and on how far the horizon reaches, for none at all), which the compiled kernel keys its cache on.
    /// </summary>
    internal static Instant FirstWhileOpen(Instant now, DateTimeZone zone) => HalfHourOnTheClock(now + Lead, zone);

    /// <summary>
    /// The first instant at or after <paramref name="at"/> when the wall clock in <paramref name="zone"/>
    /// reads :00 or :30. Counted forward from <paramref name="at"/> in elapsed time, not by reading local
    /// times back into instants: at 1:35 AM EDT on the night clocks fall back, the next half hour is
    /// 1:00 AM EST, 25 minutes later, not 2:00 AM EST.
    /// </summary>
    private static Instant HalfHourOnTheClock(Instant at, DateTimeZone zone)
    {
        var local = at.InZone(zone).TimeOfDay;
        var intoHalfHour = Duration.FromMinutes(local.Minute % 30) + Duration.FromSeconds(local.Second) + Duration.FromNanoseconds(local.NanosecondOfSecond);
        return intoHalfHour == Duration.Zero ? at : at + Length - intoHalfHour;
    }
}
