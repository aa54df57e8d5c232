using IvrEngine.Menus.Loading;
using IvrEngine.Queues;

namespace IvrEngine.Menus.Lint;

/// <summary>
/// IVRL011: queues and nodes that can turn a caller away the moment they arrive — a queue with
/// <c>whenNoAgents: overflow</c> or a <c>maxLength</c>, anything with hours — and send them on
/// (overflow, whenClosed) to each other in a circle. When every one of them turns the caller away at
/// once (no agents logged in, full, all closed), the call goes round until the engine's guard ends it
/// as a routing loop. The loops that are certain (one schedule closing them all) are load errors (IVR0029).
/// </summary>
internal sealed class RoutingLoopRule : LintRule
{
    public override string Code => "IVRL011";

    public override string Why => "when they all turn the caller away at once, the call goes round without waiting until the line gives up on it";

    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        var menu = context.Menu;
        var routing = new RoutingLoops(menu.StartNodeId, menu.Nodes, menu.Queues);
        // File order, so a finding lands at the place written first whatever the dictionaries' order.
        var places = menu.Queues.Keys.OrderBy(id => context.Source.Locate("queues", id).Line).ThenBy(id => id, StringComparer.Ordinal)
            .Select(id => new RoutingPlace(true, id))
            .Concat(context.Nodes.Select(n => new RoutingPlace(false, n.Id)))
            .Where(TurnsAway)
            .ToList();
        foreach (var found in StronglyConnected.Groups(places, Next))
        {
            if (found.Count == 1 && !Next(found[0]).Contains(found[0])) continue;
            var group = found.OrderBy(places.IndexOf).ToList();
            var first = group[0];
            yield return new LintFinding(first.IsQueue ? null : first.Id, first.IsQueue ? context.Source.Locate("queues", first.Id) : context.Node(first.Id),
                $"{NameList.Steps([.. group.Select(p => p.ToString())], ", ")} can send callers to each other at once (overflow with whenNoAgents or maxLength, whenClosed), in a circle");
        }

        bool TurnsAway(RoutingPlace place) => place.IsQueue
            ? menu.Queues[place.Id] is var queue && (queue.Hours is not null || queue.WhenNoAgents == WhenNoAgents.Overflow || queue.MaxLength is not null)
            : menu.Nodes.TryGetValue(place.Id, out var node) && node.Hours is not null;

        IEnumerable<RoutingPlace> Next(RoutingPlace place)
        {
            var actions = new List<MenuAction?> { routing.HoursOf(place)?.WhenClosed };
            if (place.IsQueue && menu.Queues[place.Id] is { } queue && (queue.WhenNoAgents == WhenNoAgents.Overflow || queue.MaxLength is not null)) actions.Add(queue.Overflow);
            return actions.Select(routing.Target).OfType<RoutingPlace>().Where(TurnsAway).Distinct();
        }
    }
}
