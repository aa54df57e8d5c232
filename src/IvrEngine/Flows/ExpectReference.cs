using IvrEngine.Calls;

namespace IvrEngine.Flows;

/// <summary>
/// <c>expect reference</c>: the line has told the caller the call's reference number (in any prompt
/// so far, as digits read out or as <c>486-036-095</c>), so a repeat call can pick up where this left off.
/// </summary>
public sealed record ExpectReference(FlowLocation At, string? Locale, string Source) : Expectation(At, Locale, Source)
{
    internal override FlowMismatch? Check(FlowCall call)
    {
        var reference = call.Session.Reference;
        var spoken = PromptRenderer.Render("{reference:digits}", _ => reference.ToString());
        return call.AllPrompts.Any(p => p.Contains(spoken, StringComparison.Ordinal) || p.Contains(reference.ToString(), StringComparison.Ordinal))
            ? null
            : new FlowMismatch($"a prompt telling the caller the reference number {reference}", "no prompt so far says it");
    }
}
