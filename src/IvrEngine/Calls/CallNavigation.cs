using IvrEngine.Menus;

namespace IvrEngine.Calls;

/// <summary>
/// Where a call is in its menu: the current node, the nodes entered so far, the history "go back"
/// returns through, and the loop guard — a menu that moves the caller this many times without waiting
/// for them (announcements pointing at each other, queues turning callers away into each other) is
/// looping, and the call ends instead of spinning for ever.
/// </summary>
internal sealed class CallNavigation(MenuNode start)
{
    public const int MaxMovesWithoutInput = 32;

    private readonly Stack<MenuNode> _history = new();
    private readonly List<string> _path = [];
    private int _movesWithoutInput;

    /// <summary>The node the caller is at (the last one, once the call has ended); null before the first.</summary>
    public MenuNode? Node { get; private set; }

    /// <summary>Every node the call entered, in order.</summary>
    public IReadOnlyList<string> Path => _path;

    /// <summary>Moves to the entry's node. False for a repeat of the same node (nothing new entered).</summary>
    public bool Enter(NodeEntry entry)
    {
        var node = entry.Node;
        if (entry.Kind == NodeEntryKind.Forward && Node is not null && !ReferenceEquals(Node, node)) _history.Push(Node);
        if (entry.Kind == NodeEntryKind.Repeat) return false;
        Node = node;
        _path.Add(node.Id);
        return true;
    }

    /// <summary>Where "go back" leads: the node before, or the start when there is none.</summary>
    public MenuNode Back() => _history.Count > 0 ? _history.Pop() : start;

    /// <summary>The line moved the caller on by itself; true once it has done so too many times in a row.</summary>
    public bool MovedWithoutInput() => ++_movesWithoutInput > MaxMovesWithoutInput;

    /// <summary>The caller acted, or waits in a queue (time moves them on there, not a loop): the guard starts again.</summary>
    public void Waited() => _movesWithoutInput = 0;
}
