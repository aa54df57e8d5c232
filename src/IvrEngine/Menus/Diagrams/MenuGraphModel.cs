using System.Globalization;
using IvrEngine.Menus.Loading;

namespace IvrEngine.Menus.Diagrams;

/// <summary>
/// The menu as boxes and arrows, shared by the Mermaid and DOT writers. To stay readable at 50 nodes,
/// what most nodes share is drawn once: the usual escape and retries target are in a legend, and only
/// nodes that differ get their own escape arrow. Repeat, back and main-menu keys are listed inside the
/// node rather than drawn as arrows back up the tree. Of a menu with errors (a <see cref="MenuSketch"/>)
/// it draws what loads: an arrow to a node or queue that does not exist is marked broken and ends at a
/// "missing" placeholder.
/// </summary>
internal sealed record MenuGraphModel(IReadOnlyList<GraphBox> Boxes, IReadOnlyList<GraphArrow> Arrows, IReadOnlyList<string> Legend)
{
    public const string HangUpId = "hangup";

    public static MenuGraphModel From(Menu menu, string? locale = null)
    {
        locale = menu.ResolveLocale(locale) ?? menu.DefaultLocale;
        var ids = new DiagramIds();
        var boxes = new List<GraphBox>();
        var arrows = new List<GraphArrow>();
        var usualEscape = menu.Nodes.Values.GroupBy(n => Describe(n.Escape)).OrderByDescending(g => g.Count()).First().Key;
        var usualRetries = menu.Nodes.Values.GroupBy(n => n.OnRetriesExhausted).OrderByDescending(g => g.Count()).First().Key;
        var queuesUsed = new SortedSet<string>(StringComparer.Ordinal);
        var hangsUp = false;

        var placeholders = new List<GraphBox>();

        string Target(MenuAction action)
        {
            switch (action)
            {
                case UnresolvedTarget missing:
                    return Placeholder(missing.IsQueue ? ids.MissingQueue(missing.Id) : ids.MissingNode(missing.Id), missing.Id, $"missing: {missing.Id}", missing.IsQueue ? "no such queue" : "no such node");
                case GoToNode go when !menu.Nodes.ContainsKey(go.NodeId):
                    // Declared, but its body has errors: the arrow is right, the box cannot be drawn.
                    return Placeholder(ids.Node(go.NodeId), go.NodeId, $"broken: {go.NodeId}", "the node does not load");
                case GoToNode go: return ids.Node(go.NodeId);
                case TransferToQueue q:
                    queuesUsed.Add(q.QueueId);
                    return ids.Queue(q.QueueId);
                case RequestCallback c:
                    queuesUsed.Add(c.QueueId);
                    return ids.Queue(c.QueueId);
                default:
                    hangsUp = true;
                    return HangUpId;
            }
        }

        string Placeholder(string id, string key, params string[] lines)
        {
            if (!placeholders.Any(p => p.Id == id)) placeholders.Add(new GraphBox(id, GraphShape.Missing, lines, key));
            return id;
        }

        GraphArrow Arrow(string from, MenuAction action, string label, bool dashed, ArrowKind kind) =>
            new(from, Target(action), label, dashed, kind, IsBroken(menu, action));

        var reached = Reached(menu);
        foreach (var node in menu.Nodes.Values.OrderBy(n => n.Id == menu.StartNodeId ? 0 : 1).ThenBy(n => n.Id, StringComparer.Ordinal))
        {
            var lines = new List<string> { node.Id };
            switch (node.Kind)
            {
                case NodeKind.CollectDigits:
                    lines.Add($"collect {node.Collect!.Variable} ({node.Collect.MinLength}-{node.Collect.MaxLength} digits)");
                    arrows.Add(Arrow(ids.Node(node.Id), node.Collect.Next, "entered", false, ArrowKind.Next));
                    break;
                case NodeKind.Announcement when node.Next is null:
                    // Only in a sketch: the node's options or next did not load.
                    lines.Add("then: broken (see the errors)");
                    break;
                case NodeKind.Announcement:
                    AddOrNote(node.Next!, "then", ArrowKind.Next);
                    break;
            }

            foreach (var option in node.Options)
            {
                var label = OptionLabel(option, locale);
                if (option.Action is RepeatNode or GoBack or GoToMainMenu) lines.Add($"{label}: {Verb(option.Action)}");
                // A callback option books a call from the queue later: dashed, to tell it from a transfer.
                else if (option.Action is RequestCallback or UnresolvedTarget { Kind: ActionKinds.Callback }) arrows.Add(Arrow(ids.Node(node.Id), option.Action, $"{label}: callback", true, ArrowKind.Callback));
                else arrows.Add(Arrow(ids.Node(node.Id), option.Action, label, false, ArrowKind.Option));
            }

            if (Describe(node.Escape) != usualEscape)
            {
                if (node.Escape.Mode == EscapeMode.Disabled) lines.Add("escape disabled");
                else arrows.Add(Arrow(ids.Node(node.Id), node.Escape.Target, $"escape {string.Join(" ", node.Escape.Keys)} ({node.Escape.Mode.ToString().ToLowerInvariant()})", true, ArrowKind.Escape));
            }

            if (node.Kind != NodeKind.Announcement && node.OnRetriesExhausted != usualRetries) AddOrNote(node.OnRetriesExhausted, "retries exhausted", ArrowKind.RetriesExhausted, dashed: true);
            if (node.Hours is { } hours) arrows.Add(Arrow(ids.Node(node.Id), hours.WhenClosed, Closed(hours), true, ArrowKind.Closed));
            if (reached is not null && !reached.Contains(node.Id)) lines.Add(UnreachableNote);
            boxes.Add(new GraphBox(ids.Node(node.Id), node.Kind switch
            {
                NodeKind.Menu => GraphShape.Menu,
                NodeKind.CollectDigits => GraphShape.Collect,
                _ => GraphShape.Announcement,
            }, lines, node.Id));

            void AddOrNote(MenuAction action, string label, ArrowKind kind, bool dashed = false)
            {
                if (action is RepeatNode or GoBack or GoToMainMenu) lines.Add($"{label}: {Verb(action)}");
                else arrows.Add(Arrow(ids.Node(node.Id), action, label, dashed, kind));
            }
        }

        var usualEscapeNode = menu.Nodes.Values.First(n => Describe(n.Escape) == usualEscape);
        if (usualEscapeNode.Escape.Mode != EscapeMode.Disabled) Target(usualEscapeNode.Escape.Target);
        Target(usualRetries);
        var legend = new List<string>
        {
            menu.Nodes.ContainsKey(menu.StartNodeId) ? $"start: {menu.StartNodeId}" : $"start: missing: {menu.StartNodeId}",
            $"escape to a human, unless drawn: {usualEscape}",
            $"retries exhausted, unless drawn: {ActionKey(usualRetries)}",
            string.Create(CultureInfo.InvariantCulture, $"budget ({menu.Budget.MaxFailedInputs} failed inputs or {menu.Budget.MaxMenuTime.TotalSeconds:0} s): {ActionKey(menu.Budget.Target)}"),
        };
        Target(menu.Budget.Target);
        // A queue's whenClosed may send callers to another queue, whose own hours are drawn too.
        var drawn = new HashSet<string>(StringComparer.Ordinal);
        while (queuesUsed.FirstOrDefault(q => !drawn.Contains(q)) is { } queueId)
        {
            drawn.Add(queueId);
            if (menu.Queues.TryGetValue(queueId, out var queue) && queue.Hours is { } hours)
            {
                arrows.Add(Arrow(ids.Queue(queueId), hours.WhenClosed, Closed(hours), true, ArrowKind.Closed));
            }
        }

        boxes.AddRange(queuesUsed.Select(q => new GraphBox(ids.Queue(q), GraphShape.Queue, QueueLines(menu, q, locale), q)));
        if (hangsUp) boxes.Add(new GraphBox(HangUpId, GraphShape.End, ["hang up"]));
        boxes.AddRange(placeholders);
        return new MenuGraphModel(boxes, arrows, legend);
    }

