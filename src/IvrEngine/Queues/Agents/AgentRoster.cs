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

    /// <summary>
    /// Adds the next agent of the staffing file (or a live agent signing in with queues of their own);
    /// one still finishing an earlier call when the line opens starts busy, and a live seat starts away
    /// until its person signs in and is ready.
    /// </summary>
    public Agent Add(AgentProfile profile)
    {
        var agent = new Agent(profile, _agents.Count, clock.Now);
        agent.RingPipeline = RingPipelines.ForAgent(agent, clock.Time);
        _agents.Add(agent);
        if (profile.Live) agent.MoveTo(AgentState.Away, clock.Now);
        else if (profile.BusyAtStart > Duration.Zero) StartEarlierCall(agent, profile.BusyAtStart);
        return agent;
    }

    public Agent Named(string name) => _agents.Single(a => a.Name == name);

    public Agent? Find(string name) => _agents.Find(a => a.Name == name);

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

    /// <summary>
    /// A ring went unanswered: the agent may be rung again, or, when they asked to log out while it
    /// rang, they go away. Callers of a queue left with nobody are let go at the next turn, outside the
    /// offer that is still ringing for one of them.
    /// </summary>
    public void RingedOut(Agent agent)
    {
        // A simulated agent asked to log out while ringing still goes at the end of their next call, as
        // they always have (the simulations' figures depend on it); a live agent goes now.
        if (!agent.LoggingOut || !agent.IsLive)
        {
            agent.MoveTo(AgentState.Available, clock.Now);
            return;
        }
        agent.LoggingOut = false;
        agent.MoveTo(AgentState.Away, clock.Now);
        clock.After(Duration.Zero, () => admission.EmptyQueuesOf(agent));
    }

    /// <summary>Simulates the call an agent is finishing when the line opens.</summary>
    private void StartEarlierCall(Agent agent, Duration remaining)
    {
        agent.MoveTo(AgentState.OnCall, clock.Now);
        agent.CallStartedAt = clock.Now;
        clock.After(remaining, () => FreeUp(agent));
    }
}
