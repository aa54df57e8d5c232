using System.Globalization;
using NodaTime;

namespace IvrEngine.Hours;

/// <summary>
/// Says when a line opens, in the caller's language and the schedule's zone: "Monday at 10:00 AM
/// Eastern Time", "tomorrow at 9:00 AM Eastern Time", "в понедельник в 10:00 по восточному времени".
/// English uses the 12-hour clock, Russian the 24-hour clock. "Today" and "tomorrow" are said when they
/// are; within a week the weekday; further out the date ("December 26 at 9:00 AM …").
/// </summary>
public static class OpeningPhrase
{
    private static readonly Dictionary<string, (string English, string Russian)> ZoneNames = new(StringComparer.Ordinal)
    {
        ["America/New_York"] = ("Eastern Time", "по восточному времени"),
        ["America/Chicago"] = ("Central Time", "по центральному времени"),
        ["America/Denver"] = ("Mountain Time", "по горному времени"),
        ["America/Phoenix"] = ("Mountain Time", "по горному времени"),
        ["America/Los_Angeles"] = ("Pacific Time", "по тихоокеанскому времени"),
        ["America/Anchorage"] = ("Alaska Time", "по времени Аляски"),
        ["Pacific/Honolulu"] = ("Hawaii Time", "по гавайскому времени"),
        ["Europe/London"] = ("UK Time", "по лондонскому времени"),
        ["Europe/Moscow"] = ("Moscow Time", "по московскому времени"),
    };

    private static readonly string[] RussianOnDay = ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"];

    private static readonly string[] RussianMonthsGenitive =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    /// <summary>When <paramref name="opens"/> is, said to a caller at <paramref name="now"/> in <paramref name="locale"/>.</summary>
    public static string Format(Instant opens, Instant now, DateTimeZone zone, string locale)
    {
        var when = opens.InZone(zone).LocalDateTime;
        var russian = IsRussian(locale);
        return russian ? Russian(when, DaysFrom(now, when, zone), zone) : English(when, DaysFrom(now, when, zone), zone);
    }

    /// <summary>
    /// When <paramref name="at"/> is in <paramref name="zone"/> (the line's), and, when the clock reads
    /// otherwise in <paramref name="alsoIn"/> (the callee's) at that instant, there too, with its day when
    /// that differs: "tomorrow at 1:00 PM Eastern Time, 8:00 AM Hawaii Time",
    /// "завтра в 13:00 по восточному времени, в 8:00 по гавайскому времени".
    /// </summary>
    public static string Format(Instant at, Instant now, DateTimeZone zone, DateTimeZone alsoIn, string locale)
    {
        var line = Format(at, now, zone, locale);
        if (zone.GetUtcOffset(at) == alsoIn.GetUtcOffset(at)) return line;
        var there = at.InZone(alsoIn).LocalDateTime;
        var days = there.Date == at.InZone(zone).Date ? (int?)null : DaysFrom(now, there, alsoIn);
        return $"{line}, {(IsRussian(locale) ? Russian(there, days, alsoIn) : English(there, days, alsoIn))}";
    }

    /// <summary>The zone's name as said in <paramref name="locale"/>; the IANA id when there is no name for it.</summary>
    public static string ZoneName(DateTimeZone zone, string locale)
    {
        var russian = IsRussian(locale);
        if (ZoneNames.TryGetValue(zone.Id, out var names)) return russian ? names.Russian : names.English;
        return russian ? $"по времени {zone.Id}" : $"{zone.Id} time";
    }

    private static bool IsRussian(string locale) => locale.StartsWith("ru", StringComparison.OrdinalIgnoreCase);

    /// <summary>Days from the local date of <paramref name="now"/> in <paramref name="zone"/> to <paramref name="when"/>'s.</summary>
    private static int DaysFrom(Instant now, LocalDateTime when, DateTimeZone zone) => Period.Between(now.InZone(zone).Date, when.Date, PeriodUnits.Days).Days;

    /// <param name="days">Days from today to <paramref name="when"/>; null to say the time alone (the day was said already).</param>
    private static string English(LocalDateTime when, int? days, DateTimeZone zone)
    {
        var hour12 = when.Hour % 12 == 0 ? 12 : when.Hour % 12;
        var time = string.Create(CultureInfo.InvariantCulture, $"{hour12}:{when.Minute:00} {(when.Hour < 12 ? "AM" : "PM")}");
        if (days is null) return $"{time} {ZoneName(zone, "en-US")}";
        var day = days switch
        {
            0 => "today",
            1 => "tomorrow",
            > 1 and < 7 => when.DayOfWeek.ToString(),
            _ => string.Create(CultureInfo.InvariantCulture, $"{DayNames.Month(when.Month)} {when.Day}"),
        };
        return $"{day} at {time} {ZoneName(zone, "en-US")}";
    }

    /// <param name="days">Days from today to <paramref name="when"/>; null to say the time alone (the day was said already).</param>
    private static string Russian(LocalDateTime when, int? days, DateTimeZone zone)
    {
        var time = string.Create(CultureInfo.InvariantCulture, $"{when.Hour}:{when.Minute:00}");
        if (days is null) return $"в {time} {ZoneName(zone, "ru-RU")}";
        var day = days switch
        {
            0 => "сегодня",
            1 => "завтра",
            > 1 and < 7 => RussianOnDay[(int)when.DayOfWeek - 1],
            _ => string.Create(CultureInfo.InvariantCulture, $"{when.Day} {RussianMonthsGenitive[when.Month - 1]}"),
        };
        return $"{day} в {time} {ZoneName(zone, "ru-RU")}";
    }
}
