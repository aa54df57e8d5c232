namespace IvrEngine.Queues.Routing;

/// <summary><see cref="RoutingStrategy.FewestCalls"/>: the agent who has taken the fewest calls of this queue, then the longest idle.</summary>
internal sealed class FewestCallsChoice : IAgentChoice
{
    public AgentsToRing Choose(LiveQueue queue, List<Agent> free) =>
        AgentsToRing.Single(AgentOrder.First(free, queue.Id,
            static (a, b, queueId) => AgentOrder.Compare(a.CallsTaken(queueId), b.CallsTaken(queueId), a.IdleSince, b.IdleSince, a.Order, b.Order)));
}
