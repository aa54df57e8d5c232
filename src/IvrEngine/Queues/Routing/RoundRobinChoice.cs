namespace IvrEngine.Queues.Routing;

/// <summary><see cref="RoutingStrategy.RoundRobin"/>: the next free member after the one rung last, in staffing order.</summary>
internal sealed class RoundRobinChoice : IAgentChoice
{
    public AgentsToRing Choose(LiveQueue queue, List<Agent> free) =>
        AgentsToRing.Single(queue.Members
            .OrderBy(a => a.Order)
            .SkipWhile(a => queue.LastRung is not null && a.Order <= queue.LastRung.Order)
            .Concat(queue.Members.OrderBy(a => a.Order))
            .First(free.Contains));
}
