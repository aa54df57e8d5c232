using System.Globalization;
using IvrEngine.Queues.Staffing;
using NodaTime;

namespace IvrEngine.Menus.Loading;

/// <summary>
/// Readers for the quantities staffing and scenario files share — seconds, probabilities and
/// time distributions (<c>{ "distribution": "lognormal", "meanSeconds": 240, "sdSeconds": 120 }</c>) —
/// so both files accept the same spellings and report the same errors.
/// </summary>
internal sealed class QuantityReader(BindContext context)
{
    private static readonly string[] DistributionProperties = ["distribution", "meanSeconds", "sdSeconds"];

    private static readonly Dictionary<string, HandleTimeDistribution> Distributions = new(StringComparer.Ordinal)
    {
        ["exponential"] = HandleTimeDistribution.Exponential,
        ["lognormal"] = HandleTimeDistribution.LogNormal,
        ["fixed"] = HandleTimeDistribution.Fixed,
    };

    /// <summary>
    /// A distribution of durations at <paramref name="property"/> of <paramref name="owner"/>, each part
    /// falling back to <paramref name="inherited"/>; without a spread it keeps the inherited one when the
    /// distribution is the same, else gets half its mean.
    /// </summary>
    public HandleTime Distribution(LocatedValue? value, string property, string owner, HandleTime inherited, double maxSeconds = 86_400)
    {
        if (context.AsObject(value, $"{property} of {owner}") is not { } obj)
        {
            return inherited;
        }

        context.CheckProperties(obj, $"{property} of {owner}", DistributionProperties);
        var distribution = context.AsChoice(obj["distribution"], $"{property}.distribution of {owner}", Distributions) ?? inherited.Distribution;
        var mean = Seconds(obj["meanSeconds"], $"{property}.meanSeconds of {owner}", max: maxSeconds) ?? inherited.Mean;
        var spread = Seconds(obj["sdSeconds"], $"{property}.sdSeconds of {owner}", max: maxSeconds)
            ?? (distribution == inherited.Distribution ? inherited.StandardDeviation : mean / 2);
        if (obj["sdSeconds"] is { } given && distribution != HandleTimeDistribution.LogNormal)
        {
            // Accepted (it is not wrong to write), but a planner who wrote a spread should know it does nothing.
            context.Diagnostics.Warning(DiagnosticCodes.NoEffect, given.Where, distribution == HandleTimeDistribution.Exponential
                ? $"{property}.sdSeconds of {owner} is ignored: an exponential distribution's spread is its mean; use lognormal for another spread"
                : $"{property}.sdSeconds of {owner} is ignored: a fixed distribution has no spread");
        }
        // A log-normal spread far above its mean (sd 86400 s on a mean of 1e-300 s) draws durations past
        // the end of time: it overflowed mid-simulation. Ten times the mean is already a wild spread.
        if (distribution == HandleTimeDistribution.LogNormal && spread > mean * MaxSpreadToMean)
        {
            context.Error(DiagnosticCodes.OutOfRange, (obj["sdSeconds"] ?? obj["meanSeconds"] ?? obj).Where, string.Create(CultureInfo.InvariantCulture,
                $"{property}.sdSeconds of {owner} is {spread.TotalSeconds} seconds, more than {MaxSpreadToMean} times its mean of {mean.TotalSeconds} seconds; a log-normal spread that wide draws durations past any clock"));
            return inherited;
        }
        return new HandleTime(distribution, mean, spread);
    }

    /// <summary>The widest log-normal spread accepted, as a multiple of the mean.</summary>
    private const int MaxSpreadToMean = 10;

    /// <summary>A probability from 0 to 1, or null (after reporting anything else).</summary>
    public double? Probability(LocatedValue? value, string what)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not LocatedNumber { IsFinite: true } number)
        {
            context.WrongType(value, "a number from 0 to 1", what);
            return null;
        }

        if (number.Value is < 0 or > 1)
        {
            context.Error(DiagnosticCodes.OutOfRange, value.Where, $"{what} must be a probability from 0 to 1");
            return null;
        }

        return number.Value;
    }

    /// <summary>A number of seconds up to a day (<paramref name="max"/>), or null (after reporting anything else).</summary>
    public Duration? Seconds(LocatedValue? value, string what, bool allowZero = false, double max = 86_400)
    {
        if (allowZero && value is LocatedNumber { IsFinite: true } number && number.Value <= 0)
        {
            if (number.Value == 0) return Duration.Zero;
            context.Error(DiagnosticCodes.OutOfRange, value.Where,
                string.Create(CultureInfo.InvariantCulture, $"{what} is {number.Value} seconds; it must be from 0 to {max}"));
            return null;
        }

        return context.AsSeconds(value, what, max: max) is { } seconds ? Duration.FromSeconds(seconds) : null;
    }
}
