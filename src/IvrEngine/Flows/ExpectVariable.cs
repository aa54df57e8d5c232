namespace IvrEngine.Flows;

/// <summary><c>expect variable orderNumber = 1234567</c>: a collector node stored this value.</summary>
public sealed record ExpectVariable(FlowLocation At, string? Locale, string Source, string Name, string Value) : Expectation(At, Locale, Source)
{
    internal override FlowMismatch? Check(FlowCall call) =>
        call.Session.Variables.TryGetValue(Name, out var actual)
            ? actual == Value ? null : new FlowMismatch($"{Name} = {Value}", $"{Name} = {actual}")
            : new FlowMismatch($"{Name} = {Value}", $"no value for {Name} was collected");
}
