using IvrEngine.Calls;

namespace IvrEngine.Flows;

/// <summary>
/// <c>expect queued billing</c>: the call is at this queue. With simulated agents (<c>staffing:</c>)
/// the caller is waiting in it now; without them a transfer ends the call, so the call ended
/// "transferred to queue billing". The two never both apply to one call.
/// </summary>
public sealed record ExpectQueued(FlowLocation At, string? Locale, string Source, string QueueId) : Expectation(At, Locale, Source)
{
    internal override FlowMismatch? Check(FlowCall call)
    {
        if (call.Center is null)
        {
            return call.Session.Outcome is { Kind: CallOutcomeKind.TransferredToQueue } outcome && outcome.QueueId == QueueId
                ? null
                : new FlowMismatch($"the call handed to queue {QueueId}", FlowText.OutcomeSoFar(call.Session));
        }
        return FlowQueueState.WaitingIn(call) == QueueId ? null : new FlowMismatch($"the caller waiting in queue {QueueId}", FlowQueueState.Describe(call));
    }
}
