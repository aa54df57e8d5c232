namespace IvrEngine.Flows;

/// <summary><c>expect position 1</c>, <c>expect position &lt;= 3</c>: the caller's place in the queue they wait in (1 = next).</summary>
public sealed record ExpectPosition(FlowLocation At, string? Locale, string Source, int Position, bool AtMost) : Expectation(At, Locale, Source)
{
    internal override FlowMismatch? Check(FlowCall call)
    {
        var expected = $"the caller waiting at position {(AtMost ? "<= " : "")}{Position}";
        if (call.Center?.PositionOf(call.Session) is not { } position) return new FlowMismatch(expected, FlowQueueState.Describe(call));
        var holds = AtMost ? position <= Position : position == Position;
        return holds ? null : new FlowMismatch(expected, FlowQueueState.Describe(call));
    }
}
