namespace IvrEngine.Menus.Loading;

/// <summary>
/// Places that send callers round without waiting for them: a closed queue whose <c>whenClosed</c>
/// leads (directly or through announcements) back to itself, or to another place closed by the same
/// schedule that leads back. Whenever that schedule is closed — and an emergency closure can close
/// any — a caller there is turned away again at once, for ever. Those loops are certain, so they are
/// load errors; loops that need several schedules closed at once, or queues with no agents or full,
/// are only possible, and lint's (IVRL011).
/// </summary>
internal sealed class RoutingLoops
{
    private readonly string _start;
    private readonly IReadOnlyDictionary<string, MenuNode> _nodes;
    private readonly IReadOnlyDictionary<string, QueueDefinition> _queues;

    // Where an action ends up once announcements without hours have said their piece: their next is
    // taken at once, so they are passed through. Null: somewhere that waits for the caller or ends the call.
    private readonly Dictionary<string, MenuAction?> _afterAnnouncements = new(StringComparer.Ordinal);

    public RoutingLoops(string start, IReadOnlyDictionary<string, MenuNode> nodes, IReadOnlyDictionary<string, QueueDefinition> queues)
    {
        _start = start;
        _nodes = nodes;
        _queues = queues;
    }

    /// <summary>The loops certain whenever one schedule is closed, each starting from its place earliest in <paramref name="order"/>.</summary>
    public List<List<RoutingPlace>> Certain(IEnumerable<RoutingPlace> order) => FunctionalCycles.Find(order, WhenClosedSameSchedule);

    /// <summary>The schedule a place's hours name, or null when it has none.</summary>
    public Hours.HoursRule? HoursOf(RoutingPlace place) =>
        place.IsQueue ? _queues.GetValueOrDefault(place.Id)?.Hours : _nodes.GetValueOrDefault(place.Id)?.Hours;

    /// <summary>
    /// Where <paramref name="action"/> takes the caller without waiting: a queue, or a node that is not
    /// an announcement without hours. Null for anything that waits for the caller or ends the call.
    /// </summary>
    public RoutingPlace? Target(MenuAction? action) => Follow(action) switch
    {
        TransferToQueue queue when _queues.ContainsKey(queue.QueueId) => new RoutingPlace(true, queue.QueueId),
        GoToNode node => new RoutingPlace(false, node.NodeId),
        _ => null,
    };

    /// <summary>Under the place's own schedule closed, the place its whenClosed leads to if that one is closed by the same schedule.</summary>
    private RoutingPlace? WhenClosedSameSchedule(RoutingPlace place)
    {
        if (HoursOf(place) is not { } hours) return null;
        // A closed queue offering callbacks asks the caller to choose a time: that waits for them.
        if (place.IsQueue && _queues[place.Id].Callback is { WhenClosed: true }) return null;
        return Target(hours.WhenClosed) is { } next && HoursOf(next)?.ScheduleId == hours.ScheduleId ? next : null;
    }

    private MenuAction? Follow(MenuAction? action)
    {
        var nodeId = action switch
        {
            GoToNode goTo => goTo.NodeId,
            GoToMainMenu => _start,
            _ => null,
        };
        if (nodeId is null) return action as TransferToQueue;

        // Walk the announcements one by one (a 20,000-node chain must not recurse), then remember the end for each.
        var passed = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        MenuAction? end;
        while (true)
        {
            if (_afterAnnouncements.TryGetValue(nodeId, out end)) break;
            if (!_nodes.TryGetValue(nodeId, out var node) || !seen.Add(nodeId))
            {
                end = null; // an unknown node (reported elsewhere) or announcements looping among themselves (IVR0024)
                break;
            }
            if (node.Kind != NodeKind.Announcement || node.Hours is not null)
            {
                end = new GoToNode(nodeId);
                break;
            }
            passed.Add(nodeId);
            switch (node.Next)
            {
                case GoToNode next:
                    nodeId = next.NodeId;
                    continue;
                case GoToMainMenu:
                    nodeId = _start;
                    continue;
                case TransferToQueue queue:
                    end = queue;
                    break;
                default:
                    end = null;
                    break;
            }
            break;
        }

        foreach (var id in passed) _afterAnnouncements[id] = end;
        return end;
    }
}
