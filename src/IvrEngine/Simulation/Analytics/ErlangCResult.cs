using NodaTime;

namespace IvrEngine.Simulation.Analytics;

/// <summary>
/// The steady state of an M/M/n queue (Erlang C: callers wait as long as it takes), as computed by
/// <see cref="ErlangC.Evaluate"/>. When the offered load reaches the number of agents
/// (A ≥ n) the queue grows without bound: <see cref="IsStable"/> is false, every caller waits
/// (<see cref="ProbabilityOfWaiting"/> = 1), the average wait is infinite and the service level 0;
/// no figure is ever NaN and none throws.
/// </summary>
public sealed record ErlangCResult
{
    internal ErlangCResult(TrafficLoad load, int agents, double probabilityOfWaiting)
    {
        Load = load;
        Agents = agents;
        ProbabilityOfWaiting = probabilityOfWaiting;
    }

    /// <summary>The calls offered.</summary>
    public TrafficLoad Load { get; }

    /// <summary>n: the agents answering.</summary>
    public int Agents { get; }

    /// <summary>A = λ/μ in Erlangs (<see cref="TrafficLoad.Erlangs"/>).</summary>
    public double TrafficIntensity => Load.Erlangs;

    /// <summary>True when A &lt; n (or no calls arrive): the queue has a steady state.</summary>
    public bool IsStable => TrafficIntensity < Agents || TrafficIntensity == 0;

    /// <summary>
    /// C(n, A), the Erlang C probability that a caller finds every agent busy and waits:
    /// n·B / (n − A·(1 − B)) with B the Erlang B blocking probability; 1 when unstable, 0 with no calls.
    /// </summary>
    public double ProbabilityOfWaiting { get; }

    /// <summary>The share of the agents' time spent on calls, A/n; 1 when unstable (they never stop), 0 with no calls.</summary>
    public double Occupancy => !IsStable ? 1 : TrafficIntensity == 0 ? 0 : TrafficIntensity / Agents;

    /// <summary>
    /// ASA, the mean wait of all callers (those answered at once count as 0) in seconds:
    /// C·AHT / (n − A). <see cref="double.PositiveInfinity"/> when unstable.
    /// </summary>
    public double AverageSpeedOfAnswerSeconds =>
        !IsStable ? double.PositiveInfinity
        : ProbabilityOfWaiting == 0 ? 0
        : ProbabilityOfWaiting * Load.AverageHandleTime.TotalSeconds / (Agents - TrafficIntensity);

    /// <summary>ASA as a duration (<see cref="AverageSpeedOfAnswerSeconds"/>), or null when unstable: the wait has no finite mean.</summary>
    public Duration? AverageSpeedOfAnswer => IsStable ? Duration.FromSeconds(AverageSpeedOfAnswerSeconds) : null;

    /// <summary>Lq, the mean number of callers waiting: λ·ASA = C·A / (n − A) (Little's law); infinite when unstable.</summary>
    public double AverageQueueLength =>
        !IsStable ? double.PositiveInfinity
        : ProbabilityOfWaiting == 0 ? 0
        : ProbabilityOfWaiting * TrafficIntensity / (Agents - TrafficIntensity);

    /// <summary>
    /// P(W &gt; t) = C·e^(−(n − A)·t / AHT): the wait of those who wait is exponential with rate
    /// (n − A)/AHT. 1 when unstable.
    /// </summary>
    public double ProbabilityOfWaitingLongerThan(Duration threshold)
    {
        if (threshold < Duration.Zero)
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold cannot be negative.");
        if (!IsStable) return 1;
        if (ProbabilityOfWaiting == 0) return 0;
        return ProbabilityOfWaiting * Math.Exp(-(Agents - TrafficIntensity) * (threshold.TotalSeconds / Load.AverageHandleTime.TotalSeconds));
    }

    /// <summary>
    /// The service level for <paramref name="threshold"/>: the share of callers answered within it,
    /// 1 − C·e^(−(n − A)·t / AHT). Every caller is answered in this model, so it is the same
    /// share of all callers and of answered callers. 0 when unstable.
    /// </summary>
    public double ServiceLevel(Duration threshold) => 1 - ProbabilityOfWaitingLongerThan(threshold);
}
