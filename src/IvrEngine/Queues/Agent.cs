using IvrEngine.Queues.Staffing;
using NodaTime;
using Polly;
using Polly.CircuitBreaker;

namespace IvrEngine.Queues;

/// <summary>
/// An agent at run time: state, idle time and call counts for the routing strategies, and a ring
/// pipeline with its own circuit breaker, so an agent who keeps not answering is taken out of
/// rotation for a while (kept in one place, the centre's AgentRotation) without holding up anyone else.
/// How the agent acts on a call is apart from this (IAgentBehaviour).
/// </summary>
public sealed class Agent
{
    private readonly Dictionary<string, int> _callsTaken = new(StringComparer.Ordinal);

    internal Agent(AgentProfile profile, int order, Instant now)
    {
        Profile = profile;
        Order = order;
        StateSince = now;
        IdleSince = now;
    }

    public string Name => Profile.Name;

    /// <summary>A seat for a person signed in through the service, not a simulated agent.</summary>
    public bool IsLive => Profile.Live;

    public AgentProfile Profile { get; }

    public AgentState State { get; private set; }

    public Instant StateSince { get; private set; }

    /// <summary>When the agent last became free (for <see cref="RoutingStrategy.LongestIdle"/>).</summary>
    public Instant IdleSince { get; private set; }

    /// <summary>Time spent on calls and wrap-up, for occupancy.</summary>
    public Duration BusyTime { get; private set; }

    /// <summary>Time logged in (not away), for occupancy.</summary>
    public Duration LoggedInTime { get; private set; }

    /// <summary>The agent asked to log out while busy: they go away when the current call and wrap-up end.</summary>
    public bool LoggingOut { get; internal set; }

    /// <summary>Position in the staffing file (for <see cref="RoutingStrategy.Linear"/>).</summary>
    internal int Order { get; }

    internal CircuitBreakerStateProvider Circuit { get; } = new();

    internal ResiliencePipeline<RingResult> RingPipeline { get; set; } = ResiliencePipeline<RingResult>.Empty;

    /// <summary>When the current call (or the earlier call at start) began, for the remaining-time estimate.</summary>
    internal Instant CallStartedAt { get; set; }

    /// <summary>When the current wrap-up ends.</summary>
    internal Instant WrapUpEndsAt { get; set; }

    public int CallsTaken(string queueId) => _callsTaken.GetValueOrDefault(queueId);

    public int TierIn(string queueId) => Profile.Tiers.GetValueOrDefault(queueId);

    internal void CountCall(string queueId) => _callsTaken[queueId] = CallsTaken(queueId) + 1;

    /// <summary>Told of every change of state, on the calls' thread (live agents' desks follow their seat through it).</summary>
    internal Action<Agent>? Moved { get; set; }

    internal void MoveTo(AgentState state, Instant now)
    {
        var spent = now - StateSince;
        if (State != AgentState.Away) LoggedInTime += spent;
        if (State is AgentState.OnCall or AgentState.WrapUp) BusyTime += spent;
        if (state == AgentState.Available && State != AgentState.Ringing) IdleSince = now;
        var changed = State != state;
        State = state;
        StateSince = now;
        if (changed) Moved?.Invoke(this);
    }

    /// <summary>Busy and logged-in time including the current state, without changing it.</summary>
    internal (Duration Busy, Duration LoggedIn) TimesAt(Instant now)
    {
        var spent = now - StateSince;
        return (BusyTime + (State is AgentState.OnCall or AgentState.WrapUp ? spent : Duration.Zero),
            LoggedInTime + (State == AgentState.Away ? Duration.Zero : spent));
    }
}
