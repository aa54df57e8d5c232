namespace IvrEngine.Queues.Agents;

/// <summary>
/// What an agent does with a call the centre offers them: pick up (or let it ring), talk, and at the
/// end resolve it or hand it on, then finish their wrap-up. The roster keeps who the agents are and
/// their state; this is how they act, so a live agent (a person at a desk, reached through a service)
/// can take a simulated one's place.
/// </summary>
internal interface IAgentBehaviour
{
    /// <summary>
    /// Rings <paramref name="agent"/> for <paramref name="call"/> waiting in <paramref name="queueId"/>:
    /// completes <see cref="RingResult.Answered"/> when they accept (<see cref="RingResult.NoAnswer"/> when
    /// they decline), and is cancelled through <paramref name="cancel"/> when the ring times out, the
    /// caller hangs up or another agent wins a ring-all.
    /// </summary>
    /// <param name="raced">Other agents ring for the same caller (ring-all).</param>
    ValueTask<RingResult> RingAsync(Agent agent, IQueueCaller call, string queueId, bool raced, CancellationToken cancel);

    /// <summary>A ring of <paramref name="agent"/> ended unanswered: timed out, declined, or stopped (the caller left, another agent won).</summary>
    void RingEnded(Agent agent, IQueueCaller call, string queueId, RingEnd how);

    /// <summary>The agent talks to the caller, who came through <paramref name="queueId"/>; <paramref name="finished"/> runs when the agent's part is done. Disposing stops the talk (the caller hung up or was transferred).</summary>
    IDisposable Talk(Agent agent, IQueueCaller call, string queueId, Action finished);

    /// <summary>At the end of the agent's part: the queue they hand the caller on to, or null when they resolved the call.</summary>
    string? HandsOnTo(Agent agent, string queueId);

    /// <summary>The agent's after-call work; <paramref name="done"/> runs when it is over.</summary>
    IDisposable WrapUp(Agent agent, Action done);
}

/// <summary>How an unanswered ring ended.</summary>
internal enum RingEnd
{
    /// <summary>The ring timeout passed (a ring-out: the retry rings the next agent).</summary>
    TimedOut,

    /// <summary>The agent declined: a ring-out too, at once.</summary>
    Declined,

    /// <summary>Stopped for another reason: the caller left, or another agent of a ring-all picked up.</summary>
    Withdrawn,
}
