namespace IvrEngine.Callbacks;

/// <summary>
/// What every callback dialer does whatever its settings, live or simulated; the compiled kernel
/// reads the same rules, so they are stated once.
/// </summary>
public static class DialerRules
{
    /// <summary>The most callbacks one poll claims: the rest wait for the next poll.</summary>
    public const int ClaimsPerPoll = 20;

    /// <summary>A simulated callee who answers does so after a few rings: 8 s, or half the ring timeout when that is shorter.</summary>
    public static double AnsweredAfterSeconds(double ringSeconds) => Math.Min(8, ringSeconds / 2);
}
