using NodaTime;

namespace IvrEngine.Hours;

/// <summary>Hours that start on one day of every week (a range past midnight ends on the next day).</summary>
public sealed record WeeklyRange(IsoDayOfWeek Day, TimeRange Hours)
{
    /// <summary>How answers name it: <c>weekly Mon 09:00–23:30</c>. Made once: schedules name it for every day they plan.</summary>
    public string Rule { get; } = $"weekly {DayNames.Short(Day)} {Hours}";
}
