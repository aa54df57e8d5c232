namespace IvrEngine.Flows;

/// <summary>Something the call must show at this point of the flow; a mismatch fails the flow here.</summary>
public abstract record Expectation(FlowLocation At, string? Locale, string Source) : FlowStep(At, Locale, Source)
{
    /// <summary>Null when the call shows what is expected; otherwise what was expected and what happened.</summary>
    internal abstract FlowMismatch? Check(FlowCall call);

    /// <summary>The step rewritten to what the call shows now (<c>ivr test --update</c>), or null when it cannot be.</summary>
    internal virtual string? Snapshot(FlowCall call) => null;
}
