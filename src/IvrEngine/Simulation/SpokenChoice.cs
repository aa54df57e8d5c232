using IvrEngine.Calls;
using IvrEngine.Menus;

namespace IvrEngine.Simulation;

/// <summary>
/// A spoken action in a scenario's choices, <c>"say:PHRASE"</c>: PHRASE is one of a node's option
/// (or escape) phrases in any of the menu's locales, and names that option. A caller says the
/// option's first phrase in their own language, so one scenario row serves every locale; where the
/// option has no phrase in the caller's language they say PHRASE as written (and are likely not
/// understood, as such a caller would not be).
/// </summary>
public static class SpokenChoice
{
    public const string Prefix = "say:";

    /// <summary>True when <paramref name="action"/> is a spoken one; <paramref name="phrase"/> is what follows the prefix.</summary>
    public static bool IsSpoken(string action, out string phrase)
    {
        phrase = action.StartsWith(Prefix, StringComparison.Ordinal) ? action[Prefix.Length..] : string.Empty;
        return phrase.Length > 0;
    }

    /// <summary>The phrases of the option (or the escape) that <paramref name="phrase"/> is one of, compared as the engine hears them; null when none is.</summary>
    public static LocalizedPhrases? PhrasesNaming(MenuNode node, string phrase)
    {
        var wanted = PhraseNormalizer.Normalize(phrase);
        foreach (var option in node.Options)
        {
            if (Names(option.Phrases, wanted)) return option.Phrases;
        }
        return Names(EscapePhrases(node), wanted) ? node.Escape.Phrases : null;
    }

    /// <summary>Every phrase a spoken choice at <paramref name="node"/> may name, in <paramref name="locale"/>: for error messages.</summary>
    public static IEnumerable<string> PhrasesAt(MenuNode node, string locale) =>
        node.Options.SelectMany(o => o.Phrases.For(locale))
            .Concat(EscapePhrases(node).For(locale))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>What a caller speaking <paramref name="locale"/> says for the spoken choice <paramref name="action"/>, which names the option with <paramref name="named"/>.</summary>
    public static string Utterance(string action, LocalizedPhrases named, string locale) =>
        named.For(locale) is { IsEmpty: false } ownWords ? ownWords[0] : action[Prefix.Length..];

    /// <summary>The phrases that ask for a human at <paramref name="node"/>: none where escape is off.</summary>
    private static LocalizedPhrases EscapePhrases(MenuNode node) => node.Escape.Mode != EscapeMode.Disabled ? node.Escape.Phrases : LocalizedPhrases.None;

    private static bool Names(LocalizedPhrases phrases, string normalized) =>
        phrases.Locales.Any(locale => phrases.For(locale).Any(p => PhraseNormalizer.Normalize(p) == normalized));
}
