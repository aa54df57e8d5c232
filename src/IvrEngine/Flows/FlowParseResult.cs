using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace IvrEngine.Flows;

/// <summary>
/// A parsed flow file and every problem found in it (and in the steps files it includes). With
/// problems, <see cref="File"/> holds what parsed (null when even the header is unusable), so the
/// loader can still report names the menu does not have; it is runnable only when <see cref="Succeeded"/>.
/// </summary>
public sealed record FlowParseResult(FlowFile? File, ImmutableArray<FlowDiagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(File))]
    public bool Succeeded => File is not null && Diagnostics.IsEmpty;
}
