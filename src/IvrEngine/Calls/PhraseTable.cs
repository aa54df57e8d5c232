using System.Collections.Immutable;
using IvrEngine.Locales;
using IvrEngine.Menus;

namespace IvrEngine.Calls;

/// <summary>
/// The phrases a node answers to in one locale (its options' phrases and the escape phrases),
/// normalised once, matched against utterances by the rule in <c>docs/menu-format.md</c>:
/// a phrase matches as consecutive whole words anywhere in the utterance; of overlapping
/// matches the longest wins, then a word-for-word match over an inflected one; matches for
/// more than one choice are ambiguous.
/// </summary>
internal sealed class PhraseTable
{
    private readonly List<(string[] Words, InputChoice Choice)> _phrases = [];
    private readonly ILocaleGrammar _grammar;

    public PhraseTable(MenuNode node, string locale)
    {
        _grammar = LocaleGrammars.For(locale);
        foreach (var option in node.Options) Add(option.Phrases.For(locale), new InputChoice(option));
        Add(node.Escape.Phrases.For(locale), InputChoice.Escape);
    }

    public SpeechMatch Match(string utterance)
    {
        var words = PhraseNormalizer.Normalize(utterance).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var hits = new List<Hit>();
        foreach (var (phraseWords, choice) in _phrases)
        {
            for (var start = 0; start + phraseWords.Length <= words.Length; start++)
            {
                if (MatchAt(phraseWords, words, start) is { } exact) hits.Add(new Hit(start, phraseWords.Length, exact, choice));
            }
        }

        var kept = hits.Where(h => !hits.Any(o => o.Beats(h)));
        return new SpeechMatch(kept.Select(h => h.Choice).Distinct().ToImmutableArray());
    }

    private void Add(ImmutableArray<string> phrases, InputChoice choice)
    {
        foreach (var phrase in phrases)
        {
            var words = PhraseNormalizer.Normalize(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 0) _phrases.Add((words, choice));
        }
    }

    /// <summary>Null when the phrase is not at <paramref name="start"/>; else whether every word matched exactly.</summary>
    private bool? MatchAt(string[] phraseWords, string[] words, int start)
    {
        var exact = true;
        for (var i = 0; i < phraseWords.Length; i++)
        {
            var phraseWord = phraseWords[i];
            var spoken = words[start + i];
            if (phraseWord == spoken) continue;
            if (!InflectionOf(phraseWord, spoken)) return null;
            exact = false;
        }
        return exact;
    }

    /// <summary>Whether the spoken word is an inflected form of the phrase word, by the locale's grammar (Russian nouns inflect).</summary>
    private bool InflectionOf(string phraseWord, string spoken) => _grammar.IsInflectionOf(phraseWord, spoken);

    /// <summary>One phrase found in an utterance: where, how long, and whether word for word.</summary>
    private readonly record struct Hit(int Start, int Length, bool Exact, InputChoice Choice)
    {
        /// <summary>
        /// A hit covering this one wins when it is longer ("pay my bill" over "pay"), or as long and
        /// word for word where this one only matched an inflection ("оплатить" over "оплата").
        /// </summary>
        public bool Beats(Hit other) =>
            Start <= other.Start && other.Start + other.Length <= Start + Length
            && (Length > other.Length || (Length == other.Length && Exact && !other.Exact));
    }
}
