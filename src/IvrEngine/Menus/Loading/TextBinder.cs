using System.Collections.Immutable;
using System.Text.RegularExpressions;
using IvrEngine.Calls;

namespace IvrEngine.Menus.Loading;

/// <summary>Binds localized text and phrases: one entry per declared locale, and placeholders that exist.</summary>
internal sealed partial class TextBinder(BindContext context)
{
    private static readonly string[] EngineNames = ["reference", "callerId"];
    private static readonly string[] SystemMessageNames = ["queue", "choices", "position", "wait", "minutes", "number", "opens", "slots", "slot"];

    /// <summary>Text for every declared locale, or null when the value is not a text object at all.</summary>
    public LocalizedText? ReadText(LocatedValue? value, string what, PlaceholderScope scope)
    {
        if (context.AsObject(value, $"{what} (text per locale, like {{ \"en-US\": \"…\" }})") is not { } obj)
        {
            return null;
        }

        var texts = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in obj.Properties)
        {
            if (DeclaredLocale(property, what) is not { } locale)
            {
                continue;
            }

            if (context.AsString(property.Value, $"the {locale} text of {what}") is { } text)
            {
                CheckPlaceholders(text, property.Value, what, scope);
                texts[locale] = text;
            }
        }

        if (context.LocalesKnown)
        {
            foreach (var locale in context.Locales)
            {
                // A locale written with the wrong type was reported already; only a truly absent one is reported here.
                if (!obj.Properties.Any(p => string.Equals(p.Name, locale, StringComparison.OrdinalIgnoreCase)))
                {
                    context.Error(DiagnosticCodes.MissingLocale, obj.Where, $"{what} has no '{locale}' text; every declared locale needs one");
                }
            }
        }

        return new LocalizedText(texts.ToImmutable());
    }

    /// <summary>Phrases per locale; a locale may be left out, but not misspelt or undeclared.</summary>
    public LocalizedPhrases? ReadPhrases(LocatedValue? value, string what)
    {
        if (context.AsObject(value, $"{what} (phrases per locale, like {{ \"en-US\": [\"…\"] }})") is not { } obj)
        {
            return null;
        }

        var phrases = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in obj.Properties)
        {
            if (DeclaredLocale(property, what) is not { } locale
                || context.AsArray(property.Value, $"the {locale} phrases of {what}") is not { } array)
            {
                continue;
            }

            var list = ImmutableArray.CreateBuilder<string>(array.Items.Count);
            foreach (var item in array.Items)
            {
                if (context.AsString(item, $"a {locale} phrase of {what}") is not { } phrase)
                {
                    continue;
                }

                if (PhraseNormalizer.Normalize(phrase).Length == 0)
                {
                    context.Error(DiagnosticCodes.OutOfRange, item.Where, $"a {locale} phrase of {what} has no words to recognise");
                    continue;
                }

                list.Add(phrase);
            }

            phrases[locale] = list.ToImmutable();
        }

        return new LocalizedPhrases(phrases.ToImmutable());
    }

    /// <summary>The declared spelling of the locale a property names, or null after reporting IVR0021.</summary>
    private string? DeclaredLocale(LocatedProperty property, string what)
    {
        if (!context.LocalesKnown)
        {
            return property.Name;
        }

        foreach (var locale in context.Locales)
        {
            if (string.Equals(locale, property.Name, StringComparison.OrdinalIgnoreCase))
            {
                return locale;
            }
        }

        context.Error(DiagnosticCodes.UndeclaredLocale, property.NameWhere,
            $"{what} has text for '{property.Name}', which is not in 'locales' ({string.Join(", ", context.Locales)}){Suggestions.DidYouMean(property.Name, context.Locales)}");
        return null;
    }

    private void CheckPlaceholders(string text, LocatedValue at, string what, PlaceholderScope scope)
    {
        foreach (Match match in PlaceholderRegex().Matches(text))
        {
            var name = match.Groups["name"].Value;
            var format = match.Groups["format"];
            if (format.Success && !string.Equals(format.Value, "digits", StringComparison.Ordinal))
            {
                context.Error(DiagnosticCodes.UnknownPlaceholder, at.Where,
                    $"{what} uses '{match.Value}', but the only placeholder format is ':digits'");
                continue;
            }

            var known = KnownNames(scope);
            if (!known.Contains(name))
            {
                context.Error(DiagnosticCodes.UnknownPlaceholder, at.Where,
                    $"{what} uses the placeholder '{{{name}}}', but no variable '{name}' is collected in this menu{Suggestions.DidYouMean(name, known)}");
            }
        }
    }

    private List<string> KnownNames(PlaceholderScope scope)
    {
        var names = new List<string>(context.Variables);
        names.AddRange(EngineNames);
        if (scope == PlaceholderScope.SystemMessage)
        {
            names.AddRange(SystemMessageNames);
        }

        return names;
    }

    // {name} or {name:format}; any other use of braces is literal text.
    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(:(?<format>[A-Za-z]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderRegex();
}
