namespace IvrEngine.Flows;

/// <summary>Something the caller does: press, say, wait, hang up.</summary>
public abstract record CallerStep(FlowLocation At, string? Locale, string Source) : FlowStep(At, Locale, Source)
{
    internal abstract void Perform(FlowCall call);
}
