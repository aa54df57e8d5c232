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
    /// Folds compatibility forms (NFKC: full-width "ｏｐｅｒａｔｏｒ", ligatures), lower-cases (invariant),
    /// reads <c>ё</c> as <c>е</c>, drops apostrophes ("don't" → "dont"), keeps letters, digits and
    /// combining marks, and turns everything else (punctuation, symbols, emoji, controls) into a
    /// single word break.
    /// </summary>
    public static string Normalize(string text)
    {
        // Unpaired surrogates make Normalize throw; recognisers should not send them, but a caller's
        // input never throws, so such text is taken as it is.
        var folded = TryFold(text);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var raw in folded)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is '\'' or '\u2019' or '\u02BC' or '`')
            {
                continue;
            }

            if (!IsWordCharacter(c))
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

    private static bool IsWordCharacter(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string TryFold(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}