    /// <summary>Said in a node no call can reach (validate's IVR0013 warning), often the one a broken arrow was meant for.</summary>
    internal const string UnreachableNote = "unreachable from the start";

    /// <summary>
    /// The nodes a call can reach, as the loader counts them (from the start, and from the budget's,
    /// overflows' and whenClosed targets any call may hit); null when the start node itself is missing.
    /// </summary>
    private static HashSet<string>? Reached(Menu menu)
    {
        if (!menu.Nodes.ContainsKey(menu.StartNodeId)) return null;
        var callWide = menu.Queues.Values.Select(q => q.Overflow).Append(menu.Budget.Target)
            .Concat(menu.Nodes.Values.Select(n => n.Hours?.WhenClosed)).Concat(menu.Queues.Values.Select(q => q.Hours?.WhenClosed)).OfType<MenuAction>();
        return Reachability.From(menu.StartNodeId, menu.Nodes, callWide);
    }

    /// <summary>An arrow to a node or queue that does not exist, or to a node that does not load (only in a sketch).</summary>
    private static bool IsBroken(Menu menu, MenuAction action) => action is UnresolvedTarget || (action is GoToNode go && !menu.Nodes.ContainsKey(go.NodeId));

    private static string Closed(Hours.HoursRule hours) => $"closed ({hours.ScheduleId})";

