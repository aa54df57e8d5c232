using NodaTime;

namespace IvrEngine.Simulation.Analytics;

/// <summary>
/// The steady state of an M/M/n+M queue (Erlang A), as computed by <see cref="ErlangA.Evaluate"/>.
/// Every caller is either answered or abandons: <see cref="ShareAnswered"/> +
/// <see cref="ProbabilityOfAbandoning"/> = 1. The figures that depend on a threshold
/// (<see cref="AnsweredWithin"/>, <see cref="AbandonedWithin"/>) are computed when asked.
/// </summary>
public sealed record ErlangAResult
{
    private readonly double _meanWaitInHandleTimes;
    private readonly double _meanAnsweredWaitInHandleTimes;

    internal ErlangAResult(
        TrafficLoad load,
        Duration averagePatience,
        int agents,
        double probabilityOfWaiting,
        double probabilityOfAbandoning,
        double meanWaitInHandleTimes,
        double meanAnsweredWaitInHandleTimes)
    {
        Load = load;
        AveragePatience = averagePatience;
        Agents = agents;
        ProbabilityOfWaiting = probabilityOfWaiting;
        ProbabilityOfAbandoning = probabilityOfAbandoning;
        _meanWaitInHandleTimes = meanWaitInHandleTimes;
        _meanAnsweredWaitInHandleTimes = meanAnsweredWaitInHandleTimes;
    }

    /// <summary>The calls offered.</summary>
    public TrafficLoad Load { get; }

    /// <summary>1/θ: how long callers are prepared to wait, on average (exponentially distributed).</summary>
    public Duration AveragePatience { get; }

    /// <summary>n: the agents answering.</summary>
    public int Agents { get; }

    /// <summary>A = λ/μ in Erlangs (<see cref="TrafficLoad.Erlangs"/>).</summary>
    public double TrafficIntensity => Load.Erlangs;

    /// <summary>P(wait): the probability that an arriving caller finds every agent busy.</summary>
    public double ProbabilityOfWaiting { get; }

    /// <summary>P(abandon): the share of callers who hang up before an agent answers.</summary>
    public double ProbabilityOfAbandoning { get; }

    /// <summary>The share of callers answered, 1 − P(abandon).</summary>
    public double ShareAnswered => 1 - ProbabilityOfAbandoning;

    /// <summary>
    /// The mean wait of all callers: those answered at once (0), those answered after waiting, and
    /// those who abandon (until they hang up). By Little's law it is <see cref="AverageQueueLength"/> ÷ λ,
    /// and P(abandon) = θ × this wait.
    /// </summary>
    public Duration AverageWait => Load.AverageHandleTime * _meanWaitInHandleTimes;

    /// <summary>
    /// ASA: the mean wait of the callers who are answered (answered at once counting 0), as a queue
    /// report computes it; null when nobody is answered (no agents).
    /// </summary>
    public Duration? AverageSpeedOfAnswer =>
        double.IsNaN(_meanAnsweredWaitInHandleTimes) ? null : Load.AverageHandleTime * _meanAnsweredWaitInHandleTimes;

    /// <summary>Lq: the mean number of callers waiting, λ × <see cref="AverageWait"/>.</summary>
    public double AverageQueueLength => TrafficIntensity * _meanWaitInHandleTimes;

    /// <summary>The share of the agents' time spent on calls: the answered load over the agents, A·(1 − P(abandon))/n.</summary>
    public double Occupancy => Agents == 0 ? 0 : TrafficIntensity * ShareAnswered / Agents;

    /// <summary>
    /// The share of all callers answered within <paramref name="threshold"/> (including those
    /// answered at once): 1 − P(wait) + P(wait)·∫₀ᵗ e^(−θs) e^φ(s) ds / J. Tends to
    /// <see cref="ShareAnswered"/> as the threshold grows.
    /// </summary>
    public double AnsweredWithin(Duration threshold)
    {
        var t = InHandleTimes(threshold);
        if (TrafficIntensity == 0) return 1;
        if (Agents == 0) return 0;
        var theta = ErlangA.AbandonRate(Load, AveragePatience);
        var density = ErlangA.Density(this);
        var waitedAndAnswered = density.Integrate(s => -theta * s, 0, t) / density.Integrate(ErlangA.Flat);
        return 1 - ProbabilityOfWaiting + (ProbabilityOfWaiting * waitedAndAnswered);
    }

    /// <summary>
    /// The share of all callers who hang up within <paramref name="threshold"/> of joining:
    /// P(wait)·∫ (1 − e^(−θ·min(s, t))) e^φ(s) ds / J. Tends to P(abandon) as the threshold grows.
    /// </summary>
    public double AbandonedWithin(Duration threshold)
    {
        var t = InHandleTimes(threshold);
        var theta = ErlangA.AbandonRate(Load, AveragePatience);
        if (TrafficIntensity == 0) return 0;
        if (Agents == 0) return -PreciseMath.ExpM1(-theta * t);
        var density = ErlangA.Density(this);
        var before = density.Integrate(s => Math.Log(-PreciseMath.ExpM1(-theta * s)), 0, t);
        var after = -PreciseMath.ExpM1(-theta * t) * density.Integrate(ErlangA.Flat, t);
        return ProbabilityOfWaiting * (before + after) / density.Integrate(ErlangA.Flat);
    }

    /// <summary>
    /// The service level: the share of all callers answered within <paramref name="threshold"/>
    /// (<see cref="AnsweredWithin"/>), abandoned calls counting as missed. The definitions a queue
    /// report uses (<see cref="Queues.QueueStatistics"/>) are <see cref="ServiceLevelOfAnswered"/>
    /// and <see cref="ServiceLevelOfAnsweredAndAbandoned"/>.
    /// </summary>
    public double ServiceLevel(Duration threshold) => AnsweredWithin(threshold);

    /// <summary>Answered within <paramref name="threshold"/> ÷ answered; 0 when nobody is answered.</summary>
    public double ServiceLevelOfAnswered(Duration threshold) => ShareAnswered == 0 ? 0 : AnsweredWithin(threshold) / ShareAnswered;

    /// <summary>
    /// (Answered + abandoned within <paramref name="threshold"/>) ÷ (answered + abandoned), leaving
    /// out callers who hang up within <paramref name="shortAbandon"/> (5 s in
    /// <see cref="Queues.QueueStatistics"/>) from both, as a queue report does. Every caller leaves the
    /// queue answered or abandoning here, so this is also the "of removed" definition.
    /// </summary>
    public double ServiceLevelOfAnsweredAndAbandoned(Duration threshold, Duration shortAbandon)
    {
        var shortAbandons = AbandonedWithin(shortAbandon);
        var countedAbandons = Math.Max(0, AbandonedWithin(threshold) - shortAbandons);
        return (AnsweredWithin(threshold) + countedAbandons) / (1 - shortAbandons);
    }

    private double InHandleTimes(Duration threshold)
    {
        if (threshold < Duration.Zero)
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold cannot be negative.");
        return threshold.TotalSeconds / Load.AverageHandleTime.TotalSeconds;
    }
}
