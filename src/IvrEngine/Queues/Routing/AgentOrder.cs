using NodaTime;

namespace IvrEngine.Queues.Routing;

/// <summary>Picking the first agent by an order without sorting (every answered call does it).</summary>
internal static class AgentOrder
{
    /// <summary>The agent that <paramref name="compare"/> puts first (agents' orders differ, so there are no ties).</summary>
    public static Agent First(List<Agent> free, string queueId, Func<Agent, Agent, string, int> compare)
    {
        var best = free[0];
        for (var i = 1; i < free.Count; i++)
        {
            if (compare(free[i], best, queueId) < 0) best = free[i];
        }
        return best;
    }

    /// <summary>Fewer calls first, then longer idle, then staffing order.</summary>
    public static int Compare(int calls, int otherCalls, Instant idleSince, Instant otherIdleSince, int order, int otherOrder)
    {
        var byCalls = calls.CompareTo(otherCalls);
        if (byCalls != 0) return byCalls;
        var byIdle = idleSince.CompareTo(otherIdleSince);
        return byIdle != 0 ? byIdle : order.CompareTo(otherOrder);
    }
}
