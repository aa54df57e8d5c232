using System.Globalization;
using NodaTime;

namespace IvrEngine.Flows;

/// <summary>
/// Durations as flows and the console's <c>wait</c> write them: <c>5s</c>, <c>2m</c>, <c>1.5s</c>,
/// <c>250ms</c>, <c>1h</c>; a bare number is seconds; above zero and at most a day.
/// </summary>
public static class DurationText
{
    private static readonly Duration Longest = Duration.FromDays(1);

    public static bool TryParse(string text, out Duration duration)
    {
        duration = default;
        var trimmed = text.Trim().ToLowerInvariant();
        var (number, unit) = trimmed.EndsWith("ms", StringComparison.Ordinal) ? (trimmed[..^2], 0.001)
            : trimmed.EndsWith('s') ? (trimmed[..^1], 1.0)
            : trimmed.EndsWith('m') ? (trimmed[..^1], 60.0)
            : trimmed.EndsWith('h') ? (trimmed[..^1], 3600.0)
            : (trimmed, 1.0);
        // NaN and infinity parse as numbers, and a huge one overflows Duration: range-check the seconds first.
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
        var seconds = value * unit;
        if (!double.IsFinite(seconds) || seconds <= 0 || seconds > Longest.TotalSeconds) return false;
        duration = Duration.FromSeconds(seconds);
        return duration > Duration.Zero;
    }

    /// <summary>The shortest exact form: <c>5s</c>, <c>2m</c>, <c>3.25s</c>.</summary>
    public static string Format(Duration duration)
    {
        if (duration.SubsecondNanoseconds == 0 && duration.TotalSeconds % 60 == 0) return $"{(long)duration.TotalMinutes}m";
        return $"{Math.Round(duration.TotalSeconds, 3).ToString(CultureInfo.InvariantCulture)}s";
    }
}
