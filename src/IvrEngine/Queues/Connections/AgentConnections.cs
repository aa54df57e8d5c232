using IvrEngine.Queues.Agents;
using NodaTime;

namespace IvrEngine.Queues.Connections;

/// <summary>Callers talking to agents: connecting, the end of the talk (resolved, hung up, handed on) and the agent's wrap-up.</summary>
internal sealed class AgentConnections(WaitingLines lines, QueueRecorder recorder, CenterTimers clock, IAgentBehaviour behaviour, AgentRoster roster)
{
    private readonly Dictionary<IQueueCaller, Connection> _connected = [];

    /// <summary>The agent picked up: the caller leaves the line and talks.</summary>
    public void Connect(QueuedCall entry, Agent agent)
    {
        var now = clock.Now;
        var wait = now - entry.JoinedAt;
        var ring = now - agent.StateSince;
        lines.Remove(entry);
        agent.MoveTo(AgentState.OnCall, now);
        agent.CallStartedAt = now;
        agent.CountCall(entry.Queue.Id);
        entry.Queue.Metrics.Answered(wait, callbackLeg: entry.Ahead);
        if (recorder.Recording) recorder.Record(new QueueEvent(now, QueueEventType.Connect, entry.Queue.Id, entry.Call.Reference.ToString(), agent.Name, OriginalPosition: entry.OriginalPosition, Wait: wait, Ring: ring));
        var connection = new Connection(entry.Call, entry.Queue, agent, now, wait, entry.OriginalPosition);
        connection.Talk = behaviour.Talk(agent, entry.Call, entry.Queue.Id, () => AgentFinishes(connection));
        _connected[entry.Call] = connection;
        entry.Call.ConnectedToAgent(agent.Name, wait);
    }

    /// <summary>The caller hung up while talking. False when they were not talking to an agent.</summary>
    public bool CallerHungUp(IQueueCaller call)
    {
        if (!_connected.Remove(call, out var connection)) return false;
        connection.Talk.Dispose();
        var talk = clock.Now - connection.Since;
        if (recorder.Recording) recorder.Record(new QueueEvent(clock.Now, QueueEventType.CompleteCaller, connection.Queue.Id, call.Reference.ToString(), connection.Agent.Name,
            OriginalPosition: connection.OriginalPosition, Wait: connection.Waited, Talk: talk));
        StartWrapUp(connection, talk, transferredOut: false);
        return true;
    }

    /// <summary>The agent hands the caller to <paramref name="queueId"/>; ignored when the caller is not talking to an agent.</summary>
    public void TransferByAgent(IQueueCaller call, string queueId)
    {
        if (!_connected.Remove(call, out var connection)) return;
        connection.Talk.Dispose();
        HandOff(connection, queueId);
    }

    /// <summary>The agent's part is done: resolved (the agent ends the call) or escalated to another queue.</summary>
    private void AgentFinishes(Connection connection)
    {
        if (!_connected.Remove(connection.Call)) return;
        if (behaviour.HandsOnTo(connection.Agent, connection.Queue.Id) is { } escalation)
        {
            HandOff(connection, escalation, agentsOwn: true);
            return;
        }

        var talk = clock.Now - connection.Since;
        if (recorder.Recording) recorder.Record(new QueueEvent(clock.Now, QueueEventType.CompleteAgent, connection.Queue.Id, connection.Call.Reference.ToString(), connection.Agent.Name,
            OriginalPosition: connection.OriginalPosition, Wait: connection.Waited, Talk: talk));
        StartWrapUp(connection, talk, transferredOut: false);
        connection.Call.EndedByAgent(connection.Agent.Name, talk);
    }

    private void HandOff(Connection connection, string queueId, bool agentsOwn = false)
    {
        var talk = clock.Now - connection.Since;
        if (recorder.Recording) recorder.Record(new QueueEvent(clock.Now, QueueEventType.Transfer, connection.Queue.Id, connection.Call.Reference.ToString(), connection.Agent.Name,
            OriginalPosition: connection.OriginalPosition, Wait: connection.Waited, Talk: talk, Detail: queueId));
        StartWrapUp(connection, talk, transferredOut: true);
        connection.Call.HandedOff(queueId, agentsOwn);
    }

    private void StartWrapUp(Connection connection, Duration talk, bool transferredOut)
    {
        var agent = connection.Agent;
        var wrapUp = agent.Profile.WrapUp;
        connection.Queue.RecordHandleTime(talk + wrapUp);
        connection.Queue.Metrics.Handled(talk + wrapUp, transferredOut, connection.Since);
        agent.MoveTo(AgentState.WrapUp, clock.Now);
        agent.WrapUpEndsAt = clock.Now + wrapUp;
        behaviour.WrapUp(agent, () => roster.FreeUp(agent));
    }
}
