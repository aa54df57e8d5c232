namespace IvrEngine.Hosting.Simulation;

/// <summary>
/// The week-to-week spread and skewness of the service level, pooled over a group of intervals of one
/// queue (those whose mean level is the same to the percent, from any round): one interval's 10 weeks say
/// little about its spread — at 720 calls an hour and 56 agents its measured spread runs from 7 to
/// 35 points, where 40 weeks show about 16 — while a few hundred intervals together pin it down.
/// </summary>
/// <remarks>
/// Intervals differ in calls and level, so what is pooled is the spread's ratio to the binomial
/// one, the design effect D = s² ÷ (level × (1 − level) ÷ callers a week): it measures how much
/// busy spells, which delay many callers at once, widen the spread beyond independent callers. Each
/// interval's spread is then √(D × level × (1 − level) ÷ callers a week); the degrees of freedom are
/// the group's weeks less one per interval. The level in that scaling is the mean the assurance
/// uses (the model's), not the interval's simulated level: ten weeks put that anywhere from 75 to
/// 95 % at 55 agents, which would scale the spread by up to 1.6 on noise alone; and the callers
/// are those the scenario's rate expects, not the weeks' count, so that intervals alike in the
/// scenario get the same verdict. The skewness is averaged as measured.
/// </remarks>
/// <param name="DesignEffect">The pooled s² ÷ binomial variance; 0 when no interval of the group varies.</param>
/// <param name="Skew">The mean of the group's weeks' skewness.</param>
/// <param name="DegreesOfFreedom">Σ (weeks − 1) over the group.</param>
internal sealed record AssuranceSpread(double DesignEffect, double Skew, int DegreesOfFreedom)
{
    /// <summary>The group's intervals, each with the mean the assurance takes for it and the callers a week the scenario expects there.</summary>
    public static AssuranceSpread Pool(IReadOnlyCollection<(ServiceLevelEstimate Estimate, double Mean, double CallersPerWeek)> group)
    {
        double weighted = 0, skew = 0;
        var freedom = 0;
        foreach (var (estimate, mean, callers) in group)
        {
            var binomial = Binomial(mean, callers);
            freedom += estimate.Weeks - 1;
            skew += estimate.WeekSkew;
            // A level of exactly 0 or 1 every week carries no spread to scale: its degrees of freedom still count.
            if (binomial > 0) weighted += (estimate.Weeks - 1) * estimate.WeekSpread * estimate.WeekSpread / binomial;
        }
        return new AssuranceSpread(freedom == 0 ? 0 : weighted / freedom, group.Count == 0 ? 0 : skew / group.Count, Math.Max(1, freedom));
    }

    /// <summary>The week-to-week spread this group's design effect gives the interval.</summary>
    public double SpreadOf(double mean, double callersPerWeek) => Math.Sqrt(DesignEffect * Binomial(mean, callersPerWeek));

    /// <summary>mean × (1 − mean) ÷ callers a week: one week's variance if callers were independent (0 without callers).</summary>
    private static double Binomial(double mean, double callersPerWeek) =>
        callersPerWeek <= 0 ? 0 : Math.Clamp(mean, 0, 1) * (1 - Math.Clamp(mean, 0, 1)) / callersPerWeek;
}
