using IvrEngine.Queues.Ringing;
using NodaTime;

namespace IvrEngine.Queues;

/// <summary>A waiting caller's expected wait, from the queue's recent handle times and its agents as they are now.</summary>
internal sealed class WaitEstimate(AgentRotation rotation, CenterTimers clock)
{
    /// <summary>The expected wait at <paramref name="position"/>; null while the queue has no handled call to estimate from.</summary>
    public Duration? For(LiveQueue queue, int position)
    {
        if (queue.AverageHandleTime is not { } averageHandle) return null;
        var now = clock.Now;
        var snapshots = queue.SnapshotBuffer;
        for (var i = 0; i < snapshots.Length; i++) snapshots[i] = Snapshot(queue.Members[i], now);
        return ExpectedWaitEstimator.Estimate(position, snapshots, averageHandle, now);
    }

    /// <summary>
    /// An agent as the wait estimate sees them: out of rotation counts as away; ringing as starting a
    /// call now (the previous call's start would make them look nearly free).
    /// </summary>
    private AgentSnapshot Snapshot(Agent agent, Instant now)
    {
        if (rotation.IsOut(agent, now)) return new AgentSnapshot(AgentState.Away, default, default);
        return agent.State == AgentState.Ringing
            ? new AgentSnapshot(AgentState.OnCall, now, default)
            : new AgentSnapshot(agent.State, agent.CallStartedAt, agent.WrapUpEndsAt);
    }
}
