using IvrEngine.Calls;
using IvrEngine.Queues;
using IvrEngine.Time;

namespace IvrEngine.Flows;

/// <summary>
/// A flow's call while it runs: the real <see cref="CallSession"/> on its own <see cref="VirtualClock"/>,
/// plus where the caller last acted, because <c>expect prompt</c> looks at what was said since then,
/// and the call centre behind it when the flow has simulated agents.
/// </summary>
internal sealed class FlowCall(CallSession session, VirtualClock clock, CallCenter? center = null)
{
    private int _heardFrom;

    public CallSession Session => session;

    public VirtualClock Clock => clock;

    /// <summary>The flow's own call centre (<c>staffing:</c>), or null when transfers end the call.</summary>
    public CallCenter? Center => center;

    /// <summary>The caller's last step as written (<c>press 2</c>), or null before the first one.</summary>
    public string? LastAction { get; private set; }

    /// <summary>Prompts said since the caller's last action (since the call was answered, before any).</summary>
    public IEnumerable<string> PromptsSinceLastAction => PromptsFrom(_heardFrom);

    /// <summary>Every prompt said on the call so far.</summary>
    public IEnumerable<string> AllPrompts => PromptsFrom(0);

    /// <summary>Runs a caller action and starts a fresh "heard since" window at it.</summary>
    public void Act(string source, Action action)
    {
        _heardFrom = session.Transcript.Events.Count;
        LastAction = source;
        action();
    }

    /// <summary>"since `press 2`" or "since the call was answered", for messages.</summary>
    public string SinceWhat => LastAction is null ? "since the call was answered" : $"since `{LastAction}`";

    private IEnumerable<string> PromptsFrom(int index)
    {
        var events = session.Transcript.Events;
        for (var i = index; i < events.Count; i++)
        {
            if (events[i].Type == CallEventType.Prompt) yield return events[i].Text!;
        }
    }
}
