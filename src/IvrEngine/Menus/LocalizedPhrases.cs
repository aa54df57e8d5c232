using System.Collections.Immutable;

namespace IvrEngine.Menus;

/// <summary>Phrases a caller may say, listed per locale (synonyms for one option).</summary>
public sealed class LocalizedPhrases
{
    public static readonly LocalizedPhrases None = new(ImmutableDictionary<string, ImmutableArray<string>>.Empty);

    private readonly ImmutableDictionary<string, ImmutableArray<string>> _byLocale;

    public LocalizedPhrases(ImmutableDictionary<string, ImmutableArray<string>> byLocale) => _byLocale = byLocale;

    public static LocalizedPhrases Of(params (string Locale, string[] Phrases)[] phrases) =>
        new(phrases.ToImmutableDictionary(p => p.Locale, p => p.Phrases.ToImmutableArray(), StringComparer.OrdinalIgnoreCase));

    public IEnumerable<string> Locales => _byLocale.Keys;

    public bool IsEmpty => _byLocale.Values.All(p => p.IsEmpty);

    /// <summary>The phrases for <paramref name="locale"/>; empty when none are listed for it.</summary>
    public ImmutableArray<string> For(string locale) =>
        _byLocale.TryGetValue(locale, out var phrases) ? phrases : [];
}
