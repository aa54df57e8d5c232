using NodaTime;

namespace IvrEngine.Hours;

/// <summary>English day and month names as schedules are written and answers are printed.</summary>
public static class DayNames
{
    private static readonly string[] Shorts = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] Longs = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static string Short(IsoDayOfWeek day) => Shorts[(int)day - 1];

    /// <summary>A day from <c>mon</c>, <c>Monday</c>, <c>MON</c> …; null otherwise.</summary>
    public static IsoDayOfWeek? ParseDay(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        for (var i = 0; i < 7; i++)
        {
            if (t == Longs[i] || t == Longs[i][..3] || (t.Length >= 3 && Longs[i].StartsWith(t, StringComparison.Ordinal))) return (IsoDayOfWeek)(i + 1);
        }
        return null;
    }

    /// <summary>A month (1..12) from <c>nov</c>, <c>November</c> …; null otherwise.</summary>
    public static int? ParseMonth(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        for (var i = 0; i < 12; i++)
        {
            if (t == Months[i] || (t.Length >= 3 && Months[i].StartsWith(t, StringComparison.Ordinal))) return i + 1;
        }
        return null;
    }

    public static string Month(int month) => char.ToUpperInvariant(Months[month - 1][0]) + Months[month - 1][1..];
}
