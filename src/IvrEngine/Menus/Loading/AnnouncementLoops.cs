namespace IvrEngine.Menus.Loading;

/// <summary>
/// Finds announcements that lead back to themselves without ever waiting for the caller
/// (a → b → a through <c>next</c>): a call entering one would spin until the engine's loop guard
/// ends it. Only <c>goto</c> and <c>mainMenu</c> edges between announcements count; any menu or
/// collector on the way waits for the caller and breaks the loop. An announcement whose <c>next</c>
/// is <c>back</c> returns to the node the call came from, so an announcement leading into it loops
/// with it (a → b, b back to a).
/// </summary>
/// <remarks>Each announcement has at most one next announcement, so the loops are found in linear time: a 20,000-node chain loads at once.</remarks>
internal static class AnnouncementLoops
{
    /// <summary>Each loop once, as its node ids in order, starting from its first node in file order; loops in that order too.</summary>
    public static IEnumerable<IReadOnlyList<string>> Find(string start, IReadOnlyDictionary<string, MenuNode> nodes, IEnumerable<string> fileOrder)
    {
        var order = fileOrder.ToList();
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in order) rank.TryAdd(id, rank.Count);

        IEnumerable<IReadOnlyList<string>> loops = FunctionalCycles.Find(order, NextAnnouncement);

        // An announcement leading into one that goes back: the caller is sent back to it, and on again.
        var throughBack = rank.Keys
            .Where(id => NextAnnouncement(id) is { } next && nodes[next].Next is GoBack)
            .Select(id => (IReadOnlyList<string>)[id, NextAnnouncement(id)!]);

        return loops.Concat(throughBack).OrderBy(loop => loop.Min(id => rank.GetValueOrDefault(id, int.MaxValue)));

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
