using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace IvrEngine.Flows;

/// <summary>A parsed flow file, or every problem found in it (and in the steps files it includes).</summary>
public sealed record FlowParseResult(FlowFile? File, ImmutableArray<FlowDiagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(File))]
    public bool Succeeded => File is not null && Diagnostics.IsEmpty;
}
