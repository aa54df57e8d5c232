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
        var paths = new ShortestPaths(menu.StartNodeId, parent);
        foreach (var node in context.Nodes.Where(n => n.Kind == NodeKind.Menu && depth.TryGetValue(n.Id, out var d) && d > context.Options.MaxDepth))
        {
            yield return new LintFinding(node.Id, context.Node(node.Id),
                $"node '{node.Id}' is menu level {depth[node.Id]} ({paths.Describe(node.Id)}); the limit is {context.Options.MaxDepth}");
        }
    }

    /// <summary>
    /// The way to each node, said in bounded length: its first and last few nodes, with the count of
    /// those between. Each node's first few are worked out once, so a 20,000-node chain costs linear
    /// time and short lines rather than 20,000 full paths.
    /// </summary>
    private sealed class ShortestPaths(string start, Dictionary<string, string> parent)
    {
        private readonly Dictionary<string, (int Hops, string[] Head)> _known = new(StringComparer.Ordinal) { [start] = (1, [start]) };

        public string Describe(string id)
        {
            var (hops, head) = Known(id);
            var tail = new List<string>();
            for (var step = id; tail.Count < Loading.NameList.Shown && tail.Count < hops - head.Length; step = parent[step]) tail.Insert(0, step);
            var between = hops - head.Length - tail.Count;
            var middle = between > 0 ? [string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({between:N0} more)")] : Array.Empty<string>();
            return string.Join(" > ", head.Concat(middle).Concat(tail));
        }

        private (int Hops, string[] Head) Known(string id)
        {
            var unknown = new Stack<string>();
            for (var step = id; !_known.ContainsKey(step); step = parent[step]) unknown.Push(step);
            while (unknown.TryPop(out var step))
            {
                var (hops, head) = _known[parent[step]];
                _known[step] = (hops + 1, head.Length < Loading.NameList.Shown ? [.. head, step] : head);
            }
            return _known[id];
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
