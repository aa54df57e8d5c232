using IvrEngine.Menus;

namespace IvrEngine.Calls;

/// <summary>A move to a node, and how the caller got there (forward, back, or the same node again).</summary>
internal sealed record NodeEntry(MenuNode Node, NodeEntryKind Kind);
