using System.Globalization;
using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Callbacks;

/// <summary>
/// The hours of the callee's own day in which they may be called (08:00–21:00 by default, as US
/// rules require). One rule for the line and its dialer: the times offered to a caller are taken
/// inside it, and the dialer dials only inside it, so a caller is never told one time and called at
/// another. Always read in one zone, the callee's (<see cref="CalleeZone"/>).
/// </summary>
public sealed class CallingWindow
{
    private const int MinutesPerDay = 24 * 60;

    private CallingWindow(int startMinute, int endMinute)
    {
        StartMinute = startMinute;
        EndMinute = endMinute;
    }

    /// <summary>08:00–21:00.</summary>
    public static CallingWindow Default { get; } = new(8 * 60, 21 * 60);

    /// <summary>Any time of day.</summary>
    public static CallingWindow AllDay { get; } = new(0, MinutesPerDay);

    /// <summary>Minutes after local midnight the window opens.</summary>
    public int StartMinute { get; }

    /// <summary>Minutes after local midnight the window closes (exclusive; 1440 is midnight at the end of the day).</summary>
    public int EndMinute { get; }

    /// <summary>The window from <paramref name="startHour"/> to <paramref name="endHour"/> (fractions are minutes: 8.5 is 08:30).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The hours are outside 0–24, or the window does not open before it closes.</exception>
    public static CallingWindow FromHours(double startHour, double endHour)
    {
        if (!(startHour >= 0 && endHour <= 24 && startHour < endHour))
        {
            throw new ArgumentOutOfRangeException(nameof(startHour), string.Create(CultureInfo.InvariantCulture,
                $"A calling window must open before it closes, within 0–24 hours (got {startHour}–{endHour})."));
        }
        return new((int)Math.Round(startHour * 60), (int)Math.Round(endHour * 60));
    }

    /// <summary>Whether a callee in <paramref name="zone"/> may be called at <paramref name="at"/>.</summary>
    public bool IsOpenAt(Instant at, DateTimeZone zone)
    {
        var local = at.InZone(zone).TimeOfDay;
        var minute = (local.Hour * 60) + local.Minute;
        return minute >= StartMinute && minute < EndMinute;
    }

    /// <summary><paramref name="at"/> when the window is open then in <paramref name="zone"/>, else when it next opens there.</summary>
    public Instant NextOpen(Instant at, DateTimeZone zone)
    {
        if (IsOpenAt(at, zone)) return at;
        return Intervals(at, at + Duration.FromDays(2), zone).First().Start;
    }

    /// <summary>
    /// The stretches of [<paramref name="from"/>, <paramref name="to"/>) in which the window is open in
    /// <paramref name="zone"/>, in order. Local times a daylight-saving change skips are read leniently
    /// (the window opens when the clock does), so every day has its window.
    /// </summary>
    public IReadOnlyList<Interval> Intervals(Instant from, Instant to, DateTimeZone zone)
    {
        var result = new List<Interval>();
        for (var date = from.InZone(zone).Date.PlusDays(-1); date <= to.InZone(zone).Date; date = date.PlusDays(1))
        {
            // NodaTime's AtLeniently, without the mapping object it makes each time: a simulation asks every simulated day.
            var opens = Instant.Max(LenientLocalTime.ToInstant(date.At(LocalTime.Midnight).PlusMinutes(StartMinute), zone), from);
            var closes = Instant.Min(LenientLocalTime.ToInstant(date.At(LocalTime.Midnight).PlusMinutes(EndMinute), zone), to);
            if (closes <= opens) continue;
            if (result.Count > 0 && result[^1].End >= opens) result[^1] = new Interval(result[^1].Start, Instant.Max(result[^1].End, closes));
            else result.Add(new Interval(opens, closes));
        }
        return result;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartMinute / 60:00}:{StartMinute % 60:00}–{EndMinute / 60:00}:{EndMinute % 60:00}");
}