    /// <summary>A queue's id and name, then its callback offers: virtual hold past a wait, and a callback when closed.</summary>
    private static List<string> QueueLines(Menu menu, string queueId, string locale)
    {
        if (!menu.Queues.TryGetValue(queueId, out var queue)) return [$"queue {queueId}", queueId];
        var lines = new List<string> { $"queue {queueId}", queue.DisplayName.For(locale) };
        if (queue.Callback?.WhenWaitOver is { } wait) lines.Add(string.Create(CultureInfo.InvariantCulture, $"callback: virtual hold > {wait.TotalSeconds:0} s"));
        if (queue.Callback?.WhenClosed == true) lines.Add("callback: when closed");
        return lines;
    }

    private static string OptionLabel(MenuOption option, string locale)
    {
        var phrase = option.Phrases.For(locale) is { IsEmpty: false } phrases ? $"'{phrases[0]}'" : null;
        // Neither, only in a sketch: the option's key and phrases did not load.
        return option.Key is null ? phrase ?? "(no key)" : phrase is null ? option.Key : $"{option.Key} {phrase}";
    }

    private static string Verb(MenuAction action) => action switch
    {
        RepeatNode => "repeat",
        GoBack => "back",
        _ => "main menu",
    };

    private static string Describe(EscapePolicy escape) =>
        escape.Mode == EscapeMode.Disabled ? "disabled" : $"keys {string.Join(" ", escape.Keys)}, {escape.Mode.ToString().ToLowerInvariant()}, {ActionKey(escape.Target)}";

    private static string ActionKey(MenuAction action) => action switch
    {
        GoToNode go => $"goto {go.NodeId}",
        TransferToQueue q => $"queue {q.QueueId}",
        SayAndHangUp => "hang up",
        RequestCallback c => $"callback {c.QueueId}",
        UnresolvedTarget missing => $"missing: {missing.Id}",
        _ => Verb(action),
    };

}

internal enum GraphShape
{
    Menu,
    Collect,
    Announcement,
    Queue,
    End,

    /// <summary>A placeholder in a sketch: where a broken arrow points, a node or queue that does not exist.</summary>
    Missing,
}

/// <param name="Key">The menu's own id of the node or queue drawn (null for the hang-up end).</param>
internal sealed record GraphBox(string Id, GraphShape Shape, IReadOnlyList<string> Lines, string? Key = null);

/// <param name="Broken">Its target does not exist (only in a sketch of a menu with errors): drawn red and dashed.</param>
internal sealed record GraphArrow(string From, string To, string Label, bool Dashed, ArrowKind Kind, bool Broken = false);

/// <summary>Why an arrow is drawn: the SVG colours and the legend tell these apart.</summary>
internal enum ArrowKind
{
    /// <summary>A caller's choice: a key or a phrase.</summary>
    Option,

    /// <summary>Where a node goes by itself: after an announcement, after digits are entered.</summary>
    Next,

    /// <summary>An option that books a callback from a queue.</summary>
    Callback,

    /// <summary>A node's own escape to a human, where it differs from the usual one.</summary>
    Escape,

    /// <summary>Where the caller goes when a node's retries run out, where it differs from the usual.</summary>
    RetriesExhausted,

    /// <summary>Where callers go when a node's or queue's hours are closed.</summary>
    Closed,
}

/// <summary>Diagram-safe ids (letters, digits, '_'), unique even when two node ids differ only in '-' and '_'.</summary>
internal sealed class DiagramIds
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal) { MenuGraphModel.HangUpId };

    public string Node(string nodeId) => Get("n:" + nodeId, "n_" + nodeId);

    public string Queue(string queueId) => Get("q:" + queueId, "q_" + queueId);

    public string MissingNode(string nodeId) => Get("m:n:" + nodeId, "missing_n_" + nodeId);

    public string MissingQueue(string queueId) => Get("m:q:" + queueId, "missing_q_" + queueId);

    private string Get(string key, string wanted)
    {
        if (_ids.TryGetValue(key, out var id)) return id;
        var safe = new string([.. wanted.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        var candidate = safe;
        for (var i = 2; !_used.Add(candidate); i++) candidate = $"{safe}_{i}";
        return _ids[key] = candidate;
    }
}
