using System.Collections.Immutable;
using IvrEngine.Calls;
using IvrEngine.Queues.Staffing;
using NodaTime;

namespace IvrEngine.Queues.Agents;

/// <summary>
/// The live agents of a call centre: people who sign in through the service to a seat of the staffing
/// file (or with queues of their own), go ready or not, accept or decline the calls the ring pipeline
/// offers them, talk, transfer, hang up and finish wrap-up. Every method runs on the calls' thread;
/// each returns false when the agent's status cannot take the action (the caller names the status).
/// </summary>
public sealed class LiveAgents
{
    private readonly AgentRoster _roster;
    private readonly LiveAgentBehaviour _behaviour;
    private readonly WaitingLines _lines;
    private readonly CenterTimers _clock;

    internal LiveAgents(AgentRoster roster, LiveAgentBehaviour behaviour, WaitingLines lines, CenterTimers clock)
    {
        _roster = roster;
        _behaviour = behaviour;
        _lines = lines;
        _clock = clock;
        behaviour.Happened = (agent, kind, call, queue, detail) => Raise(agent, kind, Describe(call, queue), detail);
        foreach (var agent in roster.Agents.Where(a => a.IsLive)) Follow(agent);
    }

    /// <summary>Raised for everything that happens at a live seat, on the calls' thread.</summary>
    public event Action<LiveAgentEvent>? Happened;

    /// <summary>Any agent of the line by name (simulated agents too, so a request naming one is told it is not live).</summary>
    public Agent? Find(string name) => _roster.Find(name);

    /// <summary>Agents on the line in all, simulated and live.</summary>
    public int Count => _roster.Agents.Count;

    /// <summary>The most agents a line holds (a staffing file's limit), people signing in with queues of their own included.</summary>
    public static int MaxAgents => StaffingBinder.MaxAgents;

    public LiveAgentStatus StatusOf(Agent agent)
    {
        if (!agent.IsLive || !_behaviour.SeatOf(agent).SignedIn) return LiveAgentStatus.SignedOut;
        return agent.State switch
        {
            AgentState.Available => LiveAgentStatus.Ready,
            AgentState.Ringing => LiveAgentStatus.Ringing,
            AgentState.OnCall => LiveAgentStatus.OnCall,
            AgentState.WrapUp => LiveAgentStatus.WrapUp,
            _ => LiveAgentStatus.NotReady,
        };
    }

    /// <summary>Why the agent is not ready, or will be once the call in hand is over.</summary>
    public string? ReasonOf(Agent agent) => agent.IsLive ? _behaviour.SeatOf(agent).Reason : null;

    /// <summary>The call ringing for the agent now, or null.</summary>
    public LiveAgentCall? OfferedTo(Agent agent) =>
        agent.IsLive && agent.State == AgentState.Ringing && _behaviour.SeatOf(agent).Offer is { } offer ? Describe(offer.Call, offer.Queue) : null;

    /// <summary>The caller the agent is talking to, or null.</summary>
    public LiveAgentCall? TalkingTo(Agent agent) =>
        agent.IsLive && _behaviour.SeatOf(agent).Talk is { } talk ? Describe(talk.Call, talk.Queue) : null;

    /// <summary>The reference of the call the agent is wrapping up, or null.</summary>
    public string? WrappingUp(Agent agent) =>
        agent.IsLive && agent.State == AgentState.WrapUp ? _behaviour.SeatOf(agent).WrappingUp?.Reference.ToString() : null;

    /// <summary>A person signs in at a live seat of the staffing file: not ready until they say so. False when someone is signed in there already (or the seat is simulated).</summary>
    public bool SignIn(Agent seat)
    {
        if (!seat.IsLive || _behaviour.SeatOf(seat).SignedIn) return false;
        _behaviour.SeatOf(seat).SignedIn = true;
        Raise(seat, LiveAgentEventKind.StateChanged);
        return true;
    }

    /// <summary>A person signs in with queues of their own (queue → tier): a new live seat joins those queues, not ready. The caller checks the name is free and the queues exist.</summary>
    public Agent SignInNew(string name, IReadOnlyDictionary<string, int> tiers)
    {
        var profile = new AgentProfile(name, tiers.ToImmutableDictionary(StringComparer.Ordinal), StaffingBinder.BuiltIn.HandleTime, StaffingBinder.BuiltIn.WrapUp,
            StaffingBinder.BuiltIn.AnswerDelay, 0, 0, null, Duration.Zero, Live: true);
        var agent = _roster.Add(profile);
        foreach (var queue in tiers.Keys) _lines.Queues[queue].AddMember(agent);
        Follow(agent);
        SignIn(agent);
        return agent;
    }

