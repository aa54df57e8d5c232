namespace IvrEngine.Queues;

/// <summary>What a caller arriving at a queue with no agent logged in does.</summary>
public enum WhenNoAgents
{
    /// <summary>Join and wait: agents may log in.</summary>
    Join,

    /// <summary>Do not join: go to the queue's overflow at once.</summary>
    Overflow,
}
