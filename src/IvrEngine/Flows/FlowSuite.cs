using System.Collections.Immutable;

namespace IvrEngine.Flows;

/// <summary>Flow files ready to run, as runs (a flow in each of its locales), and the problems of the files that are not.</summary>
/// <param name="BadFiles">How many files have problems (a bad file runs none of its flows).</param>
public sealed record FlowSuite(ImmutableArray<FlowCase> Cases, ImmutableArray<FlowDiagnostic> Diagnostics, int FileCount, int BadFiles);
