using System.Collections.Immutable;
using IvrEngine.Calls;

namespace IvrEngine.Menus.Lint;

/// <summary>
/// IVRL007: a shorter phrase of one choice (an option or the escape to a human) lies inside a phrase of
/// another, by the engine's own matching (whole words, Russian inflections). Saying the longer phrase
/// in full still works — the longest match wins — but a caller who says part of it ("cancel" for
/// "cancel service", "сотрудник" for "с сотрудником") lands on the other choice.
/// </summary>
internal sealed class OverlappingPhrasesRule : LintRule
{
    public override string Code => "IVRL007";

    public override string Why => "callers who say only part of the longer phrase are sent to the other choice";

    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        foreach (var node in context.Nodes.Where(n => n.Kind == NodeKind.Menu))
        {
            foreach (var locale in context.Menu.Locales)
            {
                var escape = node.Escape.Phrases.For(locale);
                for (var i = 0; i < node.Options.Length; i++)
                {
                    var phrases = node.Options[i].Phrases.For(locale);
                    foreach (var escapePhrase in escape)
                    {
                        if (Inside(node, phrases, escapePhrase, locale) is { } inner)
                            yield return Finding(context, node, i, locale, $"the escape phrase '{escapePhrase}' contains '{inner}' of options[{i}]");
                    }

                    foreach (var phrase in phrases)
                    {
                        if (Inside(node, escape, phrase, locale) is { } inEscape)
                            yield return Finding(context, node, i, locale, $"the {locale} phrase '{phrase}' of options[{i}] contains the escape phrase '{inEscape}'");
                        for (var j = 0; j < node.Options.Length; j++)
                        {
                            if (j != i && Inside(node, node.Options[j].Phrases.For(locale), phrase, locale) is { } inner)
                                yield return Finding(context, node, i, locale, $"the {locale} phrase '{phrase}' of options[{i}] contains '{inner}' of options[{j}]");
                        }
                    }
                }
            }
        }
    }

    /// <summary>One of <paramref name="candidates"/> with fewer words than <paramref name="phrase"/> that the engine finds inside it.</summary>
    private static string? Inside(MenuNode node, ImmutableArray<string> candidates, string phrase, string locale)
    {
        var length = Words(phrase);
        var noEscape = node.Escape with { Phrases = LocalizedPhrases.None };
        return candidates.Where(inner => Words(inner) < length).FirstOrDefault(inner =>
        {
            var alone = new MenuOption(null, LocalizedPhrases.Of((locale, [inner])), null, RepeatNode.Instance);
            return !new PhraseTable(node with { Options = [alone], Escape = noEscape }, locale).Match(phrase).IsNone;
        });
    }

    private static int Words(string phrase) => PhraseNormalizer.Normalize(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static LintFinding Finding(LintContext context, MenuNode node, int option, string locale, string what) =>
        new(node.Id, context.Option(node.Id, option, "say", locale), $"in node '{node.Id}', {what}");
}
