namespace IvrEngine.Queues.Routing;

/// <summary>A queue's agent-choice strategy: whom of the free agents to ring for one attempt.</summary>
internal interface IAgentChoice
{
    /// <param name="free">The members free to ring for this caller now, in staffing order; never empty.</param>
    AgentsToRing Choose(LiveQueue queue, List<Agent> free);
}
