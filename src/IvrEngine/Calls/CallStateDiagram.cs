using Stateless.Graph;

namespace IvrEngine.Calls;

/// <summary>
/// The call state machine drawn from Stateless's own description of it. The machine is the same for
/// every call, so drawing it needs no menu and no call.
/// </summary>
public static class CallStateDiagram
{
    /// <summary>A Mermaid state diagram.</summary>
    public static string Mermaid() => MermaidGraph.Format(CallSession.DescribeMachine());

    /// <summary>A Graphviz DOT graph.</summary>
    public static string Dot() => UmlDotGraph.Format(CallSession.DescribeMachine());
}
