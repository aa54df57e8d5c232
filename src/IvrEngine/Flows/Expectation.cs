namespace IvrEngine.Flows;

/// <summary>Something the call must show at this point of the flow; a mismatch fails the flow here.</summary>
public abstract record Expectation(FlowLocation At, string? Locale, string Source) : FlowStep(At, Locale, Source)
{
    /// <summary>Null when the call shows what is expected; otherwise what was expected and what happened.</summary>
    internal abstract FlowMismatch? Check(FlowCall call);
}
