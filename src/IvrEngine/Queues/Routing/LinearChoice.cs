namespace IvrEngine.Queues.Routing;

/// <summary><see cref="RoutingStrategy.Linear"/>: the first free agent in staffing order.</summary>
internal sealed class LinearChoice : IAgentChoice
{
    public AgentsToRing Choose(LiveQueue queue, List<Agent> free) =>
        AgentsToRing.Single(AgentOrder.First(free, queue.Id, static (a, b, _) => a.Order.CompareTo(b.Order)));
}
