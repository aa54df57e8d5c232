using System.Text;
using IvrEngine.Callbacks;

namespace IvrEngine.Calls;

/// <summary>
/// A caller keying in the number to call back: digits until <c>#</c> or a pause, read as a phone
/// number (<see cref="CallbackNumber.TryParseKeyed"/>: national in the line's region, or international
/// after <c>00</c>, the region's own prefix or <c>+</c>), read back, then <c>1</c> confirms and <c>2</c>
/// enters it again; <c>*</c> cancels at any point. A caller may also say the digits.
/// </summary>
/// <remarks>
/// The caller has <see cref="Tries"/> tries: an entry that is not a callable number, silence, a key
/// that is not a choice at the read-back, or asking to enter it again each use one, and the last one
/// used gives up. Pure: the session says the prompts and runs the timers.
/// </remarks>
internal sealed class CallbackNumberEntry(string region)
{
    /// <summary>How many tries a caller has before the line gives up on keyed entry.</summary>
    public const int Tries = 3;

    /// <summary>Entry ends by itself at this many digits: 011, a country code and the longest E.164 number fit.</summary>
    public const int MaxDigits = 18;

    private readonly StringBuilder _digits = new();
    private int _triesUsed;

    /// <summary>The number read back and waiting for 1 or 2, in E.164; null while the caller is keying.</summary>
    public string? ReadingBack { get; private set; }

    public NumberEntryStep Key(char key)
    {
        if (key == '*') return new NumberEntryStep(NumberEntryOutcome.Cancelled);
        if (ReadingBack is { } number)
        {
            switch (key)
            {
                case '1':
                    return new NumberEntryStep(NumberEntryOutcome.Confirmed, number);
                case '2':
                    ReadingBack = null;
                    return Miss(NumberEntryProblem.AskedAgain, "the caller asked to enter it again");
                default:
                    return Miss(NumberEntryProblem.NotAChoice, $"key {Printable(key)} at the read-back");
            }
        }

        if (key == '#') return Complete();
        if (!char.IsAsciiDigit(key))
        {
            _digits.Clear();
            return Miss(NumberEntryProblem.Invalid, $"'{Printable(key)}' is not a phone key");
        }

        _digits.Append(key);
        return _digits.Length >= MaxDigits ? Complete() : new NumberEntryStep(NumberEntryOutcome.Collecting);
    }

    /// <summary>The inter-digit pause: entry ends (after at least one digit).</summary>
    public NumberEntryStep Pause() =>
        ReadingBack is null && _digits.Length > 0 ? Complete() : new NumberEntryStep(NumberEntryOutcome.Collecting);

    /// <summary>Silence where the line waited for the caller (before any digit, or at the read-back).</summary>
    public NumberEntryStep Silence()
    {
        if (ReadingBack is null && _digits.Length > 0) return Complete();
        return Miss(NumberEntryProblem.Silence, ReadingBack is null ? "no digits entered" : "no answer at the read-back");
    }

    /// <summary>What the recogniser heard: the digits of a number while keying; nothing is a choice at the read-back.</summary>
    public NumberEntryStep Speech(string utterance)
    {
        if (ReadingBack is not null) return Miss(NumberEntryProblem.NotAChoice, "speech at the read-back");
        if (SpokenDigits.Read(utterance) is not { } digits) return Miss(NumberEntryProblem.Invalid, "speech that is not digits");
        _digits.Clear().Append(digits);
        return Complete();
    }

    private NumberEntryStep Complete()
    {
        var keyed = _digits.ToString();
        _digits.Clear();
        if (CallbackNumber.TryParseKeyed(keyed, region, out var e164, out var problem))
        {
            ReadingBack = e164;
            return new NumberEntryStep(NumberEntryOutcome.Prompt, e164);
        }
        return Miss(NumberEntryProblem.Invalid, problem);
    }

    private NumberEntryStep Miss(NumberEntryProblem problem, string detail)
    {
        _triesUsed++;
        return _triesUsed >= Tries
            ? new NumberEntryStep(NumberEntryOutcome.GaveUp, Problem: problem, Detail: $"{detail}; {Tries} tries used")
            : new NumberEntryStep(NumberEntryOutcome.Prompt, ReadingBack, problem, $"{detail}; try {_triesUsed + 1} of {Tries}");
    }

    private static string Printable(char key) => char.IsControl(key) ? $"\\u{(int)key:x4}" : key.ToString();
}

/// <summary>What the session does next in keyed number entry.</summary>
internal enum NumberEntryOutcome
{
    /// <summary>A digit was added: wait for the next (the inter-digit pause ends entry).</summary>
    Collecting,

    /// <summary>Say what went wrong (if anything), then the entry prompt, or the read-back of <see cref="NumberEntryStep.Number"/>, and wait.</summary>
    Prompt,

    /// <summary>The caller confirmed <see cref="NumberEntryStep.Number"/>.</summary>
    Confirmed,

    /// <summary>The caller pressed star: no callback, as if declined.</summary>
    Cancelled,

    /// <summary>Out of tries: no callback.</summary>
    GaveUp,
}

/// <summary>Why the caller is asked again.</summary>
internal enum NumberEntryProblem
{
    None,

    /// <summary>The digits are not a number the line can call.</summary>
    Invalid,

    /// <summary>Nothing was entered, or nothing was said at the read-back.</summary>
    Silence,

    /// <summary>A key (or speech) at the read-back that is neither 1 nor 2.</summary>
    NotAChoice,

    /// <summary>The caller pressed 2 at the read-back to enter it again.</summary>
    AskedAgain,
}

/// <param name="Number">For a read-back or a confirmation: the number in E.164.</param>
/// <param name="Detail">For the transcript: what went wrong, without the digits.</param>
internal readonly record struct NumberEntryStep(
    NumberEntryOutcome Outcome, string? Number = null, NumberEntryProblem Problem = NumberEntryProblem.None, string? Detail = null);
