namespace IvrEngine.Queues.Routing;

/// <summary><see cref="RoutingStrategy.LongestIdle"/>: the agent free the longest.</summary>
internal sealed class LongestIdleChoice : IAgentChoice
{
    public AgentsToRing Choose(LiveQueue queue, List<Agent> free) =>
        AgentsToRing.Single(AgentOrder.First(free, queue.Id, static (a, b, _) => AgentOrder.Compare(0, 0, a.IdleSince, b.IdleSince, a.Order, b.Order)));
}
