namespace IvrEngine.Flows;

/// <summary><c>press 1</c>, <c>press 1234567#</c>: keys in a run, with no pause between them.</summary>
public sealed record PressKeys(FlowLocation At, string? Locale, string Source, string Keys) : CallerStep(At, Locale, Source)
{
    internal override void Perform(FlowCall call) => call.Act(Source, () => call.Session.Press(Keys));
}
