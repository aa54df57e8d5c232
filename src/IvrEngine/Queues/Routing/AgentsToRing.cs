namespace IvrEngine.Queues.Routing;

/// <summary>Whom one ring attempt rings: one agent, or several at once who race (the first to pick up wins).</summary>
internal readonly struct AgentsToRing
{
    private AgentsToRing(Agent? one, List<Agent>? race)
    {
        One = one;
        Race = race;
    }

    /// <summary>The one agent rung, or null for a race.</summary>
    public Agent? One { get; }

    /// <summary>The agents rung at once (even a single one rings as a race), or null.</summary>
    public List<Agent>? Race { get; }

    public static AgentsToRing Single(Agent agent) => new(agent, null);

    public static AgentsToRing Racing(List<Agent> agents) => new(null, agents);
}
