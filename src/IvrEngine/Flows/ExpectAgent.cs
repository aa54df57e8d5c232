namespace IvrEngine.Flows;

/// <summary><c>expect agent</c>, <c>expect agent Maria</c>: the caller is talking to an agent (this one) now.</summary>
/// <param name="Name">The agent's name as in the staffing file (<c>Billing 1</c> for counted agents); null for any agent.</param>
public sealed record ExpectAgent(FlowLocation At, string? Locale, string Source, string? Name) : Expectation(At, Locale, Source)
{
    internal override FlowMismatch? Check(FlowCall call)
    {
        var agent = FlowQueueState.Agent(call);
        var holds = agent is not null && (Name is null || agent == Name);
        return holds ? null : new FlowMismatch(Name is null ? "the caller talking to an agent" : $"the caller talking to {Name}", FlowQueueState.Describe(call));
    }
}
