using System.Collections.Immutable;
using IvrEngine.Menus;

namespace IvrEngine.Calls;

/// <summary>
/// The phrases a node answers to in one locale (its options' phrases and the escape phrases),
/// normalised once, matched against utterances by the rule in <c>docs/menu-format.md</c>:
/// a phrase matches as consecutive whole words anywhere in the utterance; of overlapping
/// matches the longest wins; matches for more than one choice are ambiguous.
/// </summary>
internal sealed class PhraseTable
{
    // Russian inflects nouns ("оператор", "оператора", "оператором"): a phrase word of five or more
    // letters matches a spoken word with the same stem (the word less a final vowel or soft sign)
    // and at most three letters of ending.
    private const int MinInflectedWordLength = 5;
    private const int MaxEndingLength = 3;
    private const string RussianStemVowels = "аяоеёыиуюьй";

    private readonly List<(string[] Words, InputChoice Choice)> _phrases = [];
    private readonly bool _inflected;

    public PhraseTable(MenuNode node, string locale)
    {
        _inflected = locale.StartsWith("ru", StringComparison.OrdinalIgnoreCase);
        foreach (var option in node.Options) Add(option.Phrases.For(locale), new InputChoice(option));
        Add(node.Escape.Phrases.For(locale), InputChoice.Escape);
    }

    public SpeechMatch Match(string utterance)
    {
        var words = PhraseNormalizer.Normalize(utterance).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var hits = new List<(int Start, int Length, InputChoice Choice)>();
        foreach (var (phraseWords, choice) in _phrases)
        {
            for (var start = 0; start + phraseWords.Length <= words.Length; start++)
            {
                if (MatchesAt(phraseWords, words, start)) hits.Add((start, phraseWords.Length, choice));
            }
        }

        // Longest wins: drop every hit lying inside a longer one ("pay" inside "pay my bill").
        var kept = hits.Where(h => !hits.Any(o => o.Length > h.Length && o.Start <= h.Start && h.Start + h.Length <= o.Start + o.Length));
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

    private bool MatchesAt(string[] phraseWords, string[] words, int start)
    {
        for (var i = 0; i < phraseWords.Length; i++)
        {
            if (!WordMatches(phraseWords[i], words[start + i])) return false;
        }
        return true;
    }

    private bool WordMatches(string phraseWord, string spoken)
    {
        if (phraseWord == spoken) return true;
        if (!_inflected || phraseWord.Length < MinInflectedWordLength) return false;
        var stem = RussianStemVowels.Contains(phraseWord[^1]) ? phraseWord[..^1] : phraseWord;
        return spoken.StartsWith(stem, StringComparison.Ordinal) && spoken.Length - stem.Length <= MaxEndingLength;
    }
}
