namespace IvrEngine.Simulation;

/// <summary>
/// Student's t, the one home of its quantiles: the two-sided 95 % figures as printed tables give them,
/// which every week-to-week confidence interval in the reports uses, and exact quantiles for any other
/// confidence (the staffing assurance): the distribution function has a finite closed form for
/// integer degrees of freedom (Abramowitz and Stegun 26.7.3 and 26.7.4), inverted by bisection, exact
/// to about 1e-12.
/// </summary>
public static class StudentT
{
    /// <summary>Two-sided 95 % quantiles to three decimals, as tabled, for 1 to 30 degrees of freedom.</summary>
    private static readonly double[] Tabled95 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The tabled two-sided 95 % quantile; above 30 degrees of freedom, the normal's 1.96, within 2 %.</summary>
    public static double TwoSided95(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return degreesOfFreedom <= Tabled95.Length ? Tabled95[degreesOfFreedom - 1] : 1.96;
    }

    /// <summary>The t with P(T ≤ t) = <paramref name="probability"/>, for a probability in (0.5, 1).</summary>
    public static double Quantile(double probability, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (!(probability is > 0.5 and < 1)) throw new ArgumentOutOfRangeException(nameof(probability), probability, "A one-sided quantile above the median: a probability in (0.5, 1).");
        var central = (2 * probability) - 1;
        double low = 0, high = 1;
        while (CentralProbability(high, degreesOfFreedom) < central) high *= 2;
        for (var step = 0; step < 200 && high - low > 1e-13 * high; step++)
        {
            var middle = (low + high) / 2;
            if (CentralProbability(middle, degreesOfFreedom) < central) low = middle;
            else high = middle;
        }
        return (low + high) / 2;
    }

    /// <summary>P(|T| ≤ t) for ν degrees of freedom: A(t|ν) of Abramowitz and Stegun 26.7.3–4, with θ = atan(t/√ν).</summary>
    internal static double CentralProbability(double t, int nu)
    {
        var theta = Math.Atan(t / Math.Sqrt(nu));
        double sin = Math.Sin(theta), cos = Math.Cos(theta), cos2 = cos * cos;
        if (nu % 2 == 0)
        {
            // sin θ (1 + ½cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3…(ν−3))/(2·4…(ν−2)) cos^(ν−2)θ)
            double sum = 1, term = 1;
            for (var k = 2; k <= nu - 2; k += 2)
            {
                term *= (k - 1) / (double)k * cos2;
                sum += term;
            }
            return sin * sum;
        }
        if (nu == 1) return 2 * theta / Math.PI;
        // (2/π)(θ + sin θ cos θ (1 + (2/3)cos²θ + … + (2·4…(ν−3))/(1·3…(ν−2)) cos^(ν−3)θ))
        double odd = 1, oddTerm = 1;
        for (var k = 3; k <= nu - 2; k += 2)
        {
            oddTerm *= (k - 1) / (double)k * cos2;
            odd += oddTerm;
        }
        return 2 / Math.PI * (theta + (sin * cos * odd));
    }
}
