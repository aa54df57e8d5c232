using System.Globalization;
using NodaTime;

namespace IvrEngine.Hours;

/// <summary>
/// Local opening hours within one day, as ops write them: <c>09:00-23:30</c>. An end at or before the
/// start (<c>22:00-02:00</c>) runs past midnight into the next day; <c>24:00</c> as an end means midnight
/// at the end of the day. Start and end are minutes from the day's start (0..1439, 1..1440).
/// </summary>
public sealed record TimeRange
{
    public TimeRange(int startMinute, int endMinute)
    {
        if (startMinute is < 0 or >= 1440) throw new ArgumentOutOfRangeException(nameof(startMinute));
        if (endMinute is < 0 or > 1440) throw new ArgumentOutOfRangeException(nameof(endMinute));
        if (endMinute == startMinute) throw new ArgumentException("A range cannot end where it starts.", nameof(endMinute));
        StartMinute = startMinute;
        EndMinute = endMinute == 0 ? 1440 : endMinute;
    }

    public int StartMinute { get; }

    /// <summary>1..1440; when not after <see cref="StartMinute"/>, the range ends on the next day.</summary>
    public int EndMinute { get; }

    public bool CrossesMidnight => EndMinute <= StartMinute;

    public static TimeRange Of(int startHour, int startMinute, int endHour, int endMinute) =>
        new(startHour * 60 + startMinute, endHour * 60 + endMinute);

    /// <summary>The local date-times the range covers when it starts on <paramref name="date"/>: [start, end).</summary>
    public (LocalDateTime Start, LocalDateTime End) On(LocalDate date)
    {
        var start = date.AtMidnight().PlusMinutes(StartMinute);
        var end = (CrossesMidnight ? date.PlusDays(1) : date).AtMidnight().PlusMinutes(EndMinute);
        return (start, end);
    }

    public override string ToString() => $"{Clock(StartMinute)}–{Clock(EndMinute)}";

    internal static string Clock(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");
}
