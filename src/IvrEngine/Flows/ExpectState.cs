using IvrEngine.Calls;

namespace IvrEngine.Flows;

/// <summary><c>expect state in-menu</c>: the call's coarse state (<see cref="CallState"/>).</summary>
public sealed record ExpectState(FlowLocation At, string? Locale, string Source, CallState State) : Expectation(At, Locale, Source)
{
    internal override FlowMismatch? Check(FlowCall call) =>
        call.Session.State == State
            ? null
            : new FlowMismatch($"the call {FlowText.StateName(State)}", $"it is {FlowText.StateName(call.Session.State)}");
}
