using NodaTime;

namespace IvrEngine.Simulation.Analytics;

/// <summary>
/// Erlang C: the M/M/n queue. Calls arrive at random (Poisson), handle times are exponential,
/// n agents take callers first come first served, and nobody hangs up. The classic staffing
/// model; it overstates waits where callers abandon (<see cref="ErlangA"/> models that).
/// </summary>
public static class ErlangC
{
    /// <summary>
    /// The queue's steady state with <paramref name="agents"/> agents. P(wait) is
    /// C(n, A) = n·B(n, A) / (n − A·(1 − B(n, A))), B from Erlang B's recursion
    /// (<see cref="ErlangB.BlockingProbability"/>): the textbook
    /// (Aⁿ/n!·n/(n − A)) / (Σₖ₌₀ⁿ⁻¹ Aᵏ/k! + Aⁿ/n!·n/(n − A)), rearranged so no power or
    /// factorial overflows, which keeps n in the thousands exact to about 1e-13.
    /// </summary>
    public static ErlangCResult Evaluate(TrafficLoad load, int agents)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        return FromBlocking(load, agents, ErlangB.BlockingProbability(load.Erlangs, agents));
    }

    /// <summary>
    /// The fewest agents whose service level (answered within <paramref name="threshold"/>) is at
    /// least <paramref name="serviceLevel"/>, whose occupancy is at most
    /// <paramref name="maximumOccupancy"/> and whose ASA is at most
    /// <paramref name="maximumAverageSpeedOfAnswer"/> (each when given). The search starts at the
    /// first stable count, ⌊A⌋ + 1, and adds one agent at a time, carrying the Erlang B recursion
    /// along (each figure improves with every agent, so the first count that meets them all is the
    /// answer). No calls need no agents.
    /// </summary>
    /// <param name="serviceLevel">The target share answered within the threshold, in [0, 1), e.g. 0.8.</param>
    /// <param name="threshold">The X of "X% answered within T", e.g. 20 seconds.</param>
    /// <param name="maximumOccupancy">An occupancy cap in (0, 1], e.g. 0.85, or null.</param>
    /// <param name="maximumAverageSpeedOfAnswer">A positive ASA cap, or null.</param>
    public static int MinimumAgents(
        TrafficLoad load,
        double serviceLevel,
        Duration threshold,
        double? maximumOccupancy = null,
        Duration? maximumAverageSpeedOfAnswer = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (!(serviceLevel is >= 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(serviceLevel), serviceLevel, "The target service level is a fraction from 0 up to (not including) 1.");
        if (threshold < Duration.Zero)
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold cannot be negative.");
        if (maximumOccupancy is { } occupancy && !(occupancy is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(maximumOccupancy), occupancy, "The occupancy cap is a fraction above 0, at most 1.");
        if (maximumAverageSpeedOfAnswer is { } asa && asa <= Duration.Zero)
            throw new ArgumentOutOfRangeException(nameof(maximumAverageSpeedOfAnswer), asa, "The ASA cap must be positive.");

        var erlangs = load.Erlangs;
        if (erlangs == 0) return 0;
        if (erlangs >= int.MaxValue / 2)
            throw new ArgumentOutOfRangeException(nameof(load), erlangs, "The load is too large to staff.");

        // Below A/cap agents the occupancy cap fails, so start just under it.
        var agents = (int)Math.Floor(erlangs) + 1;
        if (maximumOccupancy is { } cap) agents = Math.Max(agents, (int)Math.Ceiling(erlangs / cap) - 1);
        var blocking = ErlangB.BlockingProbability(erlangs, agents);
        while (true)
        {
            var result = FromBlocking(load, agents, blocking);
            if (result.IsStable
                && result.ServiceLevel(threshold) >= serviceLevel
                && (maximumOccupancy is not { } most || result.Occupancy <= most)
                && (maximumAverageSpeedOfAnswer is not { } slowest || result.AverageSpeedOfAnswerSeconds <= slowest.TotalSeconds))
                return agents;
            agents++;
            blocking = ErlangB.Recur(blocking, erlangs, agents, agents);
        }
    }

    private static ErlangCResult FromBlocking(TrafficLoad load, int agents, double blocking)
    {
        var erlangs = load.Erlangs;
        if (erlangs == 0) return new ErlangCResult(load, agents, 0);
        if (erlangs >= agents) return new ErlangCResult(load, agents, 1);
        return new ErlangCResult(load, agents, agents * blocking / (agents - (erlangs * (1 - blocking))));
    }
}
