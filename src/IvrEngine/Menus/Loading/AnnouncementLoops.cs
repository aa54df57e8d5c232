namespace IvrEngine.Menus.Loading;

/// <summary>
/// Finds announcements that lead back to themselves without ever waiting for the caller
/// (a → b → a through <c>next</c>): a call entering one would spin until the engine's loop guard
/// ends it. Only <c>goto</c> and <c>mainMenu</c> edges between announcements count; any menu or
/// collector on the way waits for the caller and breaks the loop.
/// </summary>
internal static class AnnouncementLoops
{
    /// <summary>Each loop once, as its node ids in order, starting from the first node in file order.</summary>
    public static IEnumerable<IReadOnlyList<string>> Find(string start, IReadOnlyDictionary<string, MenuNode> nodes, IEnumerable<string> fileOrder)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in fileOrder)
        {
            if (reported.Contains(id)) continue;
            var path = new List<string>();
            var current = id;
            while (current is not null && !path.Contains(current))
            {
                path.Add(current);
                current = NextAnnouncement(current);
            }
            if (current != id) continue;
            reported.UnionWith(path);
            yield return path;
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
