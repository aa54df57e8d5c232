namespace IvrEngine.Flows;

/// <summary>
/// One problem in a flow file, reported as <c>file(line,col): error FLOWnnnn: message</c>, the same
/// shape as <c>ivr validate</c>'s lines. Codes are listed in <c>docs/flows.md</c>.
/// </summary>
public sealed record FlowDiagnostic(FlowLocation At, string Code, string Message)
{
    public override string ToString() => $"{At}: error {Code}: {Message}";
}
