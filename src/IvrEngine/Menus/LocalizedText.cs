using System.Collections.Immutable;

namespace IvrEngine.Menus;

/// <summary>
/// Text the line speaks, one string per locale (<c>en-US</c>, <c>ru-RU</c>, …).
/// The loader guarantees every locale the menu declares is present.
/// </summary>
public sealed class LocalizedText
{
    private readonly ImmutableDictionary<string, string> _byLocale;

    public LocalizedText(ImmutableDictionary<string, string> byLocale) => _byLocale = byLocale;

    /// <summary>Builds text from locale/string pairs; handy for built-in messages and tests.</summary>
    public static LocalizedText Of(params (string Locale, string Text)[] texts) =>
        new(texts.ToImmutableDictionary(t => t.Locale, t => t.Text, StringComparer.OrdinalIgnoreCase));

    public IEnumerable<string> Locales => _byLocale.Keys;

    public bool Has(string locale) => _byLocale.ContainsKey(locale);

    /// <summary>
    /// The text for <paramref name="locale"/>. A validated menu has every declared locale, so the
    /// fallback (any text at all) only matters for built-in messages shown in an undeclared locale.
    /// </summary>
    public string For(string locale) =>
        _byLocale.TryGetValue(locale, out var text) ? text : _byLocale.Values.FirstOrDefault() ?? string.Empty;
}
