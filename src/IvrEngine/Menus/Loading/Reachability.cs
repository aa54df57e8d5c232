namespace IvrEngine.Menus.Loading;

/// <summary>
/// Which nodes a call can get to from the start node. Edges are every <c>goto</c> a node can take
/// (options, <c>next</c>, <c>collect.next</c>, <c>onRetriesExhausted</c>, <c>escape.to</c>) plus the
/// budget target and queue overflows, which any call can hit; <c>back</c> and <c>mainMenu</c> only
/// return to visited nodes.
/// </summary>
internal static class Reachability
{
    public static HashSet<string> From(string start, IReadOnlyDictionary<string, MenuNode> nodes, IEnumerable<MenuAction> callWideTargets)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        Visit(new GoToNode(start));
        foreach (var target in callWideTargets)
        {
            Visit(target);
        }

        while (pending.Count > 0)
        {
            if (!nodes.TryGetValue(pending.Pop(), out var node))
            {
                continue;
            }

            foreach (var option in node.Options)
            {
                Visit(option.Action);
            }

            Visit(node.Collect?.Next);
            Visit(node.Next);
            Visit(node.OnRetriesExhausted);
            Visit(node.Escape.Target);
        }

        return reached;

        void Visit(MenuAction? action)
        {
            if (action is GoToNode { NodeId: var id } && reached.Add(id))
            {
                pending.Push(id);
            }
        }
    }
}
