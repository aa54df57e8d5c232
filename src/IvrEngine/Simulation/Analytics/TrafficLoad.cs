using NodaTime;

namespace IvrEngine.Simulation.Analytics;

/// <summary>
/// The work offered to a queue: calls arriving at random (a Poisson stream) at
/// <see cref="CallsPerHour"/>, each taking <see cref="AverageHandleTime"/> of an agent (talk plus
/// wrap-up). The input of every model in this namespace.
/// </summary>
public sealed record TrafficLoad
{
    /// <summary>A load of <paramref name="callsPerHour"/> calls an hour, each handled in <paramref name="averageHandleTime"/> on average.</summary>
    public TrafficLoad(double callsPerHour, Duration averageHandleTime)
    {
        if (!double.IsFinite(callsPerHour) || callsPerHour < 0)
            throw new ArgumentOutOfRangeException(nameof(callsPerHour), callsPerHour, "The arrival rate must be a finite number of calls, zero or more.");
        if (averageHandleTime <= Duration.Zero)
            throw new ArgumentOutOfRangeException(nameof(averageHandleTime), averageHandleTime, "The average handle time must be positive.");
        CallsPerHour = callsPerHour;
        AverageHandleTime = averageHandleTime;
    }

    /// <summary>λ: calls arriving per hour.</summary>
    public double CallsPerHour { get; }

    /// <summary>1/μ: the mean time an agent spends on a call, talk plus wrap-up.</summary>
    public Duration AverageHandleTime { get; }

    /// <summary>
    /// The traffic intensity (offered load) A = λ/μ in Erlangs: the number of agents that would be
    /// busy all the time if every call were answered at once.
    /// </summary>
    public double Erlangs => CallsPerHour * AverageHandleTime.TotalSeconds / 3600;

    /// <summary>A load given as <paramref name="calls"/> arriving in each <paramref name="interval"/> (e.g. 360 calls a half hour).</summary>
    public static TrafficLoad PerInterval(double calls, Duration interval, Duration averageHandleTime)
    {
        if (interval <= Duration.Zero)
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive.");
        return new TrafficLoad(calls * 3600 / interval.TotalSeconds, averageHandleTime);
    }
}
