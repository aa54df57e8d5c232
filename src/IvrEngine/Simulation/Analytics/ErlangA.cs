using NodaTime;

namespace IvrEngine.Simulation.Analytics;

/// <summary>
/// Erlang A: the M/M/n+M queue (Palm's model). As Erlang C, but each caller has an exponential
/// patience with mean 1/θ and hangs up when the wait outlasts it. Abandonment keeps the queue
/// stable at any load, so unlike Erlang C it is defined with fewer agents than Erlangs.
/// </summary>
/// <remarks>
/// <para>Formulas (Garnett, Mandelbaum and Reiman 2002; Mandelbaum and Zeltyn, "The M/M/n+G queue:
/// summary of performance measures"), time in average handle times: λ = A, μ = 1, θ = AHT ÷ mean
/// patience. A caller who finds all n agents busy has an offered wait V (the wait with endless
/// patience) of density n·πₙ·e^φ(s), φ(s) = −n·s + (λ/θ)(1 − e^(−θs)) (see
/// <see cref="OfferedWaitDensity"/>), and is answered iff its patience outlasts V, which happens
/// with probability e^(−θV). Writing J = ∫₀^∞ e^φ(s) ds:</para>
/// <list type="bullet">
/// <item>P(wait) = n·J / (ε + n·J), ε = Σₖ₌₀ⁿ⁻¹ (Aᵏ/k!) / (Aⁿ/n!) = 1/B(n, A) − 1 — the same as
/// GMR's A(n/θ, λ/θ)·B / (1 + (A(n/θ, λ/θ) − 1)·B) with A(x, y) = x·e^y·y^(−x)·γ(x, y), since
/// n·J = A(n/θ, λ/θ);</item>
/// <item>P(abandon | wait) = ∫ (1 − e^(−θs)) e^φ / J; mean wait of those who wait (answered or not)
/// = ∫ (1 − e^(−θs))/θ · e^φ / J, the mean of min(V, patience);</item>
/// <item>answered within t | wait = ∫₀ᵗ e^(−θs) e^φ / J; abandoned within t | wait
/// = ∫ (1 − e^(−θ·min(s, t))) e^φ / J; mean wait of the answered among those who wait = ∫ s·e^(−θs) e^φ / J.</item>
/// </list>
/// <para>The integrals are taken numerically (adaptive Gauss–Kronrod on the concave exponent
/// measured from its peak, <see cref="OfferedWaitDensity"/>) to a relative 1e-13 or so; the
/// incomplete gamma function is never formed. ε comes from the recursion εₖ = (k/A)(1 + εₖ₋₁),
/// ε₀ = 0, which never cancels and overflows only where P(wait) is below 1e-300 anyway. The
/// tests check the results against a truncated birth–death chain and against GMR's closed form
/// in 50-digit arithmetic.</para>
/// </remarks>
public static class ErlangA
{
    /// <summary>The queue's steady state with <paramref name="agents"/> agents and callers of mean patience <paramref name="averagePatience"/>.</summary>
    public static ErlangAResult Evaluate(TrafficLoad load, Duration averagePatience, int agents)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (averagePatience <= Duration.Zero)
            throw new ArgumentOutOfRangeException(nameof(averagePatience), averagePatience, "The mean patience must be positive (for endless patience use Erlang C).");
        ArgumentOutOfRangeException.ThrowIfNegative(agents);

        var erlangs = load.Erlangs;
        var theta = AbandonRate(load, averagePatience);
        if (erlangs == 0) return new ErlangAResult(load, averagePatience, agents, 0, 0, 0, 0);
        // Nobody to answer: every caller waits out their patience.
        if (agents == 0) return new ErlangAResult(load, averagePatience, agents, 1, 1, 1 / theta, double.NaN);

        var density = new OfferedWaitDensity(erlangs, agents, theta);
        var total = density.Integrate(Flat);
        // log(n·J / ε), J = e^φ(s*)·total.
        var logOdds = Math.Log(agents) + Math.Log(total) + density.LogPeak - Math.Log(RatioOfFreeToAllBusy(erlangs, agents));
        var waiting = 1 / (1 + Math.Exp(-logOdds));

