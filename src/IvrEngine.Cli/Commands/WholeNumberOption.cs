using System.CommandLine.Parsing;
using System.Globalization;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// Range checks for whole-number options that read the typed text itself: asking System.CommandLine
/// for the value of text it cannot convert ("abc", "1e5") throws, which would end in a stack trace.
/// </summary>
internal static class WholeNumberOption
{
    /// <summary>True when the option was not given, or its text is a whole number within [min, max].</summary>
    public static bool IsWithin(OptionResult result, long min, long max) =>
        result.Tokens.Count == 0
        || long.TryParse(result.Tokens[^1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max;

    /// <summary>A validator for <c>--seed</c>: any 32-bit whole number.</summary>
    public static void MustBeASeed(OptionResult result)
    {
        if (!IsWithin(result, int.MinValue, int.MaxValue)) result.AddError("--seed must be a whole number (from -2147483648 to 2147483647).");
    }

    /// <summary>A validator: the option's text must be a whole number from <paramref name="min"/> to <paramref name="max"/>, else one line naming the range.</summary>
    public static Action<OptionResult> Between(string name, long min, long max) => result =>
    {
        if (IsWithin(result, min, max)) return;
        result.AddError(max == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number, {min} or more.")
            : string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min} to {max}."));
    };
}
