namespace IvrEngine.Simulation.Analytics;

/// <summary>Functions whose obvious forms lose digits near zero (.NET's double.ExpM1 is exp(x) − 1).</summary>
internal static class PreciseMath
{
    /// <summary>
    /// eˣ − 1 to a few units in the last place, also for tiny x: Kahan's trick, (u − 1)·x/ln u with
    /// u = eˣ rounded, whose rounding errors cancel between numerator and denominator.
    /// </summary>
    public static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1) return x;
        var um1 = u - 1;
        if (um1 == -1) return -1;
        return double.IsPositiveInfinity(u) ? u : um1 * x / Math.Log(u);
    }

    /// <summary>g(y) = y + e^(−y) − 1 = Σₖ₌₂ (−y)ᵏ/k! ≥ 0, by its series where the direct form would cancel.</summary>
    public static double ExcessOverExpM1(double y)
    {
        if (Math.Abs(y) >= 0.5) return y + Math.Exp(-y) - 1;
        double term = y * y / 2, sum = term;
        for (var k = 3; Math.Abs(term) > 1e-17 * sum; k++)
        {
            term *= -y / k;
            sum += term;
        }
        return sum;
    }

    /// <summary>x − ln(1 + x) = Σₖ₌₂ (−1)ᵏ xᵏ/k ≥ 0, by its series where the direct form would cancel.</summary>
    public static double ExcessOverLog1P(double x)
    {
        if (Math.Abs(x) >= 0.25) return x - Math.Log(1 + x);
        double power = x * x, sum = power / 2;
        for (var k = 3; Math.Abs(power / k) > 1e-17 * sum; k++)
        {
            power *= -x;
            sum += power / k;
        }
        return sum;
    }
}
