using System.Text;
using IvrEngine.Locales;

namespace IvrEngine.Calls;

/// <summary>
/// Reads a number a caller says digit by digit: "4 8 1 5", "4815", "four eight one five",
/// "oh five", "четыре восемь один пять" (the words of English and Russian, whatever the call's locale,
/// since recognisers return whichever they heard).
/// </summary>
internal static class SpokenDigits
{
    // Digit words of every language the engine speaks: a recogniser's words for digits are unambiguous across them.
    private static readonly Dictionary<string, char> Words = LocaleGrammars.All
        .SelectMany(g => g.DigitWords)
        .ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);

    /// <summary>The digits said, or null when the utterance is anything but digits.</summary>
    public static string? Read(string utterance)
    {
        var digits = new StringBuilder();
        foreach (var word in PhraseNormalizer.Normalize(utterance).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.All(char.IsAsciiDigit)) digits.Append(word);
            else if (Words.TryGetValue(word, out var digit)) digits.Append(digit);
            else return null;
        }
        return digits.Length == 0 ? null : digits.ToString();
    }
}
