using IvrEngine.Queues.Admission;
using IvrEngine.Queues.Ringing;
using IvrEngine.Queues.Staffing;
using NodaTime;

namespace IvrEngine.Queues.Agents;

/// <summary>The centre's agents, in staffing-file order, and their moves in and out of service (logging out, freeing up).</summary>
internal sealed class AgentRoster(CenterTimers clock, QueueAdmission admission, Action route)
{
    private readonly List<Agent> _agents = [];

    public IReadOnlyList<Agent> Agents => _agents;

    /// <summary>Adds the next agent of the staffing file; one still finishing an earlier call when the line opens starts busy.</summary>
    public void Add(AgentProfile profile)
    {
        var agent = new Agent(profile, _agents.Count, clock.Now);
        agent.RingPipeline = RingPipelines.ForAgent(agent, clock.Time);
        _agents.Add(agent);
        if (profile.BusyAtStart > Duration.Zero) StartEarlierCall(agent, profile.BusyAtStart);
    }

    public Agent Named(string name) => _agents.Single(a => a.Name == name);

    public bool AnyAvailable()
    {
        foreach (var agent in _agents)
        {
            if (agent.State == AgentState.Available) return true;
        }
        return false;
    }

    /// <summary>
    /// An agent logs out (<paramref name="away"/>) or back in. An agent who is busy finishes the call
    /// and its wrap-up first. Waiting callers of a queue left with nobody leave if it says so.
    /// </summary>
    public void SetAway(Agent agent, bool away)
    {
        agent.LoggingOut = away && agent.State is not (AgentState.Available or AgentState.Away);
        if (agent.LoggingOut || away == (agent.State == AgentState.Away)) return;
        agent.MoveTo(away ? AgentState.Away : AgentState.Available, clock.Now);
        if (away) admission.EmptyQueuesOf(agent);
        else route();
    }

    /// <summary>The agent's call (and wrap-up) is over: back in rotation, or away if they asked to log out.</summary>
    public void FreeUp(Agent agent)
    {
        if (agent.LoggingOut)
        {
            agent.LoggingOut = false;
            agent.MoveTo(AgentState.Away, clock.Now);
            admission.EmptyQueuesOf(agent);
            return;
        }
        agent.MoveTo(AgentState.Available, clock.Now);
        route();
    }

    /// <summary>Simulates the call an agent is finishing when the line opens.</summary>
    private void StartEarlierCall(Agent agent, Duration remaining)
    {
        agent.MoveTo(AgentState.OnCall, clock.Now);
        agent.CallStartedAt = clock.Now;
        clock.After(remaining, () => FreeUp(agent));
    }
}
