using IvrEngine.Queues.Staffing;

namespace IvrEngine.Simulation;

/// <summary>
/// One simulated caller's random stream: SplitMix64 (Steele, Lea and Flood 2014), seeded by the
/// caller's place in the week's arrivals. A load simulation starts one stream per caller, which is
/// what makes a staffing what-if meet the same callers; <see cref="Random"/>'s seeded form fills a
/// 56-entry table on every construction, which cost more than a menu level of the call itself.
/// SplitMix64 seeds in one step and passes BigCrush.
/// </summary>
public sealed class CallerRandom(long seed) : IUniformRandom
{
    private ulong _state = unchecked((ulong)seed);

    /// <summary>A uniform double in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => NextDouble(ref _state);

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => Next(ref _state, maxExclusive);

    /// <summary><see cref="NextDouble()"/> of the stream kept in <paramref name="state"/>: the compiled kernel keeps its callers' streams in its call slots.</summary>
    internal static double NextDouble(ref ulong state) => (NextBits(ref state) >> 11) * (1.0 / (1UL << 53));

    /// <summary><see cref="Next(int)"/> of the stream kept in <paramref name="state"/>.</summary>
    internal static int Next(ref ulong state, int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        // Lemire's multiply-shift: the high half of a 32 × 32-bit product is uniform over the range
        // (to within 2^-32, far below any figure a simulation reports).
        return (int)(((NextBits(ref state) >> 32) * (ulong)maxExclusive) >> 32);
    }

    private static ulong NextBits(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
