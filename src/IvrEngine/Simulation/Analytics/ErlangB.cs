namespace IvrEngine.Simulation.Analytics;

/// <summary>
/// Erlang's loss formula (M/M/n/n): the share of calls that find all <c>n</c> lines busy when
/// blocked calls are lost. Here it is mostly the stable building block of Erlang C and Erlang A.
/// </summary>
public static class ErlangB
{
    /// <summary>
    /// B(n, A) = (Aⁿ/n!) / Σₖ₌₀ⁿ Aᵏ/k!, computed by the recursion B(0) = 1,
    /// B(k) = A·B(k−1) / (k + A·B(k−1)), which never forms a power or a factorial: every step
    /// stays in [0, 1] and the rounding errors do not grow, so n in the tens of thousands is fine
    /// (a B too small for a double underflows to 0, which is its value to 300 places).
    /// </summary>
    /// <param name="erlangs">The offered load A, zero or more.</param>
    /// <param name="lines">The number of lines or agents n, zero or more.</param>
    public static double BlockingProbability(double erlangs, int lines)
    {
        if (!double.IsFinite(erlangs) || erlangs < 0)
            throw new ArgumentOutOfRangeException(nameof(erlangs), erlangs, "The offered load must be a finite number of Erlangs, zero or more.");
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        return Recur(1, erlangs, 1, lines);
    }

    /// <summary>Carries the recursion on from B(<paramref name="from"/> − 1) = <paramref name="previous"/> to B(<paramref name="to"/>).</summary>
    internal static double Recur(double previous, double erlangs, int from, int to)
    {
        var blocking = previous;
        for (var k = from; k <= to; k++)
            blocking = erlangs * blocking / (k + (erlangs * blocking));
        return blocking;
    }
}
