using IvrEngine.Calls;

namespace IvrEngine.Flows;

/// <summary>
/// <c>expect outcome transferred general</c>, <c>expect outcome self-service</c>: how the call ended.
/// </summary>
/// <param name="QueueId">For <c>transferred</c>: the queue, or null for any queue.</param>
public sealed record ExpectOutcome(FlowLocation At, string? Locale, string Source, CallOutcomeKind Kind, string? QueueId) : Expectation(At, Locale, Source)
{
    internal override FlowMismatch? Check(FlowCall call)
    {
        var outcome = call.Session.Outcome;
        var matches = outcome is not null && outcome.Kind == Kind && (QueueId is null || outcome.QueueId == QueueId);
        return matches ? null : new FlowMismatch($"the call ended: {FlowText.OutcomeName(Kind)}{(QueueId is null ? "" : $" {QueueId}")}", FlowText.OutcomeSoFar(call.Session));
    }
}
