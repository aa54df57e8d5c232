using System.Text;

namespace IvrEngine.Calls;

/// <summary>
/// Reads a number a caller says digit by digit: "4 8 1 5", "4815", "four eight one five",
/// "oh five", "четыре восемь один пять" (the words of English and Russian, whatever the call's locale,
/// since recognisers return whichever they heard).
/// </summary>
internal static class SpokenDigits
{
    private static readonly Dictionary<string, char> Words = new(StringComparer.Ordinal)
    {
        ["zero"] = '0', ["oh"] = '0', ["o"] = '0', ["one"] = '1', ["two"] = '2', ["three"] = '3', ["four"] = '4',
        ["five"] = '5', ["six"] = '6', ["seven"] = '7', ["eight"] = '8', ["nine"] = '9',
        ["ноль"] = '0', ["нуль"] = '0', ["один"] = '1', ["одна"] = '1', ["два"] = '2', ["две"] = '2', ["три"] = '3',
        ["четыре"] = '4', ["пять"] = '5', ["шесть"] = '6', ["семь"] = '7', ["восемь"] = '8', ["девять"] = '9',
    };

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
