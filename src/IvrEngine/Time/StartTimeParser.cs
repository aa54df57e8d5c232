using NodaTime;
using NodaTime.Text;

namespace IvrEngine.Time;

/// <summary>
/// Reads "when the call happens" as people write it: <c>2026-11-30T09:15 America/New_York</c>
/// (local time in a zone), or an instant such as <c>2026-11-30T14:15:00Z</c>. Shared by the
/// console's <c>--at</c> and the <c>at:</c> line of QA flows.
/// </summary>
public static class StartTimeParser
{
    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm"),
    ];

    /// <summary>
    /// ISO 8601 date-times with an offset or Z, to the minute or second: <c>2026-03-02T14:59Z</c>,
    /// <c>2026-03-02T09:59-05:00</c>. An offset also picks one of the two readings of a repeated
    /// local time (01:30 on the autumn day: <c>-04:00</c> the first, <c>-05:00</c> the second).
    /// </summary>
    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mmo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:sso<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss.FFFFFFFFFo<G>"),
    ];

    /// <summary>The earliest start accepted: 1900-01-01 in the zone (or UTC for an instant).</summary>
    public static readonly LocalDate EarliestDate = new(1900, 1, 1);

    /// <summary>
    /// The latest start accepted: 8999-12-31. The engine adds days, weeks and callback slots to the
    /// start and turns it into a DateTimeOffset (which ends with year 9999), so a start near the end
    /// of time would overflow later instead of being refused here.
    /// </summary>
    public static readonly LocalDate LatestDate = new(8999, 12, 31);

    /// <summary>True for a date from <see cref="EarliestDate"/> to <see cref="LatestDate"/>.</summary>
    public static bool InRange(LocalDate date) => date >= EarliestDate && date <= LatestDate;

    private static string OutOfRange(string text) =>
        $"'{text.Trim()}' is out of range; a start time is from {LocalDatePattern.Iso.Format(EarliestDate)} to {LocalDatePattern.Iso.Format(LatestDate)}";

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what was expected.</summary>
    public static bool TryParse(string text, out Instant instant, out string error)
    {
        instant = default;
        error = string.Empty;
        var trimmed = text.Trim();
        foreach (var pattern in OffsetPatterns)
        {
            var offsetResult = pattern.Parse(trimmed);
            if (!offsetResult.Success) continue;
            // Checked on the written date, before the offset is applied, as local times are.
            if (!InRange(offsetResult.Value.Date))
            {
                error = OutOfRange(text);
                return false;
            }
            instant = offsetResult.Value.ToInstant();
            return true;
        }

        var space = trimmed.LastIndexOf(' ');
        if (space > 0)
        {
            var zoneId = trimmed[(space + 1)..];
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
            if (zone is null)
            {
                error = $"unknown time zone '{zoneId}' (use an IANA name such as America/New_York)";
                return false;
            }
            foreach (var pattern in LocalPatterns)
            {
                var local = pattern.Parse(trimmed[..space].Trim());
                if (!local.Success) continue;
                // Checked before the zone is applied: 9999-12-31T23:59 in New York is past the last instant there is.
                if (!InRange(local.Value.Date))
                {
                    error = OutOfRange(text);
                    return false;
                }
                // A local time in the spring-forward gap or the fall-back overlap is read the way
                // people mean it: shifted forward past the gap, the earlier of two repeats.
                instant = local.Value.InZoneLeniently(zone).ToInstant();
                return true;
            }
        }

        error = $"'{text}' is not a start time; write e.g. \"2026-11-30T09:15 America/New_York\", \"2026-11-30T14:15Z\" or \"2026-11-30T09:15-05:00\"";
        return false;
    }
}
