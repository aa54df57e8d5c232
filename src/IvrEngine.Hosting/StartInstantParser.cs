using NodaTime;

namespace IvrEngine.Hosting;

/// <summary>
/// Reads "when the call happens" as people write it: <c>2026-11-30T09:15 America/New_York</c>
/// (local time in a zone), or an instant such as <c>2026-11-30T14:15:00Z</c>.
/// </summary>
public static class StartInstantParser
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what was expected.</summary>
    public static bool TryParse(string text, out Instant instant, out string error) =>
        IvrEngine.Time.StartTimeParser.TryParse(text, out instant, out error);
}
