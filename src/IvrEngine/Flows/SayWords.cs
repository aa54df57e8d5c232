namespace IvrEngine.Flows;

/// <summary><c>say pay my bill</c>: what the speech recogniser hears.</summary>
public sealed record SayWords(FlowLocation At, string? Locale, string Source, string Utterance) : CallerStep(At, Locale, Source)
{
    internal override void Perform(FlowCall call) => call.Act(Source, () => call.Session.Say(Utterance));
}
