namespace IvrEngine.Menus.Lint;

/// <summary>
/// IVRL010: in a menu that declares <c>hours</c>, a queue callers can be sent to (by a node, the budget,
/// another queue's overflow or any whenClosed) either has no hours rule, so after hours callers wait for
/// agents who are not there, or its whenClosed sends them to itself or to a queue or node closed by the
/// same schedule, so they are turned away again at once. A whenClosed hang-up is a fallback: the caller
/// has heard when the line opens.
/// </summary>
internal sealed class QueueWithoutHoursFallbackRule : LintRule
{
    public override string Code => "IVRL010";

    public override string Why => "after hours a caller waits for no one or is bounced from one closed place to the next";

    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        var menu = context.Menu;
        if (menu.Hours.IsEmpty) yield break;
        var reached = new HashSet<string>(StringComparer.Ordinal);
        void Note(MenuAction? action)
        {
            if (action is TransferToQueue q) reached.Add(q.QueueId);
        }

        foreach (var node in menu.Nodes.Values)
        {
            foreach (var action in MenuGraph.Actions(node)) Note(action);
            Note(node.Hours?.WhenClosed);
        }

        Note(menu.Budget.Target);
        foreach (var queue in menu.Queues.Values)
        {
            Note(queue.Overflow);
            Note(queue.Hours?.WhenClosed);
        }

        foreach (var id in reached.Order(StringComparer.Ordinal))
        {
            if (!menu.Queues.TryGetValue(id, out var queue)) continue;
            var problem = queue.Hours is not { } rule
                ? "it has no hours, so after hours callers wait for agents who are not there"
                : ClosedTogether(menu, rule.ScheduleId, rule.WhenClosed, id) is { } where
                    ? $"its whenClosed sends callers to {where}, closed by the same schedule '{rule.ScheduleId}'"
                    : null;
            if (problem is not null)
            {
                yield return new LintFinding(null, context.Source.Locate("queues", id), $"queue '{id}' has no fallback when closed: {problem}");
            }
        }
    }

    /// <summary>Where <paramref name="whenClosed"/> leads if that place is closed whenever <paramref name="scheduleId"/> is; null otherwise.</summary>
    private static string? ClosedTogether(Menu menu, string scheduleId, MenuAction whenClosed, string queueId) => whenClosed switch
    {
        TransferToQueue q when q.QueueId == queueId => "the same queue",
        TransferToQueue q when menu.Queues.TryGetValue(q.QueueId, out var other) && other.Hours?.ScheduleId == scheduleId => $"queue '{q.QueueId}'",
        GoToNode go when menu.Nodes.TryGetValue(go.NodeId, out var node) && node.Hours?.ScheduleId == scheduleId => $"node '{go.NodeId}'",
        _ => null,
    };
}
