namespace IvrEngine.Queues.Agents;

/// <summary>A staffing file may mix simulated agents and live seats: each agent acts through the behaviour of its kind.</summary>
internal sealed class AgentBehaviours(SimulatedAgentBehaviour simulated, LiveAgentBehaviour live) : IAgentBehaviour
{
    public ValueTask<RingResult> RingAsync(Agent agent, IQueueCaller call, string queueId, bool raced, CancellationToken cancel) =>
        Of(agent).RingAsync(agent, call, queueId, raced, cancel);

    public void RingEnded(Agent agent, IQueueCaller call, string queueId, RingEnd how) => Of(agent).RingEnded(agent, call, queueId, how);

    public IDisposable Talk(Agent agent, IQueueCaller call, string queueId, Action finished) => Of(agent).Talk(agent, call, queueId, finished);

    public string? HandsOnTo(Agent agent, string queueId) => Of(agent).HandsOnTo(agent, queueId);

    public IDisposable WrapUp(Agent agent, Action done) => Of(agent).WrapUp(agent, done);

    private IAgentBehaviour Of(Agent agent) => agent.IsLive ? live : simulated;
}
