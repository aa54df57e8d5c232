namespace IvrEngine.Flows;

/// <summary>A failed expectation rewritten to what the call shows now (<c>ivr test --update</c>): the step at <paramref name="At"/>, from <paramref name="Old"/> to <paramref name="New"/>.</summary>
public sealed record FlowUpdate(FlowLocation At, string Old, string New);
