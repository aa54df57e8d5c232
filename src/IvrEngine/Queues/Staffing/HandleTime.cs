using NodaTime;

namespace IvrEngine.Queues.Staffing;

/// <summary>How long a simulated agent talks with a caller: a distribution with a mean (and spread for log-normal).</summary>
public sealed record HandleTime(HandleTimeDistribution Distribution, Duration Mean, Duration StandardDeviation)
{
    public static HandleTime Fixed(Duration mean) => new(HandleTimeDistribution.Fixed, mean, Duration.Zero);

    /// <summary>One talk time drawn from <paramref name="random"/>; never shorter than a second.</summary>
    public Duration Sample(Random random) => Sample(new UniformFrom(random));

    /// <summary>One talk time drawn from <paramref name="random"/>; never shorter than a second.</summary>
    public Duration Sample<TRandom>(TRandom random)
        where TRandom : IUniformRandom
    {
        var mean = Mean.TotalSeconds;
        var seconds = Distribution switch
        {
            HandleTimeDistribution.Exponential => -mean * Math.Log(1 - random.NextDouble()),
            HandleTimeDistribution.LogNormal => LogNormal(random, mean, StandardDeviation.TotalSeconds),
            _ => mean,
        };
        return Duration.FromSeconds(Math.Max(1, seconds));
    }

    /// <summary>Log-normal with the given mean and standard deviation of the talk time itself (not of its logarithm).</summary>
    private static double LogNormal<TRandom>(TRandom random, double mean, double standardDeviation)
        where TRandom : IUniformRandom
    {
        var variance = Math.Log(1 + (standardDeviation * standardDeviation / (mean * mean)));
        var mu = Math.Log(mean) - (variance / 2);
        return Math.Exp(mu + (Math.Sqrt(variance) * StandardNormal(random)));
    }

    // Box–Muller: two uniforms make one standard normal.
    private static double StandardNormal<TRandom>(TRandom random)
        where TRandom : IUniformRandom =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
