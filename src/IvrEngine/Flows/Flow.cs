using System.Collections.Immutable;

namespace IvrEngine.Flows;

/// <summary>One scripted call: a name and its steps (included steps already spliced in).</summary>
public sealed record Flow(string Name, FlowLocation At, ImmutableArray<FlowStep> Steps);
