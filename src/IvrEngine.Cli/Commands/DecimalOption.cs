using System.CommandLine.Parsing;
using System.Globalization;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// Range checks for decimal options that read the typed text itself, like <see cref="WholeNumberOption"/>:
/// text that is not a number would throw when converted, and NaN or infinity would slip through a
/// plain "less than" test (every comparison with NaN is false).
/// </summary>
internal static class DecimalOption
{
    /// <summary>True when the option was not given, or its text is a finite number within [min, max] (above min when <paramref name="aboveMin"/>).</summary>
    public static bool IsWithin(OptionResult result, double min, double max, bool aboveMin = false) =>
        result.Tokens.Count == 0
        || double.TryParse(result.Tokens[^1].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && (aboveMin ? value > min : value >= min) && value <= max;
}
