namespace IvrEngine.Queues;

/// <summary>How a queue picks which free agent to ring. Names as in the menu file.</summary>
public enum RoutingStrategy
{
    /// <summary><c>longest-idle</c>: the agent free for longest (fairest; Asterisk's <c>leastrecent</c>).</summary>
    LongestIdle,

    /// <summary><c>round-robin</c>: the next agent after the one rung last, remembered per queue (<c>rrmemory</c>).</summary>
    RoundRobin,

    /// <summary><c>fewest-calls</c>: the agent who has taken the fewest calls from this queue.</summary>
    FewestCalls,

    /// <summary><c>random</c>: any free agent, drawn from the call's seeded random source.</summary>
    Random,

    /// <summary><c>linear</c>: always in the order the staffing file lists agents (the first free one).</summary>
    Linear,

    /// <summary><c>ring-all</c>: every free agent at once; the first to answer takes the call.</summary>
    RingAll,
}
