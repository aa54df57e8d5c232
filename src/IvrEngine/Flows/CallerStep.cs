namespace IvrEngine.Flows;

/// <summary>Something the caller does: press, say, wait, hang up, have the agent transfer them.</summary>
public abstract record CallerStep(FlowLocation At, string? Locale, string Source) : FlowStep(At, Locale, Source)
{
    /// <summary>Null when the step can be done now; otherwise why not (the run fails at the step).</summary>
    internal virtual FlowMismatch? CannotPerform(FlowCall call) => null;

    internal abstract void Perform(FlowCall call);
}
