namespace IvrEngine.Flows;

/// <summary><c>hangup</c>: the caller hangs up.</summary>
public sealed record HangUp(FlowLocation At, string? Locale, string Source) : CallerStep(At, Locale, Source)
{
    internal override void Perform(FlowCall call) => call.Act(Source, call.Session.HangUp);
}
