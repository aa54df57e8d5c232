using NodaTime;
using NodaTime.Text;

namespace IvrEngine.Cli.Commands;

/// <summary>An instant as the line's operators read it in <c>serve</c> and <c>callbacks run</c>: local time in the line's zone, with the zone.</summary>
internal static class LineTime
{
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss");

    public static string Format(Instant instant, DateTimeZone zone) => $"{Local.Format(instant.InZone(zone).LocalDateTime)} {zone.Id}";
}
