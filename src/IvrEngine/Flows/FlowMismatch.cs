namespace IvrEngine.Flows;

/// <summary>Why an expectation failed, in the words of the failure message: "expected …", "but …".</summary>
internal sealed record FlowMismatch(string Expected, string Actual);
