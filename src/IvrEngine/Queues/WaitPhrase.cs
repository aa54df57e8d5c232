using System.Globalization;
using NodaTime;

namespace IvrEngine.Queues;

/// <summary>
/// An expected wait as a caller hears it: "less than a minute", "about 4 minutes"; in Russian with
/// the right plural ("около 1 минуты", "около 3 минут"). Whole minutes, rounded up: callers forgive
/// a shorter wait than promised, not a longer one.
/// </summary>
public static class WaitPhrase
{
    public static int Minutes(Duration wait) => (int)Math.Ceiling(wait.TotalMinutes);

    public static string For(Duration wait, string locale)
    {
        var russian = locale.StartsWith("ru", StringComparison.OrdinalIgnoreCase);
        if (wait < Duration.FromMinutes(1)) return russian ? "меньше минуты" : "less than a minute";
        var minutes = Minutes(wait);
        var number = minutes.ToString(CultureInfo.InvariantCulture);
        if (!russian) return minutes == 1 ? "about 1 minute" : $"about {number} minutes";
        // "около" takes the genitive: 1 минуты, otherwise минут ("около 2 минут", "около 21 минуты").
        return minutes % 10 == 1 && minutes % 100 != 11 ? $"около {number} минуты" : $"около {number} минут";
    }
}
