using NodaTime;

namespace IvrEngine.Flows;

/// <summary>
/// <c>expect wait &lt;= 5m</c>, <c>expect wait unknown</c>: the expected wait the call centre
/// computes now for the waiting caller (<see cref="Queues.CallCenter.ExpectedWaitOf"/>), the figure
/// the next announcement would say; unknown while there are too few finished calls to estimate from.
/// </summary>
/// <param name="AtMost">The longest expected wait that passes; null for <c>unknown</c>.</param>
public sealed record ExpectWait(FlowLocation At, string? Locale, string Source, Duration? AtMost) : Expectation(At, Locale, Source)
{
    internal override FlowMismatch? Check(FlowCall call)
    {
        var expected = AtMost is { } most ? $"an expected wait of at most {DurationText.Format(most)}" : "no estimate of the wait yet (unknown)";
        if (call.Center?.PositionOf(call.Session) is null) return new FlowMismatch(expected, FlowQueueState.Describe(call));
        var estimate = call.Center.ExpectedWaitOf(call.Session);
        var holds = AtMost is { } limit ? estimate is { } e && e <= limit : estimate is null;
        if (holds) return null;
        var actual = estimate is { } known
            ? $"the line expects {DurationText.Format(Duration.FromSeconds(Math.Round(known.TotalSeconds)))}"
            : "the line has no estimate yet (fewer than three finished calls in the queue)";
        return new FlowMismatch(expected, $"{actual}; {FlowQueueState.Describe(call)}");
    }
}
