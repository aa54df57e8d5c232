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

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what was expected.</summary>
    public static bool TryParse(string text, out Instant instant, out string error)
    {
        instant = default;
        error = string.Empty;
        var trimmed = text.Trim();
        var instantResult = InstantPattern.ExtendedIso.Parse(trimmed);
        if (instantResult.Success)
        {
            instant = instantResult.Value;
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
                // A local time in the spring-forward gap or the fall-back overlap is read the way
                // people mean it: shifted forward past the gap, the earlier of two repeats.
                instant = local.Value.InZoneLeniently(zone).ToInstant();
                return true;
            }
        }

        error = $"'{text}' is not a start time; write e.g. \"2026-11-30T09:15 America/New_York\" or \"2026-11-30T14:15:00Z\"";
        return false;
    }
}
