using IvrEngine.Queues.Ringing;
using NodaTime;

namespace IvrEngine.Queues.Routing;

/// <summary>Which members may be rung for a caller: available, in rotation, and of a tier the caller has waited long enough for.</summary>
internal sealed class FreeAgents(AgentRotation rotation, CenterTimers clock)
{
    /// <summary>True when some member is free to ring for this caller.</summary>
    public bool AnyFor(QueuedCall entry)
    {
        var queue = entry.Queue;
        var highestTierOpen = HighestTierOpenFor(entry);
        var now = clock.Now;
        for (var i = 0; i < queue.Members.Count; i++)
        {
            if (IsFree(queue.Members[i], queue.MemberTiers[i], highestTierOpen, now)) return true;
        }
        return false;
    }

    /// <summary>The members free to ring for this caller, but those in <paramref name="except"/>, in staffing order.</summary>
    public List<Agent> For(QueuedCall entry, HashSet<Agent> except)
    {
        var queue = entry.Queue;
        var highestTierOpen = HighestTierOpenFor(entry);
        var now = clock.Now;
        var free = new List<Agent>();
        for (var i = 0; i < queue.Members.Count; i++)
        {
            var agent = queue.Members[i];
            if (IsFree(agent, queue.MemberTiers[i], highestTierOpen, now) && !except.Contains(agent)) free.Add(agent);
        }
        return free;
    }

    /// <summary>Each <c>nextTierAfter</c> the caller has waited opens the next tier of agents to them.</summary>
    private int HighestTierOpenFor(QueuedCall entry)
    {
        var queue = entry.Queue;
        if (queue.Definition.NextTierAfter <= Duration.Zero) return int.MaxValue;
        var tiersOpen = (int)((clock.Now - entry.JoinedAt) / queue.Definition.NextTierAfter);
        return (int)Math.Min(int.MaxValue, (long)queue.LowestTier + tiersOpen);
    }

    private bool IsFree(Agent agent, int tier, int highestTierOpen, Instant now) =>
        agent.State == AgentState.Available
        && tier <= highestTierOpen
        && !rotation.IsOut(agent, now);
}
