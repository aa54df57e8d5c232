namespace IvrEngine.Menus.Lint;

/// <summary>IVRL004: the shortest way to a menu node passes through more menus than the limit.</summary>
internal sealed class TooDeepRule : LintRule
{
    public override string Code => "IVRL004";

    public override string Why => "every extra level is another prompt to sit through and another chance to give up";

    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        var menu = context.Menu;
        var (depth, parent) = Levels(menu);
        foreach (var node in context.Nodes.Where(n => n.Kind == NodeKind.Menu && depth.TryGetValue(n.Id, out var d) && d > context.Options.MaxDepth))
        {
            var path = new List<string>();
            for (var id = node.Id; id is not null; id = parent.GetValueOrDefault(id)) path.Insert(0, id);
            yield return new LintFinding(node.Id, context.Node(node.Id),
                $"node '{node.Id}' is menu level {depth[node.Id]} ({string.Join(" > ", path)}); the limit is {context.Options.MaxDepth}");
        }
    }

    /// <summary>Fewest menus on a caller's way to each node (0-1 breadth-first: entering a menu node costs one).</summary>
    private static (Dictionary<string, int> Depth, Dictionary<string, string> Parent) Levels(Menu menu)
    {
        static int Cost(MenuNode node) => node.Kind == NodeKind.Menu ? 1 : 0;
        var depth = new Dictionary<string, int>(StringComparer.Ordinal) { [menu.StartNodeId] = Cost(menu.StartNode) };
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new LinkedList<string>([menu.StartNodeId]);
        while (pending.First is { } first)
        {
            pending.RemoveFirst();
            var node = menu.Nodes[first.Value];
            var chosen = node.Options.Select(o => o.Action).Append(node.Next).Append(node.Collect?.Next);
            foreach (var target in chosen.OfType<GoToNode>().Select(g => g.NodeId).Where(menu.Nodes.ContainsKey))
            {
                var next = menu.Nodes[target];
                var d = depth[node.Id] + Cost(next);
                if (depth.TryGetValue(target, out var known) && known <= d) continue;
                depth[target] = d;
                parent[target] = node.Id;
                if (Cost(next) == 0) pending.AddFirst(target);
                else pending.AddLast(target);
            }
        }

        return (depth, parent);
    }
}
