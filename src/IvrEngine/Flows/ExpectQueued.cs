using IvrEngine.Calls;

namespace IvrEngine.Flows;

/// <summary>
/// <c>expect queued billing</c>: the call was handed to this queue. Today a transfer ends the IVR
/// part, so this reads the call's outcome; once the queue engine lands it will also hold while the
/// caller waits in the queue.
/// </summary>
public sealed record ExpectQueued(FlowLocation At, string? Locale, string Source, string QueueId) : Expectation(At, Locale, Source)
{
    internal override FlowMismatch? Check(FlowCall call) =>
        call.Session.Outcome is { Kind: CallOutcomeKind.TransferredToQueue } outcome && outcome.QueueId == QueueId
            ? null
            : new FlowMismatch($"the call handed to queue {QueueId}", FlowText.OutcomeSoFar(call.Session));
}
