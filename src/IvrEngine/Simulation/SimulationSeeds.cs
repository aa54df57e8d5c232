namespace IvrEngine.Simulation;

/// <summary>
/// The random streams of a simulated week, shared by both executors (the reference engine and the
/// compiled kernel), so the same seed gives the same arrivals, callers and agents to each.
/// </summary>
public static class SimulationSeeds
{
    // Callers' random streams are numbered from here, clear of the week's other streams.
    private const long CallerStreams = 1_000_000;

    /// <summary>A seed for one random stream of a week (arrivals 0, callers and agents 2, the dialer 1), mixed so neighbouring seeds do not correlate.</summary>
    public static int For(int seed, int stream) => (int)(uint)StreamSeed(seed, stream);

    /// <summary>A caller's 64-bit seed, from their place in the week's arrivals: 32-bit seeds would give some callers of a long run the same stream.</summary>
    public static long Caller(int seed, long sequence) => StreamSeed(seed, CallerStreams + sequence);

    /// <summary>
    /// A simulated caller's number: a distinct New York number per place in the week's arrivals, so the
    /// callback store's one-callback-per-number rule meets real numbers. Every one is a valid US number
    /// in one zone (area code 212, exchanges 200-999), which the compiled kernel relies on.
    /// </summary>
    public static string CallerId(long sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"+1212{2_000_000 + (sequence % CallerNumbers)}");

    /// <summary>How many distinct numbers <see cref="CallerId"/> gives before they repeat.</summary>
    public const long CallerNumbers = 8_000_000;

    /// <summary>Each week's own seed, from the run's.</summary>
    public static int Week(int seed, int week) => For(seed, 1000 + week);

    private static long StreamSeed(int seed, long stream)
    {
        // SplitMix64's finaliser.
        var z = unchecked(((ulong)(uint)seed << 32) + (ulong)stream + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((long)(z ^ (z >> 31)));
    }
}
