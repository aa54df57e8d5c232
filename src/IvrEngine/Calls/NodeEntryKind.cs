namespace IvrEngine.Calls;

/// <summary>How a node is entered: forward (kept for "go back"), back, or repeated (counters and path unchanged).</summary>
internal enum NodeEntryKind
{
    Forward,
    Back,
    Repeat,
}
