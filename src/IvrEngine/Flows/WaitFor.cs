using IvrEngine.Calls;
using NodaTime;

namespace IvrEngine.Flows;

/// <summary>
/// <c>wait 5s</c>: let time pass in silence, so no-input timeouts fire. Bare <c>wait</c> waits until
/// the line next says something (a prompt, a queue announcement), an agent answers, or the call ends.
/// </summary>
public sealed record WaitFor(FlowLocation At, string? Locale, string Source, Duration? Duration) : CallerStep(At, Locale, Source)
{
    internal override void Perform(FlowCall call) => call.Act(Source, () =>
    {
        if (Duration is { } duration)
        {
            call.Clock.Advance(duration);
            return;
        }
        var heard = call.Session.Transcript.Events.Count;
        while (!call.Session.IsEnded && !SaidSomething(call, heard) && call.Clock.RunNext())
        {
        }
    });

    private static bool SaidSomething(FlowCall call, int from)
    {
        var events = call.Session.Transcript.Events;
        for (var i = from; i < events.Count; i++)
        {
            if (events[i].Type is CallEventType.Prompt or CallEventType.AgentConnected) return true;
        }
        return false;
    }
}
