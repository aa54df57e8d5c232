using IvrEngine.Calls;

namespace IvrEngine.Flows;

/// <summary>Where a call stands with the queues, in the words of failure messages.</summary>
internal static class FlowQueueState
{
    /// <summary>The queue the caller is waiting in now, or null.</summary>
    public static string? WaitingIn(FlowCall call) =>
        call.Session.State == CallState.Queued && call.Session.QueueVisits.Count > 0 && call.Session.QueueVisits[^1] is { LeftAt: null } visit ? visit.Queue : null;

    /// <summary>The agent the caller is talking to now (from the transcript's last connection), or null.</summary>
    public static string? Agent(FlowCall call) =>
        call.Session.State == CallState.WithAgent
            ? call.Session.Transcript.Events.LastOrDefault(e => e.Type == CallEventType.AgentConnected)?.Text
            : null;

    /// <summary>"the caller is waiting in queue billing at position 2", "the caller is talking to Maria (queue general)", or the outcome so far.</summary>
    public static string Describe(FlowCall call)
    {
        if (WaitingIn(call) is { } queue)
        {
            var position = call.Center?.PositionOf(call.Session);
            return $"the caller is waiting in queue {queue}{(position is null ? "" : $" at position {position}")}";
        }
        if (Agent(call) is { } agent) return $"the caller is talking to {agent} (answered in queue {call.Session.QueueVisits[^1].Queue})";
        return FlowText.OutcomeSoFar(call.Session);
    }
}
