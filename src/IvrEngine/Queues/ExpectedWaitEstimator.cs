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

    /// <summary>The average of <paramref name="count"/> handle times adding up to <paramref name="totalTicks"/>, or null when there are too few to trust.</summary>
    public static Duration? AverageHandle(long totalTicks, int count) =>
        count < MinimumHistory ? null : Duration.FromTicks((long)((double)totalTicks / count));

    /// <summary>The wait for the caller at <paramref name="position"/> (1 = next) given the queue's average handle time, or null when no agent is logged in.</summary>
    public static Duration? Estimate(int position, ReadOnlySpan<AgentSnapshot> agents, Duration averageHandle, Instant now)
    {
        if (position < 1) return null;

        // Asked at every announcement to every waiting caller: the free moments go on the stack
        // (a queue's members are tens, not thousands) and are sorted in place.
        var freeAt = agents.Length <= 256 ? stackalloc Instant[agents.Length] : new Instant[agents.Length];
        var count = 0;
        foreach (var agent in agents)
        {
            if (agent.State == AgentState.Away) continue;
            freeAt[count++] = agent.State switch
            {
                AgentState.Available => now,
                AgentState.WrapUp => Instant.Max(now, agent.WrapUpEndsAt),
                _ => Instant.Max(agent.CallStartedAt + averageHandle, now + (averageHandle * OverrunShare)),
            };
        }
        if (count == 0) return null;
        freeAt = freeAt[..count];
        freeAt.Sort();

        // Every agent comes free again one average handle time after each call, so while the first
        // free moments all fall within one handle time of each other, the turns repeat in the same
        // order each round: the p-th turn is round (p-1)/n of agent (p-1)%n. Long queues are then
        // estimated without walking every caller ahead.
        if (freeAt[^1] - freeAt[0] <= averageHandle)
        {
            var round = (position - 1) / count;
            return freeAt[(position - 1) % count] + (averageHandle * round) - now;
        }

        var turns = new PriorityQueue<Instant, Instant>(count);
        foreach (var free in freeAt) turns.Enqueue(free, free);
        var turn = now;
        for (var i = 0; i < position; i++)
        {
            turn = turns.Dequeue();
            turns.Enqueue(turn + averageHandle, turn + averageHandle);
        }
        return turn - now;
    }
}
