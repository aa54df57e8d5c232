namespace IvrEngine.Locales;

/// <summary>
/// The languages the engine can speak its own fragments in. A menu may declare only locales whose
/// language is here (the loader refuses others, IVR0030), so no prompt ever gets another language's
/// fragments. To add a language, write its <see cref="ILocaleGrammar"/> and list it below.
/// </summary>
internal static class LocaleGrammars
{
    private static readonly ILocaleGrammar[] Registered =
    [
        new EnglishGrammar(),
        new RussianGrammar(),
        new GermanGrammar(),
    ];

    /// <summary>Every registered grammar, in registration order.</summary>
    public static IReadOnlyList<ILocaleGrammar> All => Registered;

    /// <summary>The languages registered, for messages: "en, ru, de".</summary>
    public static string Languages => string.Join(", ", Registered.Select(g => g.Language));

    /// <summary>The grammar of <paramref name="locale"/>'s language (<c>en-US</c>, <c>en-GB</c> and <c>en</c> share one); null when there is none.</summary>
    public static ILocaleGrammar? Find(string locale)
    {
        var dash = locale.IndexOf('-', StringComparison.Ordinal);
        var language = dash < 0 ? locale : locale[..dash];
        foreach (var grammar in Registered)
        {
            if (string.Equals(grammar.Language, language, StringComparison.OrdinalIgnoreCase)) return grammar;
        }
        return null;
    }

    /// <summary>The grammar of a locale a loaded menu declares (the loader made sure there is one).</summary>
    public static ILocaleGrammar For(string locale) =>
        Find(locale) ?? throw new ArgumentException($"There is no grammar for locale '{locale}'; the engine speaks {Languages}.", nameof(locale));
}
