using NodaTime;

namespace IvrEngine.Queues.Agents;

/// <summary>Where a live agent stands, as the person at the desk sees it.</summary>
public enum LiveAgentStatus
{
    /// <summary>Nobody is signed in at this seat.</summary>
    SignedOut,

    /// <summary>Signed in but not taking calls (a break, a meeting; the reason says).</summary>
    NotReady,

    /// <summary>Waiting for a call.</summary>
    Ready,

    /// <summary>A call is offered: accept or decline.</summary>
    Ringing,

    /// <summary>Talking to a caller: hang up or transfer.</summary>
    OnCall,

    /// <summary>After-call work, until they say it is done.</summary>
    WrapUp,
}

/// <summary>What happened at a live agent's seat.</summary>
public enum LiveAgentEventKind
{
    /// <summary>The agent's status changed.</summary>
    StateChanged,

    /// <summary>A call is offered to the agent (it rings).</summary>
    Offered,

    /// <summary>The ring timeout passed unanswered: the ring pipeline offers the call to the next agent.</summary>
    RangOut,

    /// <summary>The agent declined the offer: a ring-out, at once.</summary>
    Declined,

    /// <summary>The offer was taken back: the caller left, or another agent of a ring-all picked up.</summary>
    OfferWithdrawn,

    /// <summary>The agent and the caller are talking.</summary>
    Connected,

    /// <summary>The talk ended: the agent hung up or transferred, or the caller hung up or was moved.</summary>
    Ended,
}

/// <summary>A call as a live agent sees it: which, from where, and what the caller did in the menu before.</summary>
/// <param name="Path">The menu nodes the caller went through, in order.</param>
/// <param name="Digits">What the caller keyed in at collectors, in order.</param>
public sealed record LiveAgentCall(string Reference, string Queue, string? CallerId, IReadOnlyList<string> Path, IReadOnlyList<CollectedDigits> Digits);

/// <summary>Digits a caller keyed in at a collector node, kept in <paramref name="Variable"/>.</summary>
public sealed record CollectedDigits(string Node, string Variable, string Digits);

/// <summary>One thing that happened at a live agent's seat, with the agent's status as it happened (an <see cref="LiveAgentEventKind.Ended"/> still says OnCall: the wrap-up's state change follows).</summary>
/// <param name="Detail">For <see cref="LiveAgentEventKind.Ended"/>: <c>agent-hung-up</c>, <c>transferred:QUEUE</c>, or <c>caller-or-line</c> (the caller hung up, or the call was moved by the calls API).</param>
public sealed record LiveAgentEvent(Instant At, LiveAgentEventKind Kind, string Agent, LiveAgentStatus Status, string? Reason, LiveAgentCall? Call, string? Detail);