        var abandoning = waiting * density.Integrate(s => Math.Log(-PreciseMath.ExpM1(-theta * s))) / total;
        var meanWait = waiting * density.Integrate(s => Math.Log(-PreciseMath.ExpM1(-theta * s) / theta)) / total;
        var meanAnsweredWait = waiting * density.Integrate(s => Math.Log(s) - (theta * s)) / total / (1 - abandoning);
        return new ErlangAResult(load, averagePatience, agents, waiting, abandoning, meanWait, meanAnsweredWait);
    }

    /// <summary>
    /// The fewest agents whose service level (<see cref="ErlangAResult.ServiceLevel"/>: answered
    /// within <paramref name="threshold"/>, of all callers) is at least
    /// <paramref name="serviceLevel"/> and, when given, whose share abandoning is at most
    /// <paramref name="maximumAbandonment"/>. Found by bisection, which relies on both figures
    /// improving with every agent added (they do in this model; the tests check a range). With
    /// impatient callers this can be fewer agents than Erlangs. No calls need no agents.
    /// </summary>
    /// <param name="serviceLevel">The target share answered within the threshold, in [0, 1).</param>
    /// <param name="maximumAbandonment">An abandonment cap in (0, 1], or null.</param>
    public static int MinimumAgents(
        TrafficLoad load,
        Duration averagePatience,
        double serviceLevel,
        Duration threshold,
        double? maximumAbandonment = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (!(serviceLevel is >= 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(serviceLevel), serviceLevel, "The target service level is a fraction from 0 up to (not including) 1.");
        if (threshold < Duration.Zero)
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold cannot be negative.");
        if (maximumAbandonment is { } cap && !(cap is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(maximumAbandonment), cap, "The abandonment cap is a fraction above 0, at most 1.");
        if (load.Erlangs == 0) return 0;

        bool Meets(int agents)
        {
            var result = Evaluate(load, averagePatience, agents);
            return result.ServiceLevel(threshold) >= serviceLevel
                && (maximumAbandonment is not { } most || result.ProbabilityOfAbandoning <= most);
        }

        if (Meets(0)) return 0;
        // Meets(failing) is false and Meets(enough) true throughout.
        var failing = 0;
        var enough = Math.Max(1, (int)Math.Ceiling(load.Erlangs));
        while (!Meets(enough))
        {
            failing = enough;
            enough = checked(enough * 2);
        }
        while (enough - failing > 1)
        {
            var middle = failing + ((enough - failing) / 2);
            if (Meets(middle)) enough = middle;
            else failing = middle;
        }
        return enough;
    }

    /// <summary>The logarithm of the kernel 1, for <see cref="OfferedWaitDensity.Integrate"/>.</summary>
    internal static double Flat(double s) => 0;

    internal static double AbandonRate(TrafficLoad load, Duration averagePatience) =>
        load.AverageHandleTime.TotalSeconds / averagePatience.TotalSeconds;

    internal static OfferedWaitDensity Density(ErlangAResult result) =>
        new(result.Load.Erlangs, result.Agents, AbandonRate(result.Load, result.AveragePatience));

    /// <summary>
    /// ε = Σₖ₌₀ⁿ⁻¹ πₖ/πₙ = Σₖ₌₀ⁿ⁻¹ (Aᵏ/k!)/(Aⁿ/n!) = 1/B(n, A) − 1, by εₖ = (k/A)(1 + εₖ₋₁):
    /// positive terms only, so no cancellation; +∞ when n ≫ A, where P(wait) is 0 to double precision.
    /// </summary>
    private static double RatioOfFreeToAllBusy(double erlangs, int agents)
    {
        var ratio = 0.0;
        for (var k = 1; k <= agents; k++) ratio = k / erlangs * (1 + ratio);
        return ratio;
    }
}
