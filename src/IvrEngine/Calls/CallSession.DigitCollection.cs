using System.Text;

namespace IvrEngine.Calls;

// Collecting digits at a collector node.
public sealed partial class CallSession
{
    private readonly StringBuilder _digits = new();

    private void OnCollectKey(char key)
    {
        var collect = CallerActed().Collect!;
        Record(CallEventType.KeyPressed, text: key.ToString());
        if (key == collect.Terminator)
        {
            CompleteCollection();
        }
        else if (char.IsAsciiDigit(key))
        {
            _digits.Append(key);
            if (_digits.Length >= collect.MaxLength) CompleteCollection();
            else ArmInputTimer(CallTrigger.InterDigitTimeout, collect.InterDigitTimeout);
        }
        else
        {
            _digits.Clear();
            Invalid($"'{key}' is not a digit");
        }
    }

    private void OnCollectSpeech(string utterance)
    {
        var node = CallerActed();
        Record(CallEventType.SpeechHeard, text: utterance);
        var match = NodeInputs.PhrasesOf(node, Locale).Match(utterance);
        if (!match.IsNone)
        {
            AskForHuman();
            return;
        }

        if (SpokenDigits.Read(utterance) is { } digits)
        {
            _digits.Clear().Append(digits);
            CompleteCollection();
        }
        else
        {
            Invalid($"\"{utterance}\" is not a number");
        }
    }

    private void CompleteCollection()
    {
        var collect = CurrentNode.Collect!;
        var value = _digits.ToString();
        _digits.Clear();
        DisarmInputTimer();
        if (value.Length < collect.MinLength)
        {
            Invalid(value.Length == 0 ? "no digits entered" : $"{value.Length} digits entered, at least {collect.MinLength} needed");
        }
        else if (value.Length > collect.MaxLength)
        {
            Invalid($"{value.Length} digits entered, at most {collect.MaxLength} allowed");
        }
        else if (collect.Pattern is { } pattern && !PatternAccepts(pattern, value))
        {
            Invalid($"{value} does not match the expected format");
        }
        else
        {
            _variables[collect.Variable] = value;
            Record(CallEventType.DigitsCollected, text: value, detail: collect.Variable);
            Perform(collect.Next, $"entered {collect.Variable}");
        }
    }

    /// <summary>A pattern that cannot decide in time refuses the entry: the caller hears "invalid", never an exception.</summary>
    internal static bool PatternAccepts(System.Text.RegularExpressions.Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
