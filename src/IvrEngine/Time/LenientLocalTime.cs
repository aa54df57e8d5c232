using NodaTime;
using NodaTime.TimeZones;

namespace IvrEngine.Time;

/// <summary>
/// <c>zone.AtLeniently(local).ToInstant()</c> without allocating: NodaTime's mapping builds a
/// ZoneLocalMapping object each time, and the week grid maps two local times at every interval
/// boundary a week crosses (its arrivals, staffing and figures), which was most of what a simulated
/// week allocated. The same rule: an ambiguous local time (a repeated hour) takes the earlier
/// instant; a skipped one is shifted forward by the gap (read with the offset before it). Zone
/// intervals are looked up through a one-entry cache per thread.
/// </summary>
internal static class LenientLocalTime
{
    // Every offset is within ±18 hours, so a local time can only fall in zone intervals that meet this window around it read as UTC.
    private static readonly Duration Reach = Duration.FromHours(18);

    // The zone interval last looked up on this thread: a week's boundaries nearly all fall in one, and NodaTime's
    // own cache makes new objects for each few hours of a year it has not seen (a long run sees many).
    [ThreadStatic] private static DateTimeZone? t_zone;
    [ThreadStatic] private static ZoneInterval? t_interval;

    /// <summary><c>at.InZone(zone).LocalDateTime</c>, with the zone interval cached (see above).</summary>
    public static LocalDateTime ToLocal(Instant at, DateTimeZone zone) => at.WithOffset(IntervalAt(at, zone).WallOffset).LocalDateTime;

    public static Instant ToInstant(LocalDateTime local, DateTimeZone zone)
    {
        var asUtc = local.InUtc().ToInstant();
        var interval = IntervalAt(asUtc - Reach, zone);
        ZoneInterval? before = null;
        while (true)
        {
            var candidate = asUtc - Duration.FromTicks(interval.WallOffset.Ticks);
            // The first interval (in time) holding the local time gives the earlier instant of an ambiguous one.
            if ((!interval.HasStart || candidate >= interval.Start) && (!interval.HasEnd || candidate < interval.End)) return candidate;
            // Not in this interval and already before its start: the local time is in the gap after the previous one.
            if (interval.HasStart && candidate < interval.Start) break;
            before = interval;
            if (!interval.HasEnd || interval.End > asUtc + Reach) break;
            interval = IntervalAt(interval.End, zone);
        }
        // Skipped (a gap): the local time read with the offset of the interval before the gap.
        return asUtc - Duration.FromTicks((before ?? interval).WallOffset.Ticks);
    }

    private static ZoneInterval IntervalAt(Instant at, DateTimeZone zone)
    {
        if (ReferenceEquals(t_zone, zone) && t_interval is { } last && last.Contains(at)) return last;
        var interval = zone.GetZoneInterval(at);
        (t_zone, t_interval) = (zone, interval);
        return interval;
    }
}
