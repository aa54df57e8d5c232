using NodaTime;

namespace IvrEngine.Queues;

/// <summary>
/// Expected wait for a caller at a given position, from live figures: each member agent's next
/// free moment (free now; at the end of a known wrap-up; or when a call in progress should end,
/// given the queue's recent average handle time) and the caller's position. The caller at
/// position p takes the p-th agent to come free, each agent coming free again one average
/// handle time later.
/// </summary>
/// <remarks>
/// It avoids the faults of the estimators it replaces: unlike position × average handle time it
/// counts agents and their progress; unlike Asterisk's it uses position and never grows because
/// the caller has waited past the average (the caller's own wait is not an input); it is
/// recomputed at every announcement. With fewer than <see cref="MinimumHistory"/> finished calls
/// there is no average to trust, and it says so (null) rather than invent a number. It ignores
/// callers of other queues competing for shared agents and tier delays: an estimate, not a promise.
/// </remarks>
public static class ExpectedWaitEstimator
{
    /// <summary>Finished calls needed before the queue's average handle time is trusted.</summary>
    public const int MinimumHistory = 3;

    // A call that has run past the average still ends some time; assume a tenth of the average more.
    private const double OverrunShare = 0.1;

    /// <summary>The wait for the caller at <paramref name="position"/> (1 = next), or null when it cannot be estimated.</summary>
    public static Duration? Estimate(int position, IEnumerable<AgentSnapshot> agents, IReadOnlyCollection<Duration> recentHandleTimes, Instant now)
    {
        var staffed = agents.Where(a => a.State != AgentState.Away).ToList();
        if (position < 1 || staffed.Count == 0 || recentHandleTimes.Count < MinimumHistory) return null;

        var averageHandle = Duration.FromTicks((long)recentHandleTimes.Average(d => d.BclCompatibleTicks));
        var freeAt = new PriorityQueue<Instant, Instant>();
        foreach (var agent in staffed)
        {
            var free = agent.State switch
            {
                AgentState.Available => now,
                AgentState.WrapUp => Instant.Max(now, agent.WrapUpEndsAt),
                _ => Instant.Max(agent.CallStartedAt + averageHandle, now + (averageHandle * OverrunShare)),
            };
            freeAt.Enqueue(free, free);
        }

        var turn = now;
        for (var i = 0; i < position; i++)
        {
            turn = freeAt.Dequeue();
            freeAt.Enqueue(turn + averageHandle, turn + averageHandle);
        }
        return turn - now;
    }
}
