using System.Globalization;
using System.Text;

namespace IvrEngine.Calls;

/// <summary>
/// Puts recognised speech and menu phrases in one form before they are compared, so "Customer-Service!"
/// matches "customer service" and "счёт" matches "счет". The loader uses it to find duplicate phrases,
/// the call engine to match what callers say; both must agree, hence one shared implementation.
/// </summary>
internal static class PhraseNormalizer
{
    /// <summary>
    /// Lower-cases (invariant), reads <c>ё</c> as <c>е</c>, drops apostrophes ("don't" → "dont"),
    /// turns other punctuation and symbols into spaces (so "e-mail" and "e mail" agree),
    /// and collapses whitespace.
    /// </summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is '\'' or '\u2019' or '\u02BC' or '`')
            {
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || category == UnicodeCategory.Control)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c == 'ё' ? 'е' : c);
        }

        return builder.ToString();
    }
}
