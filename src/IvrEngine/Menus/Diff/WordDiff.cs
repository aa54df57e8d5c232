using System.Text;
using System.Text.RegularExpressions;

namespace IvrEngine.Menus.Diff;

/// <summary>
/// Marks the words that changed between two versions of a prompt, in git's word-diff notation
/// (<c>[-removed-]{+added+}</c>), with a few words of context around each change and "…" for the
/// rest: in a 60-word prompt a reviewer sees at once that only "now" was added.
/// </summary>
internal static partial class WordDiff
{
    /// <summary>Words kept on each side of a change.</summary>
    private const int Context = 4;

    /// <summary>A shorter text reads at a glance from its two lines, and a rewrite is clearer as the two lines than as marks.</summary>
    private const int MinWords = 12;

    /// <summary>Longest-common-subsequence cells above which no word marks are made (two 2,000-word prompts).</summary>
    private const long MaxCells = 4_000_000;

    /// <summary>
    /// The marked line, or null when marks would not help: the texts are equal, short, mostly
    /// rewritten, or too long to compare word by word.
    /// </summary>
    public static string? Mark(string before, string after)
    {
        var (old, @new) = (Tokens(before), Tokens(after));
        if ((long)old.Length * @new.Length > MaxCells || before == after) return null;

        var edits = Edits(old, @new);
        var words = old.Count(IsWord);
        var kept = edits.Count(e => e.Kind == ' ' && IsWord(e.Token));
        if (words < MinWords || kept * 2 < words) return null;

        var changed = edits.Select(e => e.Kind != ' ').ToArray();
        var shown = new bool[edits.Count];
        // A word and the space after it are two tokens, so the context is counted twice over.
        for (var c = 0; c < edits.Count; c++)
        {
            if (!changed[c]) continue;
            for (var j = Math.Max(0, c - (Context * 2)); j <= Math.Min(edits.Count - 1, c + (Context * 2)); j++) shown[j] = true;
        }

        var text = new StringBuilder();
        var i = 0;
        while (i < edits.Count)
        {
            if (!shown[i])
            {
                while (i < edits.Count && !shown[i]) i++;
                text.Append(" … ");
                continue;
            }

            var kind = edits[i].Kind;
            var run = new StringBuilder();
            while (i < edits.Count && shown[i] && edits[i].Kind == kind) run.Append(edits[i++].Token);
            text.Append(kind switch
            {
                '-' => $"[-{run}-]",
                '+' => $"{{+{run}+}}",
                _ => run.ToString(),
            });
        }

        return Spaces().Replace(text.ToString(), " ").Trim();
    }

    /// <summary>Words, runs of spaces and single punctuation marks, so "payment," and "payment now," share "payment".</summary>
    private static string[] Tokens(string text) => [.. TokenRegex().Matches(text).Select(m => m.Value)];

    private static bool IsWord(string token) => char.IsLetterOrDigit(token[0]);

    private static List<(char Kind, string Token)> Edits(string[] old, string[] @new)
    {
        // Common prefix and suffix first: most prompt edits touch a few words in the middle.
        var start = 0;
        while (start < old.Length && start < @new.Length && old[start] == @new[start]) start++;
        var (endOld, endNew) = (old.Length, @new.Length);
        while (endOld > start && endNew > start && old[endOld - 1] == @new[endNew - 1]) (endOld, endNew) = (endOld - 1, endNew - 1);

        var (n, m) = (endOld - start, endNew - start);
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = old[start + i] == @new[start + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char, string)>(old.Length + @new.Length);
        for (var k = 0; k < start; k++) edits.Add((' ', old[k]));
        var (a, b) = (0, 0);
        while (a < n || b < m)
        {
            if (a < n && b < m && old[start + a] == @new[start + b])
            {
                edits.Add((' ', old[start + a++]));
                b++;
            }
            else if (a < n && (b == m || lcs[a + 1, b] >= lcs[a, b + 1])) edits.Add(('-', old[start + a++]));
            else edits.Add(('+', @new[start + b++]));
        }

        for (var k = endOld; k < old.Length; k++) edits.Add((' ', old[k]));
        return edits;
    }

    [GeneratedRegex(@"\s+|\w+|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenRegex();

    [GeneratedRegex(" {2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