    /// <summary>The agent is ready for calls (from not ready; ready again is nothing new).</summary>
    public bool Ready(Agent agent)
    {
        var status = StatusOf(agent);
        if (status is not (LiveAgentStatus.NotReady or LiveAgentStatus.Ready)) return false;
        _behaviour.SeatOf(agent).Reason = null;
        // The move to ready is told through the agent's state change.
        if (status == LiveAgentStatus.NotReady) _roster.SetAway(agent, away: false);
        return true;
    }

    /// <summary>
    /// The agent is not ready, for <paramref name="reason"/>: at once when waiting; a call ringing for
    /// them is let go (the next agent is rung); on a call or in wrap-up, once that is over.
    /// </summary>
    public bool NotReady(Agent agent, string? reason)
    {
        var status = StatusOf(agent);
        if (status == LiveAgentStatus.SignedOut) return false;
        _behaviour.SeatOf(agent).Reason = reason;
        if (status != LiveAgentStatus.NotReady) _roster.SetAway(agent, away: true);
        if (status == LiveAgentStatus.Ringing) _behaviour.Decline(agent);
        // Moves told through the state change; a new reason, or one for after the call, is told here.
        if (status is LiveAgentStatus.NotReady or LiveAgentStatus.OnCall or LiveAgentStatus.WrapUp) Raise(agent, LiveAgentEventKind.StateChanged);
        return true;
    }

    /// <summary>The agent accepts the call ringing for them.</summary>
    public bool Accept(Agent agent) => StatusOf(agent) == LiveAgentStatus.Ringing && _behaviour.Accept(agent);

    /// <summary>The agent lets the call ringing for them go: a ring-out, and the ring pipeline offers it to the next agent.</summary>
    public bool Decline(Agent agent) => StatusOf(agent) == LiveAgentStatus.Ringing && _behaviour.Decline(agent);

    /// <summary>The agent ends the call: the caller's call ends answered, and the agent wraps up.</summary>
    public bool HangUp(Agent agent) => StatusOf(agent) == LiveAgentStatus.OnCall && _behaviour.Finish(agent, transferTo: null);

    /// <summary>The agent hands the caller on to <paramref name="queueId"/> (which must be one of the line's queues) and wraps up.</summary>
    public bool Transfer(Agent agent, string queueId) =>
        StatusOf(agent) == LiveAgentStatus.OnCall && _lines.Queues.ContainsKey(queueId) && _behaviour.Finish(agent, queueId);

    /// <summary>The agent's wrap-up is done: ready for the next call (or not ready, when they asked for it meanwhile).</summary>
    public bool WrapUpDone(Agent agent) => StatusOf(agent) == LiveAgentStatus.WrapUp && _behaviour.EndWrapUp(agent);

    /// <summary>
    /// The agent signs out. Nothing in hand is lost: a call ringing for them goes to the next agent, a
    /// call they are talking to ends as if they had hung up (answered, the caller told so), and its
    /// wrap-up is cut short.
    /// </summary>
    public bool SignOut(Agent agent)
    {
        var status = StatusOf(agent);
        if (status == LiveAgentStatus.SignedOut) return false;
        var seat = _behaviour.SeatOf(agent);
        if (status != LiveAgentStatus.NotReady) _roster.SetAway(agent, away: true);
        if (status == LiveAgentStatus.Ringing) _behaviour.Decline(agent);
        if (StatusOf(agent) == LiveAgentStatus.OnCall) _behaviour.Finish(agent, transferTo: null);
        if (StatusOf(agent) == LiveAgentStatus.WrapUp) _behaviour.EndWrapUp(agent);
        seat.SignedIn = false;
        seat.Reason = null;
        Raise(agent, LiveAgentEventKind.StateChanged);
        return true;
    }

    private void Follow(Agent agent) => agent.Moved = moved =>
    {
        if (moved.State != AgentState.Ringing) _behaviour.SeatOf(moved).Offer = null;
        if (_behaviour.SeatOf(moved).SignedIn) Raise(moved, LiveAgentEventKind.StateChanged);
    };

    private void Raise(Agent agent, LiveAgentEventKind kind, LiveAgentCall? call = null, string? detail = null) =>
        Happened?.Invoke(new LiveAgentEvent(_clock.Now, kind, agent.Name, StatusOf(agent), ReasonOf(agent), call, detail));

    /// <summary>The call as the agent's desk shows it: the nodes the caller entered, and the digits collected (from the transcript, which says at which node).</summary>
    private static LiveAgentCall Describe(IQueueCaller call, string queue)
    {
        if (call is not CallSession session) return new LiveAgentCall(call.Reference.ToString(), queue, call.CallerId, [], []);
        var digits = new List<CollectedDigits>();
        foreach (var e in session.Transcript.Events)
        {
            if (e.Type == CallEventType.DigitsCollected && e.Text is { } value) digits.Add(new CollectedDigits(e.Node ?? string.Empty, e.Detail ?? string.Empty, value));
        }
        return new LiveAgentCall(call.Reference.ToString(), queue, call.CallerId, [.. session.Path], digits);
    }
}
