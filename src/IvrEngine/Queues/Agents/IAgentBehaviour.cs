namespace IvrEngine.Queues.Agents;

/// <summary>
/// What an agent does with a call the centre offers them: pick up (or let it ring), talk, and at the
/// end resolve it or hand it on. The roster keeps who the agents are and their state; this is how
/// they act, so a live agent (a person at a desk, reached through a service) can take a simulated one's place.
/// </summary>
internal interface IAgentBehaviour
{
    /// <summary>
    /// Rings <paramref name="agent"/> for <paramref name="call"/>: completes <see cref="RingResult.Answered"/>
    /// when they accept, and is cancelled through <paramref name="cancel"/> when the ring times out, the
    /// caller hangs up or another agent wins a ring-all.
    /// </summary>
    /// <param name="raced">Other agents ring for the same caller (ring-all).</param>
    ValueTask<RingResult> RingAsync(Agent agent, IQueueCaller call, bool raced, CancellationToken cancel);

    /// <summary>The agent talks to the caller; <paramref name="finished"/> runs when the agent's part is done. Disposing stops the talk (the caller hung up or was transferred).</summary>
    IDisposable Talk(Agent agent, Action finished);

    /// <summary>At the end of the agent's part: the queue they hand the caller on to, or null when they resolved the call.</summary>
    string? HandsOnTo(Agent agent, string queueId);
}
