using System.Collections.Immutable;
using IvrEngine.Calls;
using IvrEngine.Menus;

namespace IvrEngine.Flows;

/// <summary>
/// Works out which paths of a menu the flows took, from the calls' transcripts alone: nodes
/// entered, options chosen by key and by phrase (per locale), escapes, no-input, invalid-input and
/// retries-exhausted paths per node, queues reached, and — for queues that calls waited in with
/// simulated agents — how they left each queue (answered, abandoned, overflowed), and for every node
/// and queue with an hours rule whether calls found it open and closed.
/// </summary>
public static class FlowCoverage
{
    private const string RetriesLeftNone = "no retries left";

    /// <summary>One report per menu, in the order menus first appear in <paramref name="results"/>.</summary>
    public static ImmutableArray<CoverageReport> Of(IEnumerable<FlowResult> results) =>
        [.. results.GroupBy(r => r.Case.Menu).Select(g => Of(g.Key, g.Select(r => (r.Case.Locale, r.Call.Transcript)).ToList()))];

    public static CoverageReport Of(Menu menu, IReadOnlyList<(string Locale, Transcript Transcript)> calls)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var queued = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (locale, transcript) in calls)
        {
            Collect(menu, locale, transcript.Events, taken);
            CollectQueueOutcomes(transcript.Events, taken, queued);
            CollectHoursBranches(menu, transcript.Events, taken);
        }

        var nodes = menu.Nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        var listening = nodes.Where(n => n.Kind != NodeKind.Announcement).ToList();
        var rows = ImmutableArray.Create(
            Row("nodes", nodes.Select(n => Item("node", n.Id, n.Id)), taken, headline: false),
            Row("options by key", nodes.SelectMany(n => n.Options.Where(o => o.Key is not null).Select(o => Item("key", n.Id, o.Key!, $"{n.Id}: key {o.Key}"))), taken, headline: true),
            Row("options by phrase", nodes.SelectMany(n => n.Options.SelectMany(o => menu.Locales
                .Where(l => !o.Phrases.For(l).IsEmpty)
                .Select(l => Item("phrase", n.Id, $"{l}/{o.Label(l)}", $"{n.Id}: [{l}] '{o.Label(l)}'")))), taken, headline: true),
            Row("escapes", listening.Select(n => Item("escape", n.Id, n.Id)), taken, headline: true),
            Row("no-input paths", listening.Select(n => Item("no-input", n.Id, n.Id)), taken, headline: false),
            Row("invalid-input paths", listening.Select(n => Item("invalid", n.Id, n.Id)), taken, headline: false),
            Row("retries-exhausted paths", listening.Select(n => Item("exhausted", n.Id, n.Id)), taken, headline: false),
            Row("queues reached", menu.Queues.Keys.Order(StringComparer.Ordinal).Select(q => Item("queue", "", q, q)), taken, headline: false));
        if (queued.Count > 0)
        {
            // Only queues that runs with agents reached: without staffing a transfer ends the call, and has no queue outcome.
            rows = rows.Add(Row("queue outcomes", queued.Order(StringComparer.Ordinal).SelectMany(q => QueueOutcomes.Select(o => Item("queue-outcome", q, o, $"{q}: {o}"))), taken, headline: false));
        }
        var withHours = nodes.Where(n => n.Hours is not null).Select(n => $"node {n.Id}")
            .Concat(menu.Queues.Values.Where(q => q.Hours is not null).OrderBy(q => q.Id, StringComparer.Ordinal).Select(q => $"queue {q.Id}"))
            .ToList();
        if (withHours.Count > 0)
        {
            rows = rows.Add(Row("hours branches", withHours.SelectMany(w => HoursBranches.Select(b => Item("hours", w, b, $"{w}: {b}"))), taken, headline: false));
        }
        return new CoverageReport(menu, calls.Count, rows);
    }

    private static void Collect(Menu menu, string locale, IReadOnlyList<CallEvent> events, HashSet<string> taken)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var node = e.Node is { } id && menu.Nodes.TryGetValue(id, out var n) ? n : null;
            switch (e.Type)
            {
                case CallEventType.NodeEntered:
                    taken.Add(Key("node", e.Text!, e.Text!));
                    break;
                case CallEventType.OptionChosen when node is not null && e.Detail is { } how:
                    if (how.StartsWith("key ", StringComparison.Ordinal)) taken.Add(Key("key", node.Id, how["key ".Length..]));
                    else taken.Add(Key("phrase", node.Id, $"{locale}/{e.Text}"));
                    break;
                case CallEventType.EscapeAsked when node is not null:
                    taken.Add(Key("escape", node.Id, node.Id));
                    break;
                case CallEventType.NoInput or CallEventType.InvalidInput when node is not null:
                    taken.Add(Key(e.Type == CallEventType.NoInput ? "no-input" : "invalid", node.Id, node.Id));
                    // Retries ran out here unless the per-call budget ran out at the same input and took over.
                    var budgetTookOver = i + 1 < events.Count && events[i + 1].Type == CallEventType.BudgetExceeded;
                    if (e.Detail?.StartsWith(RetriesLeftNone, StringComparison.Ordinal) == true && !budgetTookOver) taken.Add(Key("exhausted", node.Id, node.Id));
                    break;
                case CallEventType.Transferred:
                    taken.Add(Key("queue", "", e.Text!));
                    break;
            }
        }
    }

    private static readonly string[] HoursBranches = ["open", "closed"];

    /// <summary>
    /// Which way each hours rule went: a <c>ClosedByHours</c> event names the node or queue it turned the
    /// caller away at (closed); entering a node with hours and not being turned away there before the
    /// next node, or being transferred to a queue with hours (only ever after its hours let the call in), is open.
    /// </summary>
    private static void CollectHoursBranches(Menu menu, IReadOnlyList<CallEvent> events, HashSet<string> taken)
    {
        string? entered = null;
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case CallEventType.NodeEntered:
                    if (entered is not null) taken.Add(Key("hours", entered, "open"));
                    entered = menu.Nodes.TryGetValue(e.Text!, out var node) && node.Hours is not null ? $"node {node.Id}" : null;
                    break;
                case CallEventType.ClosedByHours:
                    taken.Add(Key("hours", e.Text!, "closed"));
                    if (e.Text == entered) entered = null;
                    break;
                case CallEventType.Transferred when menu.Queues.TryGetValue(e.Text!, out var queue) && queue.Hours is not null:
                    taken.Add(Key("hours", $"queue {queue.Id}", "open"));
                    break;
            }
        }
        if (entered is not null) taken.Add(Key("hours", entered, "open"));
    }

    private static readonly string[] QueueOutcomes = ["answered", "abandoned", "overflowed"];

    /// <summary>
    /// How each stay in a queue ended, from the transcript: an agent answered (agent-connected while
    /// waiting), the caller hung up while waiting (abandoned), or the call left the queue otherwise —
    /// its wait limit, the last agent logging out, or turned away on arrival (full, no agents): overflowed,
    /// as the call centre's own statistics count them.
    /// </summary>
    private static void CollectQueueOutcomes(IReadOnlyList<CallEvent> events, HashSet<string> taken, HashSet<string> queued)
    {
        string? waitingIn = null;
        string? abandoned = null;
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case CallEventType.QueueJoined:
                    waitingIn = e.Text!;
                    queued.Add(waitingIn);
                    break;
                case CallEventType.AgentConnected when waitingIn is not null:
                    taken.Add(Key("queue-outcome", waitingIn, "answered"));
                    waitingIn = null;
                    break;
                case CallEventType.StateChanged when waitingIn is not null && e.Text == "Hangup":
                    taken.Add(Key("queue-outcome", waitingIn, "abandoned"));
                    (abandoned, waitingIn) = (waitingIn, null);
                    break;
                case CallEventType.QueueLeft when e.Text == abandoned:
                    abandoned = null; // the abandon's own note
                    break;
                case CallEventType.QueueLeft:
                    queued.Add(e.Text!);
                    taken.Add(Key("queue-outcome", e.Text!, "overflowed"));
                    waitingIn = null;
                    break;
            }
        }
    }

    private static (string Key, string Label) Item(string kind, string node, string what, string? label = null) => (Key(kind, node, what), label ?? node);

    private static string Key(string kind, string node, string what) => $"{kind}|{node}|{what}";

    private static CoverageRow Row(string name, IEnumerable<(string Key, string Label)> items, HashSet<string> taken, bool headline)
    {
        var list = items.ToList();
        var missing = list.Where(i => !taken.Contains(i.Key)).Select(i => i.Label).ToImmutableArray();
        return new CoverageRow(name, list.Count - missing.Length, list.Count, missing, headline);
    }
}
