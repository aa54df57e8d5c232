namespace IvrEngine.Menus.Loading;

/// <summary>
/// Finds announcements that lead back to themselves without ever waiting for the caller
/// (a → b → a through <c>next</c>): a call entering one would spin until the engine's loop guard
/// ends it. Only <c>goto</c> and <c>mainMenu</c> edges between announcements count; any menu or
/// collector on the way waits for the caller and breaks the loop. An announcement whose <c>next</c>
/// is <c>back</c> returns to the node the call came from, so an announcement leading into it loops
/// with it (a → b, b back to a).
/// </summary>
/// <remarks>
/// Each announcement has at most one next announcement, so one walk per node that stops at any node
/// already walked finds every loop in time linear in the menu: a 20,000-node chain loads at once.
/// </remarks>
internal static class AnnouncementLoops
{
    /// <summary>Each loop once, as its node ids in order, starting from its first node in file order; loops in that order too.</summary>
    public static IEnumerable<IReadOnlyList<string>> Find(string start, IReadOnlyDictionary<string, MenuNode> nodes, IEnumerable<string> fileOrder)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in fileOrder) rank.TryAdd(id, rank.Count);

        // The walk that first reached each node, and where on that walk's path it stands.
        var walked = new Dictionary<string, (int Walk, int Index)>(StringComparer.Ordinal);
        var loops = new List<IReadOnlyList<string>>();
        var path = new List<string>();
        foreach (var id in rank.Keys)
        {
            path.Clear();
            var walk = walked.Count;
            var current = id;
            while (current is not null && !walked.ContainsKey(current))
            {
                walked[current] = (walk, path.Count);
                path.Add(current);
                current = NextAnnouncement(current);
            }
            if (current is not null && walked[current].Walk == walk) loops.Add(FromFirst(path.GetRange(walked[current].Index, path.Count - walked[current].Index)));
        }

        // An announcement leading into one that goes back: the caller is sent back to it, and on again.
        foreach (var id in rank.Keys)
        {
            if (NextAnnouncement(id) is { } next && nodes[next].Next is GoBack) loops.Add([id, next]);
        }

        return loops.OrderBy(loop => loop.Min(Rank));

        int Rank(string id) => rank.GetValueOrDefault(id, int.MaxValue);

        IReadOnlyList<string> FromFirst(List<string> loop)
        {
            var first = loop.IndexOf(loop.MinBy(Rank)!);
            return [.. loop.Skip(first), .. loop.Take(first)];
        }

        string? NextAnnouncement(string id)
        {
            if (!nodes.TryGetValue(id, out var node) || node.Kind != NodeKind.Announcement) return null;
            var next = node.Next switch
            {
                GoToNode goTo => goTo.NodeId,
                GoToMainMenu => start,
                _ => null,
            };
            return next is not null && nodes.TryGetValue(next, out var target) && target.Kind == NodeKind.Announcement ? next : null;
        }
    }
}
