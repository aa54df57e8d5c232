namespace IvrEngine.Simulation.Analytics;

/// <summary>
/// In the M/M/n+M queue (time in average handle times, so μ = 1; λ = A, the offered load; θ the
/// abandonment rate, AHT ÷ mean patience), the density of the offered wait V (the wait a caller
/// would have with endless patience) over the callers who find every agent busy:
/// <code>
///   P(caller waits, V ∈ ds) = n·πₙ·e^φ(s) ds,   φ(s) = −n·s + (λ/θ)·(1 − e^(−θs))
/// </code>
/// (Mandelbaum and Zeltyn's M/M/n+G formulas with H(s) = ∫₀ˢ e^(−θu) du = (1 − e^(−θs))/θ; a caller
/// finding j waiting has V a sum of exponentials of rates n + iθ, i = j…0, and summing over j with
/// the birth–death probabilities gives the same). A caller is answered iff its patience, Exp(θ),
/// outlasts V, so every Erlang A figure is an integral of e^φ against a simple kernel.
/// </summary>
/// <remarks>
/// φ is concave with its peak s* at 0 (λ ≤ n) or at ln(λ/n)/θ (λ &gt; n), where it can be huge.
/// The density is kept relative to the peak, ψ(s) = φ(s) − φ(s*), written so that no two large
/// terms cancel: with x = s − s*, r = λe^(−θs*) = min(λ, n) and g(y) = y + e^(−y) − 1 ≥ 0,
/// ψ = −(n − r)·x − (r/θ)·g(θx). Every kernel used (1, e^(−θs), 1 − e^(−θs), s·e^(−θs)…) is
/// log-concave, so each integrand k·e^ψ is too: <see cref="Integrate"/> finds its own mode and the
/// range where it is within e^-50 (2e-22) of it, and starts the quadrature from a mesh graded
/// geometrically (pieces doubling from a thousandth of the smallest natural scale) away from the
/// mode and from s = 0, where ψ and the kernels bend on the scale 1/θ. So a kernel that keeps all
/// its mass within 1/θ of 0 is resolved however far out the density reaches, and patience a
/// hundred thousand times shorter than a call is as exact as the ordinary case.
/// </remarks>
internal sealed class OfferedWaitDensity
{
    private const double NegligibleLog = -50;

    private readonly double _agents;
    private readonly double _abandonRate;
    private readonly double _rateAtPeak;
    private readonly double _step;

    public OfferedWaitDensity(double arrivalRate, int agents, double abandonRate)
    {
        _agents = agents;
        _abandonRate = abandonRate;
        _rateAtPeak = Math.Min(arrivalRate, agents);
        if (arrivalRate > agents)
        {
            var excess = (arrivalRate - agents) / agents;
            Peak = Math.Log(arrivalRate / agents) / abandonRate;
            // φ(s*) = (λ − n − n·ln(λ/n))/θ = n·(x − ln(1 + x))/θ with x = λ/n − 1.
            LogPeak = agents * PreciseMath.ExcessOverLog1P(excess) / abandonRate;
        }

        // Every natural scale of ψ and the kernels (its slope 1/(n − r), curvature 1/√(rθ), the
        // kernels' 1/θ) is above 1/(n + λ + θ): searches double from a thousandth of it.
        _step = 1e-3 / (agents + arrivalRate + abandonRate);
        End = Extent(Relative, Peak, 0, 1, double.PositiveInfinity);
    }

    /// <summary>s*, where φ peaks.</summary>
    public double Peak { get; }

    /// <summary>φ(s*) ≥ 0, the logarithm of the peak density relative to φ(0) = 0.</summary>
    public double LogPeak { get; }

    /// <summary>Beyond this the density is negligible, and so is every integrand: their modes all lie before it.</summary>
    public double End { get; }

    /// <summary>ψ(s) = φ(s) − φ(s*) ≤ 0.</summary>
    public double Relative(double s)
    {
        var x = s - Peak;
        return (-(_agents - _rateAtPeak) * x) - (_rateAtPeak / _abandonRate * PreciseMath.ExcessOverExpM1(_abandonRate * x));
    }

    /// <summary>
    /// ∫ k(s)·e^ψ(s) ds over [from, to], k given by its logarithm, which must be concave (as ln 1,
    /// −θs, ln(1 − e^(−θs)) and ln s − θs are).
    /// </summary>
    public double Integrate(Func<double, double> logKernel, double from = 0, double to = double.PositiveInfinity)
    {
        double Log(double s) => Relative(s) + logKernel(s);

        // A log-concave integrand peaks before End (ψ falls 50 e-folds from s* to End, faster than
        // the kernels can rise), so its mode is found there.
        var upper = Math.Min(to, End);
        if (!(upper > from)) return 0;
        var mode = Mode(Log, from, upper);
        var top = Log(mode);
        if (double.IsNegativeInfinity(top)) return 0;
        var left = Extent(Log, mode, top, -1, from);
        var right = Extent(Log, mode, top, 1, to);
        var mesh = new SortedSet<double> { left, mode, right };
        for (var distance = _step; distance < right - left; distance *= 2)
        {
            foreach (var point in new[] { mode - distance, mode + distance, distance })
                if (point > left && point < right) mesh.Add(point);
        }
        return GaussKronrod.Integrate(s => Math.Exp(Log(s)), [.. mesh]);
    }

    /// <summary>The maximum of a concave function on [from, to], by golden-section search.</summary>
    private static double Mode(Func<double, double> concave, double from, double to)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double low = from, high = to;
        var lower = high - (ratio * (high - low));
        var upper = low + (ratio * (high - low));
        double atLower = concave(lower), atUpper = concave(upper);
        for (var i = 0; i < 100 && lower < upper; i++)
        {
            if (atLower < atUpper)
            {
                low = lower;
                (lower, atLower) = (upper, atUpper);
                upper = low + (ratio * (high - low));
                atUpper = concave(upper);
            }
            else
            {
                high = upper;
                (upper, atUpper) = (lower, atLower);
                lower = high - (ratio * (high - low));
                atLower = concave(lower);
            }
        }
        var middle = 0.5 * (low + high);
        // The search never looks at the ends themselves; a function rising or falling all the way peaks there.
        return concave(from) >= concave(middle) ? from : concave(to) > concave(middle) ? to : middle;
    }

    /// <summary>From the mode in <paramref name="direction"/>, where the log-concave function has fallen 50 e-folds below <paramref name="top"/>, or <paramref name="bound"/>.</summary>
    private double Extent(Func<double, double> logConcave, double mode, double top, int direction, double bound)
    {
        for (var distance = _step; ; distance *= 2)
        {
            var s = mode + (direction * distance);
            if (direction * (s - bound) >= 0) return bound;
            if (!(logConcave(s) > top + NegligibleLog)) return s;
        }
    }
}
