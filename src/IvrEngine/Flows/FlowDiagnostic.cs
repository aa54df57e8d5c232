namespace IvrEngine.Flows;

/// <summary>
/// One problem in a flow file, reported as <c>file(line,col): error FLOWnnnn: message</c>, the same
/// shape as <c>ivr validate</c>'s lines. Codes are listed in <c>docs/flows.md</c>.
/// </summary>
public sealed record FlowDiagnostic(FlowLocation At, string Code, string Message)
{
    /// <remarks>Control characters and bidi overrides from the flow are escaped: one diagnostic, one line.</remarks>
    public override string ToString() => Menus.PrintableText.Escape($"{At}: error {Code}: {Message}");
}
