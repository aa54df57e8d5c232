using IvrEngine.Locales;
using NodaTime;

namespace IvrEngine.Hours;

/// <summary>
/// Says when a line opens, in the caller's language and the schedule's zone: "Monday at 10:00 AM
/// Eastern Time", "tomorrow at 9:00 AM Eastern Time", "в понедельник в 10:00 по восточному времени".
/// Each language's grammar (<see cref="LocaleGrammars"/>) says it its own way: "today" and "tomorrow"
/// when they are, within a week the weekday, further out the date ("December 26 at 9:00 AM …").
/// </summary>
public static class OpeningPhrase
{
    /// <summary>When <paramref name="opens"/> is, said to a caller at <paramref name="now"/> in <paramref name="locale"/>.</summary>
    public static string Format(Instant opens, Instant now, DateTimeZone zone, string locale)
    {
        var when = opens.InZone(zone).LocalDateTime;
        return LocaleGrammars.For(locale).When(when, DaysFrom(now, when, zone), zone);
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
        return $"{line}, {LocaleGrammars.For(locale).When(there, days, alsoIn)}";
    }

    /// <summary>The zone's name as said in <paramref name="locale"/>; the IANA id when there is no name for it.</summary>
    public static string ZoneName(DateTimeZone zone, string locale) => LocaleGrammars.For(locale).ZoneName(zone);

    /// <summary>Days from the local date of <paramref name="now"/> in <paramref name="zone"/> to <paramref name="when"/>'s.</summary>
    private static int DaysFrom(Instant now, LocalDateTime when, DateTimeZone zone) => Period.Between(now.InZone(zone).Date, when.Date, PeriodUnits.Days).Days;
}
