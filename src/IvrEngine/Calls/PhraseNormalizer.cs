using System.Text;

namespace IvrEngine.Calls;

/// <summary>
/// The one normal form that recognised speech and menu phrases are compared in: lower case,
/// <c>ё</c> read as <c>е</c> (Russian text writes them interchangeably), apostrophes dropped
/// ("don't" = "dont"), every other non-letter, non-digit a word break, whitespace collapsed.
/// </summary>
public static class PhraseNormalizer
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c == 'ё') c = 'е';
            if (c is '\'' or '’' or 'ʼ') continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                pendingSpace = false;
                builder.Append(c);
            }
            else
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }
}
