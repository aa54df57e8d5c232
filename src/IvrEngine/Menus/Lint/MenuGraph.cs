namespace IvrEngine.Menus.Lint;

/// <summary>The actions a node can take, and which nodes can end up at a person or a goodbye.</summary>
internal static class MenuGraph
{
    /// <summary>Every action of a node: options, next, collect.next, retries exhausted, and the escape when it is on.</summary>
    public static IEnumerable<MenuAction> Actions(MenuNode node)
    {
        foreach (var option in node.Options) yield return option.Action;
        if (node.Next is { } next) yield return next;
        if (node.Collect is { } collect) yield return collect.Next;
        yield return node.OnRetriesExhausted;
        if (node.Escape.Mode != EscapeMode.Disabled) yield return node.Escape.Target;
    }

    /// <summary>The node an action moves to; <c>back</c> and <c>mainMenu</c> count as the start node.</summary>
    public static string? Target(Menu menu, MenuAction action) => action switch
    {
        GoToNode go => go.NodeId,
        GoBack or GoToMainMenu => menu.StartNodeId,
        _ => null,
    };

    /// <summary>Nodes from which some sequence of actions reaches an action that <paramref name="isExit"/> accepts.</summary>
    /// <remarks>Walked backwards from the nodes with an exit, each edge once: linear in the menu, whatever its shape.</remarks>
    public static HashSet<string> CanReach(Menu menu, Func<MenuAction, bool> isExit, Func<MenuNode, IEnumerable<MenuAction>>? actions = null)
    {
        actions ??= Actions;
        var reaching = new HashSet<string>(StringComparer.Ordinal);
        var comingFrom = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        foreach (var node in menu.Nodes.Values)
        {
            foreach (var action in actions(node))
            {
                if (isExit(action))
                {
                    if (reaching.Add(node.Id)) pending.Enqueue(node.Id);
                }
                else if (Target(menu, action) is { } target)
                {
                    if (!comingFrom.TryGetValue(target, out var sources)) comingFrom[target] = sources = [];
                    sources.Add(node.Id);
                }
            }
        }

        while (pending.TryDequeue(out var id))
        {
            foreach (var source in comingFrom.GetValueOrDefault(id) ?? [])
            {
                if (reaching.Add(source)) pending.Enqueue(source);
            }
        }

        return reaching;
    }
}
