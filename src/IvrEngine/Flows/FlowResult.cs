using IvrEngine.Calls;

namespace IvrEngine.Flows;

/// <summary>How one run went: passed, or the failure message; and the call it made, for transcripts and coverage.</summary>
public sealed record FlowResult(FlowCase Case, string? Failure, CallSession Call, TimeSpan Elapsed)
{
    public bool Passed => Failure is null;

    /// <summary>With <see cref="FlowRunner.Update"/>: each failed expectation that can be rewritten, and what to.</summary>
    public System.Collections.Immutable.ImmutableArray<FlowUpdate> Updates { get; init; } = [];
}
