using System.Globalization;
using NodaTime;

namespace IvrEngine.Locales;

/// <summary>German: the 24-hour clock with "Uhr", 130 words a minute, no inflection matching.</summary>
internal sealed class GermanGrammar : ILocaleGrammar
{
    private static readonly Dictionary<string, string> ZoneNames = new(StringComparer.Ordinal)
    {
        ["America/New_York"] = "US-Ostküstenzeit",
        ["America/Chicago"] = "US-Zentralzeit",
        ["America/Denver"] = "US-Gebirgszeit",
        ["America/Phoenix"] = "US-Gebirgszeit",
        ["America/Los_Angeles"] = "US-Westküstenzeit",
        ["America/Anchorage"] = "Alaska-Zeit",
        ["Pacific/Honolulu"] = "Hawaii-Zeit",
        ["Europe/London"] = "britischer Zeit",
        ["Europe/Berlin"] = "mitteleuropäischer Zeit",
        ["Europe/Moscow"] = "Moskauer Zeit",
    };

    private static readonly string[] Weekdays = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

    private static readonly string[] Months =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    public string Language => "de";

    public int WordsPerMinute => 130;

    public string LessThanAMinute => "weniger als eine Minute";

    public string Plus => "plus";

    public string Or => " oder ";

    public IReadOnlyDictionary<string, char> DigitWords { get; } = new Dictionary<string, char>(StringComparer.Ordinal)
    {
        ["null"] = '0', ["eins"] = '1', ["zwei"] = '2', ["zwo"] = '2', ["drei"] = '3', ["vier"] = '4',
        ["fünf"] = '5', ["sechs"] = '6', ["sieben"] = '7', ["acht"] = '8', ["neun"] = '9',
    };

    public string AboutMinutes(int minutes) =>
        minutes == 1 ? "etwa 1 Minute" : string.Create(CultureInfo.InvariantCulture, $"etwa {minutes} Minuten");

    /// <summary>"morgen um 9:00 Uhr nach US-Ostküstenzeit", "am Montag um …", "am 26. Dezember um …".</summary>
    public string When(LocalDateTime when, int? days, DateTimeZone zone)
    {
        var time = string.Create(CultureInfo.InvariantCulture, $"um {when.Hour}:{when.Minute:00} Uhr nach {ZoneName(zone)}");
        if (days is null) return time;
        var day = days switch
        {
            0 => "heute",
            1 => "morgen",
            > 1 and < 7 => $"am {Weekdays[(int)when.DayOfWeek - 1]}",
            _ => string.Create(CultureInfo.InvariantCulture, $"am {when.Day}. {Months[when.Month - 1]}"),
        };
        return $"{day} {time}";
    }

    public string ZoneName(DateTimeZone zone) => ZoneNames.TryGetValue(zone.Id, out var name) ? name : $"Zeitzone {zone.Id}";

    /// <summary>"drücken Sie die 1 für morgen um 9:00 Uhr …, die 2 für … oder die 3 für …".</summary>
    public string SlotChoices(IReadOnlyList<(int Key, string When)> choices)
    {
        var parts = choices.Select((c, i) => i == 0 ? $"drücken Sie die {c.Key} für {c.When}" : $"die {c.Key} für {c.When}").ToList();
        var separator = SlotList.Separator(choices);
        return SlotList.Join(parts, separator, separator == "; " ? "; oder " : " oder ");
    }

    public bool IsInflectionOf(string phraseWord, string spoken) => false;
}
