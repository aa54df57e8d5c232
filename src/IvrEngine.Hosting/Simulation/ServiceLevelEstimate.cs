using IvrEngine.Simulation;

namespace IvrEngine.Hosting.Simulation;

/// <summary>
/// An interval's service level over independent simulated weeks, with a 95 % confidence interval.
/// Each week is one replication (its own seeds, an empty line at Monday 00:00), so the weeks'
/// figures are independent even though the callers within one interval are not (one busy spell
/// delays many of them): the interval is the ratio estimator's, Σ in time ÷ Σ judged, with the
/// delta-method variance over the weeks and Student's t for their number.
/// </summary>
public sealed record ServiceLevelEstimate(double ServiceLevel, double Low, double High, int Weeks, long Callers)
{
    /// <summary>
    /// From each week's callers answered in time and callers judged (answered or abandoned); null when
    /// fewer than two weeks had callers, as no spread can be measured from one.
    /// </summary>
    public static ServiceLevelEstimate? From(IReadOnlyList<(long InTime, long Judged)> weeks)
    {
        var judgedWeeks = weeks.Count(w => w.Judged > 0);
        var callers = weeks.Sum(w => w.Judged);
        if (judgedWeeks < 2 || callers == 0) return null;
        var level = (double)weeks.Sum(w => w.InTime) / callers;
        // Every week counts, with its callers as weight: a week with none adds nothing to either sum.
        var n = weeks.Count;
        var meanJudged = (double)callers / n;
        var residuals = weeks.Sum(w => Math.Pow(w.InTime - (level * w.Judged), 2));
        var standardError = Math.Sqrt(residuals / (n - 1) / n) / meanJudged;
        var half = StudentT.TwoSided95(n - 1) * standardError;
        var spread = standardError * Math.Sqrt(n);
        var thirdMoment = weeks.Sum(w => Math.Pow((w.InTime - (level * w.Judged)) / meanJudged, 3)) / n;
        return new ServiceLevelEstimate(level, Math.Max(0, level - half), Math.Min(1, level + half), n, callers)
        {
            WeekSpread = spread,
            WeekSkew = spread == 0 ? 0 : thirdMoment / Math.Pow(spread, 3),
        };
    }

    /// <summary>
    /// The week-to-week standard deviation of the interval's level, in the ratio estimator's form
    /// (√(Σ (in time − level × judged)² ÷ (weeks − 1)) ÷ mean judged): the spread one more week's
    /// level has around the mean, so a level pooled over W weeks has this ÷ √W
    /// (<see cref="StaffingAssurance"/>). About 0.19 for a half hour at 720 calls an hour and 55 agents.
    /// </summary>
    public double WeekSpread { get; init; }

    /// <summary>
    /// The skewness of the weeks' levels about it (third moment of the same residuals ÷ spread³): about
    /// −2 at 720 calls an hour and 56 agents, as a bad week (one long busy spell) falls much further
    /// below the mean than a good week rises above it. Noisy from few weeks; <see cref="AssuranceSpread"/> pools it.
    /// </summary>
    public double WeekSkew { get; init; }

    /// <summary>The whole interval is at or above <paramref name="target"/>: met with 97.5 % confidence (one side of the 95 % interval).</summary>
    public bool Meets(double target) => Low >= target;

    /// <summary>The whole interval is below <paramref name="target"/>: shown to miss it.</summary>
    public bool Misses(double target) => High < target;
}
