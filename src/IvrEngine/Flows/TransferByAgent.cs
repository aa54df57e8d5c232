using IvrEngine.Calls;

namespace IvrEngine.Flows;

/// <summary>
/// <c>transfer retention</c>: the agent the caller is talking to hands them to another queue, as
/// the console's <c>transfer</c> command does. The step fails when no agent is on the line.
/// </summary>
public sealed record TransferByAgent(FlowLocation At, string? Locale, string Source, string QueueId) : CallerStep(At, Locale, Source)
{
    internal override FlowMismatch? CannotPerform(FlowCall call) =>
        call.Center is not null && call.Session.State == CallState.WithAgent
            ? null
            : new FlowMismatch($"an agent on the line to hand the caller to queue {QueueId}", FlowQueueState.Describe(call));

    internal override void Perform(FlowCall call) => call.Act(Source, () => call.Center!.TransferByAgent(call.Session, QueueId));
}
