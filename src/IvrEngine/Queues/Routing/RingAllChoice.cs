namespace IvrEngine.Queues.Routing;

/// <summary><see cref="RoutingStrategy.RingAll"/>: every free agent at once; the first to pick up wins.</summary>
internal sealed class RingAllChoice : IAgentChoice
{
    public AgentsToRing Choose(LiveQueue queue, List<Agent> free) => AgentsToRing.Racing(free);
}
