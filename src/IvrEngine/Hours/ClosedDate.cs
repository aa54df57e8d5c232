using NodaTime;

namespace IvrEngine.Hours;

/// <summary>A day the line is closed: a fixed date, a date every year, or a rule such as the fourth Thursday of November.</summary>
/// <param name="Name">How answers name it (<c>holiday Thanksgiving</c>); the rule as written when the file gives no name.</param>
public abstract record ClosedDate(string Name)
{
    public abstract bool Matches(LocalDate date);

    public string Rule => $"holiday {Name}";
}

/// <summary>One date: <c>2026-12-25</c>.</summary>
public sealed record FixedClosedDate(string Name, LocalDate Date) : ClosedDate(Name)
{
    public override bool Matches(LocalDate date) => date == Date;
}

/// <summary>The same month and day every year: <c>12-25</c> (a 02-29 only in leap years).</summary>
public sealed record YearlyClosedDate(string Name, int Month, int Day) : ClosedDate(Name)
{
    public override bool Matches(LocalDate date) => date.Month == Month && date.Day == Day;
}

/// <summary>
/// The nth weekday of a month every year: <c>fourth thursday of november</c>, <c>last monday of may</c>.
/// <paramref name="Nth"/> is 1..5, or -1 for the last; a fifth that a month lacks closes nothing that year.
/// </summary>
public sealed record NthWeekdayClosedDate(string Name, int Nth, IsoDayOfWeek Day, int Month) : ClosedDate(Name)
{
    public override bool Matches(LocalDate date) => date.Month == Month && date.DayOfWeek == Day && OccurrenceIn(date.Year) == date;

    /// <summary>The date this rule closes in <paramref name="year"/>, or null when the month has no such day.</summary>
    public LocalDate? OccurrenceIn(int year)
    {
        if (Nth < 0)
        {
            var last = new LocalDate(year, Month, CalendarSystem.Iso.GetDaysInMonth(year, Month));
            return last.DayOfWeek == Day ? last : last.Previous(Day);
        }
        var first = new LocalDate(year, Month, 1);
        var firstMatch = first.DayOfWeek == Day ? first : first.Next(Day);
        var date = firstMatch.PlusWeeks(Nth - 1);
        return date.Month == Month ? date : null;
    }
}
