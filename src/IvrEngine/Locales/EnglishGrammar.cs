using System.Globalization;
using IvrEngine.Hours;
using NodaTime;

namespace IvrEngine.Locales;

/// <summary>English: the 12-hour clock, US zone names, 150 words a minute, no inflection.</summary>
internal sealed class EnglishGrammar : ILocaleGrammar
{
    private static readonly Dictionary<string, string> ZoneNames = new(StringComparer.Ordinal)
    {
        ["America/New_York"] = "Eastern Time",
        ["America/Chicago"] = "Central Time",
        ["America/Denver"] = "Mountain Time",
        ["America/Phoenix"] = "Mountain Time",
        ["America/Los_Angeles"] = "Pacific Time",
        ["America/Anchorage"] = "Alaska Time",
        ["Pacific/Honolulu"] = "Hawaii Time",
        ["Europe/London"] = "UK Time",
        ["Europe/Moscow"] = "Moscow Time",
    };

    public string Language => "en";

    public int WordsPerMinute => 150;

    public string LessThanAMinute => "less than a minute";

    public string Plus => "plus";

    public string Or => " or ";

    public IReadOnlyDictionary<string, char> DigitWords { get; } = new Dictionary<string, char>(StringComparer.Ordinal)
    {
        ["zero"] = '0', ["oh"] = '0', ["o"] = '0', ["one"] = '1', ["two"] = '2', ["three"] = '3', ["four"] = '4',
        ["five"] = '5', ["six"] = '6', ["seven"] = '7', ["eight"] = '8', ["nine"] = '9',
    };

    public string AboutMinutes(int minutes) =>
        minutes == 1 ? "about 1 minute" : string.Create(CultureInfo.InvariantCulture, $"about {minutes} minutes");

    public string When(LocalDateTime when, int? days, DateTimeZone zone)
    {
        var hour12 = when.Hour % 12 == 0 ? 12 : when.Hour % 12;
        var time = string.Create(CultureInfo.InvariantCulture, $"{hour12}:{when.Minute:00} {(when.Hour < 12 ? "AM" : "PM")}");
        if (days is null) return $"{time} {ZoneName(zone)}";
        var day = days switch
        {
            0 => "today",
            1 => "tomorrow",
            > 1 and < 7 => when.DayOfWeek.ToString(),
            _ => string.Create(CultureInfo.InvariantCulture, $"{DayNames.Month(when.Month)} {when.Day}"),
        };
        return $"{day} at {time} {ZoneName(zone)}";
    }

    public string ZoneName(DateTimeZone zone) => ZoneNames.TryGetValue(zone.Id, out var name) ? name : $"{zone.Id} time";

    /// <summary>"press 1 for tomorrow at 9:00 AM, 2 for …, or 3 for …".</summary>
    public string SlotChoices(IReadOnlyList<(int Key, string When)> choices)
    {
        var parts = choices.Select((c, i) => i == 0 ? $"press {c.Key} for {c.When}" : $"{c.Key} for {c.When}").ToList();
        var separator = SlotList.Separator(choices);
        return SlotList.Join(parts, separator, separator + "or ");
    }

    public bool IsInflectionOf(string phraseWord, string spoken) => false;
}
