namespace IvrEngine.Queues.Routing;

/// <summary><see cref="RoutingStrategy.Random"/>: any free agent, drawn from the centre's seeded stream.</summary>
internal sealed class RandomChoice(Random random) : IAgentChoice
{
    public AgentsToRing Choose(LiveQueue queue, List<Agent> free) => AgentsToRing.Single(free[random.Next(free.Count)]);
}
