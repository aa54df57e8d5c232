using System.Globalization;
using IvrEngine.Hours;
using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Simulation;

/// <summary>
/// A week cut into equal intervals (15, 30 or 60 minutes) from Monday 00:00 local time: the grid
/// scenarios give arrival rates and staffing on, and reports give figures on.
/// </summary>
public sealed class WeekGrid
{
    public static readonly IReadOnlyList<int> AllowedIntervalMinutes = [15, 30, 60];

    public WeekGrid(int intervalMinutes)
    {
        if (!AllowedIntervalMinutes.Contains(intervalMinutes)) throw new ArgumentOutOfRangeException(nameof(intervalMinutes), intervalMinutes, "An interval is 15, 30 or 60 minutes.");
        IntervalMinutes = intervalMinutes;
        IntervalsPerDay = 1440 / intervalMinutes;
    }

    public int IntervalMinutes { get; }

    public int IntervalsPerDay { get; }

    public int IntervalsPerWeek => IntervalsPerDay * 7;

    public Duration IntervalLength => Duration.FromMinutes(IntervalMinutes);

    /// <summary>The interval a local time falls in (0 = Monday from 00:00).</summary>
    public int IntervalOf(LocalDateTime local) =>
        (((int)local.DayOfWeek - 1) * IntervalsPerDay) + (((local.Hour * 60) + local.Minute) / IntervalMinutes);

    /// <summary>
    /// The interval <paramref name="at"/> falls in, in <paramref name="zone"/>, with the instants it starts and
    /// ends at. Around a DST change these bounds can be out of order or not contain <paramref name="at"/>
    /// (a skipped or repeated hour); <see cref="NextBoundary"/> steps past that.
    /// </summary>
    public (int Interval, Instant Start, Instant End) Locate(Instant at, DateTimeZone zone)
    {
        var local = LenientLocalTime.ToLocal(at, zone);
        var interval = IntervalOf(local);
        var start = local.Date.AtMidnight().PlusMinutes(StartMinuteOf(interval));
        // As zone.AtLeniently, without its allocation: every interval boundary a simulated week crosses comes here.
        return (interval, LenientLocalTime.ToInstant(start, zone), LenientLocalTime.ToInstant(start.PlusMinutes(IntervalMinutes), zone));
    }

    /// <summary>The interval <paramref name="at"/> falls in and when the next one starts — always after <paramref name="at"/>, so a clock moved back by DST cannot stall whoever steps through the week.</summary>
    public (int Interval, Instant End) NextBoundary(Instant at, DateTimeZone zone)
    {
        var (interval, _, end) = Locate(at, zone);
        return (interval, end > at ? end : at + IntervalLength);
    }

    public IsoDayOfWeek DayOf(int interval) => (IsoDayOfWeek)((interval / IntervalsPerDay) + 1);

    /// <summary>Minutes from midnight at which <paramref name="interval"/> starts.</summary>
    public int StartMinuteOf(int interval) => interval % IntervalsPerDay * IntervalMinutes;

    /// <summary><c>Mon 08:30</c>.</summary>
    public string Label(int interval)
    {
        var minute = StartMinuteOf(interval);
        return string.Create(CultureInfo.InvariantCulture, $"{DayNames.Short(DayOf(interval))} {minute / 60:00}:{minute % 60:00}");
    }

    /// <summary><c>08:30</c>.</summary>
    public string TimeLabel(int interval)
    {
        var minute = StartMinuteOf(interval);
        return string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");
    }

    /// <summary>
    /// The intervals a row covers: <paramref name="range"/> on each of <paramref name="days"/>
    /// (a range past midnight runs into the next day, Sunday into Monday). Null when the range
    /// does not start and end on interval boundaries.
    /// </summary>
    public IEnumerable<int>? Cover(IEnumerable<IsoDayOfWeek> days, TimeRange range)
    {
        if (range.StartMinute % IntervalMinutes != 0 || range.EndMinute % IntervalMinutes != 0) return null;
        var length = (range.CrossesMidnight ? range.EndMinute + 1440 : range.EndMinute) - range.StartMinute;
        return days.SelectMany(day =>
        {
            var first = (((int)day - 1) * IntervalsPerDay) + (range.StartMinute / IntervalMinutes);
            return Enumerable.Range(first, length / IntervalMinutes).Select(i => i % IntervalsPerWeek);
        });
    }
}
