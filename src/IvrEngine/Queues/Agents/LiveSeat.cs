namespace IvrEngine.Queues.Agents;

/// <summary>
/// What a live agent's seat holds besides the agent's state: whether a person is signed in, why they
/// are not ready, and the call they are offered, talking to or wrapping up. On the calls' thread only.
/// </summary>
internal sealed class LiveSeat
{
    public bool SignedIn { get; set; }

    /// <summary>Why the agent is not ready (or will be, once the call in hand is over).</summary>
    public string? Reason { get; set; }

    /// <summary>The call ringing for the agent now, and how to answer it.</summary>
    public (IQueueCaller Call, string Queue, TaskCompletionSource<RingResult> Answer, CancellationToken Stopped)? Offer { get; set; }

    /// <summary>The caller the agent is talking to, the queue they came through, and how to end the talk.</summary>
    public (IQueueCaller Call, string Queue, Action Finish)? Talk { get; set; }

    /// <summary>The queue the agent is handing the caller on to, read once by <see cref="IAgentBehaviour.HandsOnTo"/>.</summary>
    public string? TransferTo { get; set; }

    /// <summary>Ends the wrap-up in progress.</summary>
    public Action? EndWrapUp { get; set; }

    /// <summary>The call of the wrap-up in progress (for the desk: what the notes are about).</summary>
    public IQueueCaller? WrappingUp { get; set; }
}
