namespace IvrEngine.Flows;

/// <summary><c>expect node billing</c>: the caller is at this node (the last one, once the call has ended).</summary>
public sealed record ExpectNode(FlowLocation At, string? Locale, string Source, string NodeId) : Expectation(At, Locale, Source)
{
    internal override FlowMismatch? Check(FlowCall call) =>
        call.Session.CurrentNodeId == NodeId
            ? null
            : new FlowMismatch($"the caller at node '{NodeId}'", $"the caller is at node '{call.Session.CurrentNodeId}' (path {string.Join(" > ", call.Session.Path)})");

    internal override string? Snapshot(FlowCall call) => $"expect node {call.Session.CurrentNodeId}";
}
