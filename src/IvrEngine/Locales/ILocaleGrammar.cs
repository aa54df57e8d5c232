using NodaTime;

namespace IvrEngine.Locales;

/// <summary>
/// How the engine's own fragments are said in one language: opening and callback times, waits, the
/// choices of callback times, "or", a spoken plus, digit words, the speaking rate and how phrase words
/// inflect. Menus write their prompts; these fill them. One type per language, registered in
/// <see cref="LocaleGrammars"/> and chosen by the language of each of a menu's locales.
/// </summary>
internal interface ILocaleGrammar
{
    /// <summary>The ISO 639 language this grammar speaks (<c>en</c>), matched against a locale's first subtag (<c>en-US</c>).</summary>
    string Language { get; }

    /// <summary>How fast voice talent and text-to-speech say it, in words a minute (prompt pacing, the long-prompt lint).</summary>
    int WordsPerMinute { get; }

    /// <summary>A wait under a minute: "less than a minute".</summary>
    string LessThanAMinute { get; }

    /// <summary>A wait of <paramref name="minutes"/> whole minutes (one or more): "about 4 minutes".</summary>
    string AboutMinutes(int minutes);

    /// <summary>
    /// A local time in <paramref name="zone"/>: "tomorrow at 9:00 AM Eastern Time".
    /// </summary>
    /// <param name="days">Days from the caller's today to <paramref name="when"/>; null to say the time alone (the day was said already).</param>
    string When(LocalDateTime when, int? days, DateTimeZone zone);

    /// <summary>The zone's name as said here; a plain form with the IANA id when the grammar has no name for it.</summary>
    string ZoneName(DateTimeZone zone);

    /// <summary>The "+" of an international number read back: "plus".</summary>
    string Plus { get; }

    /// <summary>Joins the last of the choices a caller is asked between: " or ".</summary>
    string Or { get; }

    /// <summary>The callback times offered, keyed: "press 1 for …, 2 for …, or 3 for …".</summary>
    string SlotChoices(IReadOnlyList<(int Key, string When)> choices);

    /// <summary>Whether <paramref name="spoken"/> is an inflected form of the phrase word (normalised, not equal); false in a language that does not inflect.</summary>
    bool IsInflectionOf(string phraseWord, string spoken);

    /// <summary>Digit words a caller may say for keys ("four" = 4), normalised.</summary>
    IReadOnlyDictionary<string, char> DigitWords { get; }
}
