namespace IvrEngine.Callbacks;

/// <summary>
/// How the callback dialer dials in a simulated week, defined once for both executors: the reference
/// engine's week (SimulatedWeek) gives its CallbackDialer these settings, and the compiled kernel dials
/// by the same figures. A change here changes both, and the differential tests hold them equal; a
/// change to a live line's dialer settings (CallbackOptions) changes neither.
/// </summary>
public static class SimulatedDialing
{
    /// <summary>The dialer looks for due callbacks once a simulated minute.</summary>
    public const double PollSeconds = 60;

    /// <summary>A dial rings out after this long.</summary>
    public const double RingSeconds = 30;

    /// <summary>Dials per callback before it is given up.</summary>
    public const int MaxAttempts = 3;

    /// <summary>The wait before the second dial; it doubles before each dial after.</summary>
    public const double MinimumIntervalSeconds = 120;
}
