using System.Collections.Immutable;
using System.Globalization;

namespace IvrEngine.Menus.Diff;

/// <summary>One semantic change between two versions of a menu, under a heading (<c>menu</c>, <c>queues</c>, <c>node 'main'</c>).</summary>
public sealed record MenuChange(string Section, string Description);

/// <summary>
/// What a menu change does to callers (<c>ivr diff OLD NEW</c>): nodes added and removed, options
/// added, removed, re-keyed or re-targeted, prompts changed per locale, escapes and policies changed, business hours (schedules, node and
/// queue hours rules) and callback offers changed —
/// never formatting, comments or property order. Options are matched across versions by what they
/// do and what callers say, so a key moved from 3 to 4 reads as a re-key, not a removal and an addition.
/// </summary>
public static class MenuDiff
{
    public static ImmutableArray<MenuChange> Compare(Menu old, Menu @new)
    {
        var changes = new List<MenuChange>();
        void Add(string section, string text) => changes.Add(new MenuChange(section, text));

        Same("menu", "name", old.Name, @new.Name);
        Same("menu", "time zone", old.TimeZone.Id, @new.TimeZone.Id);
        Same("menu", "locales", string.Join(", ", old.Locales), string.Join(", ", @new.Locales));
        Same("menu", "start node", old.StartNodeId, @new.StartNodeId);
        Same("menu", "budget", Budget(old.Budget), Budget(@new.Budget));
        foreach (var (name, o, n) in Messages(old.Messages, @new.Messages)) Text("menu", $"message {name}", o, n, old, @new);

        HoursDiff.CompareSchedules(old, @new, text => Add("hours", text));

        foreach (var id in old.Queues.Keys.Except(@new.Queues.Keys).Order(StringComparer.Ordinal)) Add("queues", $"removed queue {id}");
        foreach (var id in @new.Queues.Keys.Except(old.Queues.Keys).Order(StringComparer.Ordinal)) Add("queues", $"added queue {id} ({@new.Queues[id].DisplayName.For(@new.DefaultLocale)})");
        foreach (var id in old.Queues.Keys.Intersect(@new.Queues.Keys).Order(StringComparer.Ordinal)) {
            var (o, n) = (old.Queues[id], @new.Queues[id]);
            Text("queues", $"name of queue {id}", o.DisplayName, n.DisplayName, old, @new);
            Same("queues", $"hours of queue {id}", HoursDiff.Rule(o.Hours), HoursDiff.Rule(n.Hours));
            Same("queues", $"callback of queue {id}", HoursDiff.Callback(o.Callback), HoursDiff.Callback(n.Callback));
        }

        foreach (var id in old.Nodes.Keys.Except(@new.Nodes.Keys).Order(StringComparer.Ordinal)) Add("nodes", $"removed node {id}");
        foreach (var id in @new.Nodes.Keys.Except(old.Nodes.Keys).Order(StringComparer.Ordinal)) Add("nodes", $"added node {id} ({Kind(@new.Nodes[id].Kind)})");
        foreach (var id in old.Nodes.Keys.Intersect(@new.Nodes.Keys).Order(StringComparer.Ordinal))
        {
            var (o, n) = (old.Nodes[id], @new.Nodes[id]);
            var section = $"node '{id}'";
            Same(section, "kind", Kind(o.Kind), Kind(n.Kind));
            Text(section, "prompt", o.Prompt, n.Prompt, old, @new);
            // A reprompt left out is the prompt; its change is already shown as the prompt's.
            if (!ReferenceEquals(o.Reprompt, o.Prompt) || !ReferenceEquals(n.Reprompt, n.Prompt)) Text(section, "reprompt", o.Reprompt, n.Reprompt, old, @new);
            Same(section, "hours", HoursDiff.Rule(o.Hours), HoursDiff.Rule(n.Hours));
            Same(section, "next", Describe(o.Next), Describe(n.Next));
            Same(section, "collect", Collect(o.Collect), Collect(n.Collect));
            Same(section, "escape", Escape(o.Escape, old), Escape(n.Escape, @new));
            Same(section, "when retries run out", Describe(o.OnRetriesExhausted), Describe(n.OnRetriesExhausted));
            Same(section, "no-input", $"{o.NoInput.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s, {o.NoInput.Retries} retries",
                $"{n.NoInput.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s, {n.NoInput.Retries} retries");
            Same(section, "invalid-input retries", o.Invalid.Retries.ToString(CultureInfo.InvariantCulture), n.Invalid.Retries.ToString(CultureInfo.InvariantCulture));
            OptionDiff.Compare(o, n, old, @new, text => Add(section, text));
        }

        return [.. changes];

        void Same(string section, string what, string? before, string? after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal)) Add(section, $"{what}: {before ?? "none"} -> {after ?? "none"}");
        }

        void Text(string section, string what, LocalizedText before, LocalizedText after, Menu oldMenu, Menu newMenu)
        {
            foreach (var locale in oldMenu.Locales.Union(newMenu.Locales))
            {
                var (b, a) = (before.Has(locale) ? before.For(locale) : null, after.Has(locale) ? after.For(locale) : null);
                if (string.Equals(b, a, StringComparison.Ordinal)) continue;
                var words = b is not null && a is not null && WordDiff.Mark(b, a) is { } marked ? $"\n    ~ {marked}" : string.Empty;
                Add(section, $"{what} ({locale}):\n    - {b ?? "(none)"}\n    + {a ?? "(none)"}{words}");
            }
        }
    }

    internal static string? Describe(MenuAction? action) => action switch
    {
        null => null,
        GoToNode go => $"goto {go.NodeId}",
        TransferToQueue q => $"queue {q.QueueId}",
        SayAndHangUp => "hang up",
        RequestCallback c => $"callback {c.QueueId}",
        RepeatNode => "repeat",
        GoBack => "back",
        _ => "main menu",
    };

    private static string Kind(NodeKind kind) => kind switch
    {
        NodeKind.Menu => "menu",
        NodeKind.CollectDigits => "digit collector",
        _ => "announcement",
    };

    private static string Budget(CallBudget b) => string.Create(CultureInfo.InvariantCulture,
        $"{b.MaxFailedInputs} failed inputs, {b.MaxMenuTime.TotalSeconds} s, then {Describe(b.Target)}");

    private static string? Collect(DigitCollection? c) => c is null ? null : string.Create(CultureInfo.InvariantCulture,
        $"{c.Variable}, {c.MinLength}-{c.MaxLength} digits, terminator {c.Terminator?.ToString() ?? "none"}, pattern {c.Pattern?.ToString() ?? "none"}, then {Describe(c.Next)}");

    private static string Escape(EscapePolicy e, Menu menu) =>
        $"{e.Mode.ToString().ToLowerInvariant()}, keys [{string.Join(" ", e.Keys)}], to {Describe(e.Target)}, phrases {string.Join("; ", menu.Locales.Select(l => $"{l}: {string.Join(", ", e.Phrases.For(l))}"))}";

    private static IEnumerable<(string Name, LocalizedText Old, LocalizedText New)> Messages(SystemMessages o, SystemMessages n)
    {
        yield return ("noInput", o.NoInput, n.NoInput);
        yield return ("invalid", o.Invalid, n.Invalid);
        yield return ("invalidNumber", o.InvalidNumber, n.InvalidNumber);
        yield return ("ambiguous", o.Ambiguous, n.Ambiguous);
        yield return ("transfer", o.Transfer, n.Transfer);
        yield return ("budgetExceeded", o.BudgetExceeded, n.BudgetExceeded);
        yield return ("callbackOffer", o.CallbackOffer, n.CallbackOffer);
        yield return ("callbackConfirm", o.CallbackConfirm, n.CallbackConfirm);
        yield return ("callbackBooked", o.CallbackBooked, n.CallbackBooked);
        yield return ("callbackNoNumber", o.CallbackNoNumber, n.CallbackNoNumber);
        yield return ("callbackEnterNumber", o.CallbackEnterNumber, n.CallbackEnterNumber);
        yield return ("callbackNumberReadBack", o.CallbackNumberReadBack, n.CallbackNumberReadBack);
        yield return ("callbackNumberInvalid", o.CallbackNumberInvalid, n.CallbackNumberInvalid);
        yield return ("callbackNumberGiveUp", o.CallbackNumberGiveUp, n.CallbackNumberGiveUp);
        yield return ("callbackSlots", o.CallbackSlots, n.CallbackSlots);
        yield return ("callbackSlotsOnRequest", o.CallbackSlotsOnRequest, n.CallbackSlotsOnRequest);
        yield return ("callbackSlotsForNumber", o.CallbackSlotsForNumber, n.CallbackSlotsForNumber);
        yield return ("callbackConfirmScheduled", o.CallbackConfirmScheduled, n.CallbackConfirmScheduled);
        yield return ("callbackBookedScheduled", o.CallbackBookedScheduled, n.CallbackBookedScheduled);
        yield return ("callbackAlreadyBooked", o.CallbackAlreadyBooked, n.CallbackAlreadyBooked);
        yield return ("callbackUnavailable", o.CallbackUnavailable, n.CallbackUnavailable);
        yield return ("callbackGreeting", o.CallbackGreeting, n.CallbackGreeting);
    }
}
