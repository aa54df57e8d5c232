namespace IvrEngine.Simulation.Analytics;

/// <summary>
/// Adaptive Gauss–Kronrod quadrature (the 7/15-point pair of QUADPACK's qk15, Piessens et al.
/// 1983), globally adaptive: the piece with the largest error estimate |K15 − G7| is halved
/// until the estimates add up to a relative <see cref="RelativeTolerance"/>. |K15 − G7|
/// overstates the error of K15 for smooth integrands by orders of magnitude, so results are
/// usually good to near machine precision.
/// </summary>
internal static class GaussKronrod
{
    /// <summary>The summed error estimate aimed for, relative to the integral.</summary>
    public const double RelativeTolerance = 1e-13;

    private const int MaximumPieces = 10_000;

    // Kronrod nodes on [0, 1) from the outside in; the Gauss nodes are the odd ones (1, 3, 5) and 0.
    private static readonly double[] Nodes =
    [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
        0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0,
    ];

    private static readonly double[] KronrodWeights =
    [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
        0.140653259715525918745189590510238, 0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ];

    // Weights of the Gauss nodes Nodes[1], Nodes[3], Nodes[5] and Nodes[7] (the centre).
    private static readonly double[] GaussWeights =
    [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780, 0.381830050505118944950369775488975,
        0.417959183673469387755102040816327,
    ];

    /// <summary>∫ <paramref name="integrand"/> over [<paramref name="from"/>, <paramref name="to"/>]; 0 over an empty range.</summary>
    public static double Integrate(Func<double, double> integrand, double from, double to) =>
        to > from ? Integrate(integrand, [from, to]) : 0;

    /// <summary>
    /// ∫ <paramref name="integrand"/> from the first to the last of <paramref name="breakpoints"/>
    /// (ascending), starting from the pieces between them: breakpoints placed where the integrand
    /// changes make sure no feature narrower than the first rule's nodes goes unseen.
    /// </summary>
    public static double Integrate(Func<double, double> integrand, IReadOnlyList<double> breakpoints)
    {
        var pieces = new PriorityQueue<Piece, double>();
        double value = 0, error = 0;
        for (var i = 1; i < breakpoints.Count; i++)
        {
            if (!(breakpoints[i] > breakpoints[i - 1])) continue;
            var piece = Rule(integrand, breakpoints[i - 1], breakpoints[i]);
            pieces.Enqueue(piece, -piece.Error);
            value += piece.Value;
            error += piece.Error;
        }
        if (pieces.Count == 0) return 0;
        while (error > RelativeTolerance * Math.Abs(value) && pieces.Count < MaximumPieces)
        {
            var worst = pieces.Dequeue();
            var middle = 0.5 * (worst.From + worst.To);
            if (middle <= worst.From || middle >= worst.To)
            {
                // Too narrow to halve in doubles: keep it as it is and stop counting its error.
                pieces.Enqueue(worst with { Error = 0 }, 0);
                error -= worst.Error;
                continue;
            }
            var left = Rule(integrand, worst.From, middle);
            var right = Rule(integrand, middle, worst.To);
            pieces.Enqueue(left, -left.Error);
            pieces.Enqueue(right, -right.Error);
            value += left.Value + right.Value - worst.Value;
            error += left.Error + right.Error - worst.Error;
        }
        // Sum afresh: the running total has collected the rounding of every update.
        var sum = 0.0;
        foreach (var (piece, _) in pieces.UnorderedItems) sum += piece.Value;
        return sum;
    }

    private static Piece Rule(Func<double, double> integrand, double from, double to)
    {
        var centre = 0.5 * (from + to);
        var halfWidth = 0.5 * (to - from);
        var middleValue = integrand(centre);
        var kronrod = KronrodWeights[7] * middleValue;
        var gauss = GaussWeights[3] * middleValue;
        for (var i = 0; i < 7; i++)
        {
            var offset = halfWidth * Nodes[i];
            var pair = integrand(centre - offset) + integrand(centre + offset);
            kronrod += KronrodWeights[i] * pair;
            if (i % 2 == 1) gauss += GaussWeights[i / 2] * pair;
        }
        return new Piece(from, to, kronrod * halfWidth, Math.Abs((kronrod - gauss) * halfWidth));
    }

    private readonly record struct Piece(double From, double To, double Value, double Error);
}
