namespace IvrEngine.Queues;

/// <summary>How one offer of a call to agents ended.</summary>
internal enum RingResult
{
    /// <summary>An agent picked up.</summary>
    Answered,

    /// <summary>The rung agent did not answer (the retry tries the next agent).</summary>
    NoAnswer,

    /// <summary>No eligible agent was free to ring: the caller keeps waiting.</summary>
    NoAgentFree,

    /// <summary>Something unexpected broke the offer; the fallback sends the caller to the queue's overflow.</summary>
    Failed,
}
