namespace IvrEngine.Queues.Routing;

/// <summary>One centre's agent-choice strategies, by <see cref="RoutingStrategy"/>.</summary>
internal sealed class AgentChoices(Random random)
{
    private readonly IAgentChoice _longestIdle = new LongestIdleChoice();
    private readonly IAgentChoice _roundRobin = new RoundRobinChoice();
    private readonly IAgentChoice _fewestCalls = new FewestCallsChoice();
    private readonly IAgentChoice _random = new RandomChoice(random);
    private readonly IAgentChoice _linear = new LinearChoice();
    private readonly IAgentChoice _ringAll = new RingAllChoice();

    public IAgentChoice For(RoutingStrategy strategy) => strategy switch
    {
        RoutingStrategy.RoundRobin => _roundRobin,
        RoutingStrategy.FewestCalls => _fewestCalls,
        RoutingStrategy.Random => _random,
        RoutingStrategy.Linear => _linear,
        RoutingStrategy.RingAll => _ringAll,
        _ => _longestIdle,
    };
}
