using System.Globalization;
using NodaTime;

namespace IvrEngine.Locales;

/// <summary>Russian: the 24-hour clock, the genitive after "около", 120 words a minute, and inflected nouns.</summary>
internal sealed class RussianGrammar : ILocaleGrammar
{
    // Russian inflects nouns ("оператор", "оператора", "оператором"): a phrase word of five or more
    // letters matches a spoken word with the same stem (the word less a final vowel or soft sign)
    // and at most three letters of ending.
    private const int MinInflectedWordLength = 5;
    private const int MaxEndingLength = 3;
    private const string StemVowels = "аяоеёыиуюьй";

    private static readonly Dictionary<string, string> ZoneNames = new(StringComparer.Ordinal)
    {
        ["America/New_York"] = "по восточному времени",
        ["America/Chicago"] = "по центральному времени",
        ["America/Denver"] = "по горному времени",
        ["America/Phoenix"] = "по горному времени",
        ["America/Los_Angeles"] = "по тихоокеанскому времени",
        ["America/Anchorage"] = "по времени Аляски",
        ["Pacific/Honolulu"] = "по гавайскому времени",
        ["Europe/London"] = "по лондонскому времени",
        ["Europe/Moscow"] = "по московскому времени",
    };

    private static readonly string[] OnDay = ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"];

    private static readonly string[] MonthsGenitive =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    public string Language => "ru";

    public int WordsPerMinute => 120;

    public string LessThanAMinute => "меньше минуты";

    public string Plus => "плюс";

    public string Or => " или ";

    public IReadOnlyDictionary<string, char> DigitWords { get; } = new Dictionary<string, char>(StringComparer.Ordinal)
    {
        ["ноль"] = '0', ["нуль"] = '0', ["один"] = '1', ["одна"] = '1', ["два"] = '2', ["две"] = '2', ["три"] = '3',
        ["четыре"] = '4', ["пять"] = '5', ["шесть"] = '6', ["семь"] = '7', ["восемь"] = '8', ["девять"] = '9',
    };

    /// <summary>"около" takes the genitive: 1 минуты, otherwise минут ("около 2 минут", "около 21 минуты").</summary>
    public string AboutMinutes(int minutes)
    {
        var number = minutes.ToString(CultureInfo.InvariantCulture);
        return minutes % 10 == 1 && minutes % 100 != 11 ? $"около {number} минуты" : $"около {number} минут";
    }

    public string When(LocalDateTime when, int? days, DateTimeZone zone)
    {
        var time = string.Create(CultureInfo.InvariantCulture, $"{when.Hour}:{when.Minute:00}");
        if (days is null) return $"в {time} {ZoneName(zone)}";
        var day = days switch
        {
            0 => "сегодня",
            1 => "завтра",
            > 1 and < 7 => OnDay[(int)when.DayOfWeek - 1],
            _ => string.Create(CultureInfo.InvariantCulture, $"{when.Day} {MonthsGenitive[when.Month - 1]}"),
        };
        return $"{day} в {time} {ZoneName(zone)}";
    }

    public string ZoneName(DateTimeZone zone) => ZoneNames.TryGetValue(zone.Id, out var name) ? name : $"по времени {zone.Id}";

    /// <summary>"нажмите 1 — завтра в 9:00, 2 — … или 3 — …".</summary>
    public string SlotChoices(IReadOnlyList<(int Key, string When)> choices)
    {
        var parts = choices.Select(c => $"{c.Key} — {c.When}").ToList();
        return "нажмите " + SlotList.Join(parts, SlotList.Separator(choices), " или ");
    }

    public bool IsInflectionOf(string phraseWord, string spoken)
    {
        if (phraseWord.Length < MinInflectedWordLength) return false;
        var stem = StemVowels.Contains(phraseWord[^1]) ? phraseWord[..^1] : phraseWord;
        return spoken.StartsWith(stem, StringComparison.Ordinal) && spoken.Length - stem.Length <= MaxEndingLength;
    }
}
