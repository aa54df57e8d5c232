using System.Collections.Immutable;

namespace IvrEngine.Flows;

/// <summary>A parsed <c>.flow</c> file: the header every call shares and one or more flows.</summary>
public sealed record FlowFile(string Path, FlowHeader Header, ImmutableArray<Flow> Flows);
