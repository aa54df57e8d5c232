using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace IvrEngine.Hours;

/// <summary>
/// Reads the text forms of schedules: time ranges (<c>09:00-23:30</c>, <c>22:00-02:00</c>, <c>10:00-24:00</c>),
/// day sets (<c>mon-sat</c>, <c>sat-mon</c>, <c>mon, wed, fri</c>, <c>daily</c>), and closed dates
/// (<c>2026-12-25</c>, <c>12-25</c>, <c>fourth thursday of november</c>, <c>last monday of may</c>).
/// Each reader returns null and an error message for text it cannot read.
/// </summary>
public static partial class HoursSyntax
{
    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3,
        ["fourth"] = 4, ["4th"] = 4, ["fifth"] = 5, ["5th"] = 5, ["last"] = -1,
    };

    public static TimeRange? ParseRange(string text, out string error)
    {
        error = string.Empty;
        var match = RangeRegex().Match(text);
        if (!match.Success)
        {
            error = $"'{text}' is not a time range like '09:00-17:30' (24-hour clock; an end before the start runs past midnight)";
            return null;
        }
        var start = Minutes(match.Groups["sh"].Value, match.Groups["sm"].Value);
        var end = Minutes(match.Groups["eh"].Value, match.Groups["em"].Value);
        if (start is null or >= 1440 || end is null or > 1440)
        {
            error = $"'{text}' has a time that does not exist; hours are 00-23 (24:00 only as an end) and minutes 00-59";
            return null;
        }
        if (start == end)
        {
            error = $"'{text}' ends where it starts; for all day write '00:00-24:00'";
            return null;
        }
        return new TimeRange(start.Value, end.Value);
    }

    /// <summary>Days from <c>mon</c>, <c>mon-fri</c>, <c>sat-mon</c> (wrapping the week), lists with commas, or <c>daily</c>.</summary>
    public static ImmutableArray<IsoDayOfWeek>? ParseDays(string text, out string error)
    {
        error = string.Empty;
        var days = new List<IsoDayOfWeek>();
        var trimmed = text.Trim();
        if (trimmed.Equals("daily", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("every day", StringComparison.OrdinalIgnoreCase))
        {
            return [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];
        }
        foreach (var part in trimmed.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
            if (ends.Length is 0 or > 2 || ends.Any(e => DayNames.ParseDay(e) is null))
            {
                error = $"'{text}' is not a day or days like 'mon', 'mon-sat', 'sat-mon' or 'mon, wed'; days are mon tue wed thu fri sat sun (or 'daily')";
                return null;
            }
            var from = DayNames.ParseDay(ends[0])!.Value;
            var to = DayNames.ParseDay(ends[^1])!.Value;
            for (var day = from; ; day = day == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : day + 1)
            {
                if (!days.Contains(day)) days.Add(day);
                if (day == to) break;
            }
        }
        return [.. days];
    }

    /// <summary>A closed date: <c>2026-12-25</c> (once), <c>12-25</c> (yearly) or <c>fourth thursday of november</c>.</summary>
    public static ClosedDate? ParseClosedDate(string text, string? name, out string error)
    {
        error = string.Empty;
        var trimmed = text.Trim();
        var label = name ?? trimmed;
        if (ParseDate(trimmed) is { } date) return new FixedClosedDate(label, date);
        var yearly = YearlyRegex().Match(trimmed);
        if (yearly.Success)
        {
            var month = int.Parse(yearly.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(yearly.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(2024, month)) return new YearlyClosedDate(label, month, day);
            error = $"'{text}' is not a day of the year (MM-DD)";
            return null;
        }
        var rule = NthRegex().Match(trimmed);
        if (rule.Success && Ordinals.TryGetValue(rule.Groups["nth"].Value, out var nth)
            && DayNames.ParseDay(rule.Groups["day"].Value) is { } weekday && DayNames.ParseMonth(rule.Groups["month"].Value) is { } monthOfRule)
        {
            return new NthWeekdayClosedDate(label, nth, weekday, monthOfRule);
        }
        error = $"'{text}' is not a closed date; write '2026-12-25' (once), '12-25' (every year) or a rule like 'fourth thursday of november' or 'last monday of may'";
        return null;
    }

    /// <summary>An ISO date <c>2026-12-24</c>, or null.</summary>
    public static LocalDate? ParseDate(string text)
    {
        var result = NodaTime.Text.LocalDatePattern.Iso.Parse(text.Trim());
        return result.Success && DateShapeRegex().IsMatch(text.Trim()) ? result.Value : null;
    }

    private static int? Minutes(string hours, string minutes)
    {
        var h = int.Parse(hours, CultureInfo.InvariantCulture);
        var m = int.Parse(minutes, CultureInfo.InvariantCulture);
        if (h > 24 || m > 59 || (h == 24 && m != 0)) return null;
        return h * 60 + m;
    }

    [GeneratedRegex(@"^\s*(?<sh>\d{1,2}):(?<sm>\d{2})\s*[-–]\s*(?<eh>\d{1,2}):(?<em>\d{2})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeRegex();

    [GeneratedRegex(@"^(?<m>\d{2})-(?<d>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearlyRegex();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateShapeRegex();

    [GeneratedRegex(@"^(?<nth>\w+)\s+(?<day>[a-z]+)\s+(of|in)\s+(?<month>[a-z]+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NthRegex();
}
