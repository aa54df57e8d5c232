using IvrEngine.Menus;

namespace IvrEngine.Http.Menus;

/// <summary>
/// The served menu node by node, as the menu map shows a clicked node: prompts in every locale,
/// options with keys, phrases and where they go, timeouts and retries, digit collection, hours, and
/// the queues callers can reach. Durations are whole or fractional seconds.
/// </summary>
public sealed record MenuNodesView(string Menu, string Version, string Start, IReadOnlyList<string> Locales, IReadOnlyList<NodeView> Nodes, IReadOnlyList<QueueView> Queues)
{
    public static MenuNodesView Of(Menu menu)
    {
        var locales = menu.Locales;
        return new MenuNodesView(
            menu.Name,
            menu.Version,
            menu.StartNodeId,
            locales,
            [.. menu.Nodes.Values.OrderBy(n => n.Id == menu.StartNodeId ? 0 : 1).ThenBy(n => n.Id, StringComparer.Ordinal).Select(n => NodeView.Of(n, locales))],
            [.. menu.Queues.Values.OrderBy(q => q.Id, StringComparer.Ordinal).Select(q => QueueView.Of(q, locales))]);
    }

    internal static Dictionary<string, string> Texts(LocalizedText text, IReadOnlyList<string> locales) =>
        locales.Where(text.Has).ToDictionary(l => l, text.For, StringComparer.Ordinal);

    internal static Dictionary<string, IReadOnlyList<string>> Phrases(LocalizedPhrases phrases, IReadOnlyList<string> locales) =>
        locales.Where(l => !phrases.For(l).IsEmpty).ToDictionary(l => l, l => (IReadOnlyList<string>)[.. phrases.For(l)], StringComparer.Ordinal);
}

/// <param name="Kind">menu, collect or announcement.</param>
/// <param name="Queues">The queues this node can send a caller to (options, escape, hours, retries), for lighting them on the map.</param>
public sealed record NodeView(
    string Id,
    string Kind,
    IReadOnlyDictionary<string, string> Prompts,
    IReadOnlyDictionary<string, string> Reprompts,
    IReadOnlyList<OptionView> Options,
    TargetView? Next,
    CollectView? Collect,
    NoInputView NoInput,
    int InvalidRetries,
    TargetView OnRetriesExhausted,
    EscapeView Escape,
    double InterDigitTimeoutSeconds,
    HoursView? Hours,
    IReadOnlyList<string> Queues)
{
    public static NodeView Of(MenuNode node, IReadOnlyList<string> locales)
    {
        var actions = node.Options.Select(o => o.Action)
            .Append(node.OnRetriesExhausted)
            .Concat(node.Escape.Mode == EscapeMode.Disabled ? [] : [node.Escape.Target])
            .Concat(node.Hours is { } h ? [h.WhenClosed] : [])
            .Concat(node.Next is { } next ? [next] : [])
            .Concat(node.Collect is { } c ? [c.Next] : []);
        return new NodeView(
            node.Id,
            node.Kind switch { NodeKind.CollectDigits => "collect", NodeKind.Announcement => "announcement", _ => "menu" },
            MenuNodesView.Texts(node.Prompt, locales),
            MenuNodesView.Texts(node.Reprompt, locales),
            [.. node.Options.Select(o => new OptionView(o.Key, MenuNodesView.Phrases(o.Phrases, locales), o.Message is null ? null : MenuNodesView.Texts(o.Message, locales), TargetView.Of(o.Action, locales)))],
            node.Next is null ? null : TargetView.Of(node.Next, locales),
            node.Collect is { } collect
                ? new CollectView(collect.Variable, collect.MinLength, collect.MaxLength, collect.Terminator?.ToString(), collect.InterDigitTimeout.TotalSeconds, collect.Pattern?.ToString(), TargetView.Of(collect.Next, locales))
                : null,
            new NoInputView(node.NoInput.Timeout.TotalSeconds, node.NoInput.Retries),
            node.Invalid.Retries,
            TargetView.Of(node.OnRetriesExhausted, locales),
            new EscapeView(node.Escape.Mode.ToString().ToLowerInvariant(), [.. node.Escape.Keys], MenuNodesView.Phrases(node.Escape.Phrases, locales),
                node.Escape.Mode == EscapeMode.Disabled ? null : TargetView.Of(node.Escape.Target, locales)),
            node.InterDigitTimeout.TotalSeconds,
            node.Hours is { } hours ? new HoursView(hours.ScheduleId, TargetView.Of(hours.WhenClosed, locales)) : null,
            [.. actions.Select(QueueOf).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    private static string? QueueOf(MenuAction action) => action switch
    {
        TransferToQueue q => q.QueueId,
        RequestCallback c => c.QueueId,
        _ => null,
    };
}

/// <param name="Phrases">What a caller may say for it, by locale (absent locales have none).</param>
/// <param name="Message">What the line says when it is chosen, by locale, when it says anything.</param>
public sealed record OptionView(string? Key, IReadOnlyDictionary<string, IReadOnlyList<string>> Phrases, IReadOnlyDictionary<string, string>? Message, TargetView Target);

/// <summary>Where an action takes the caller.</summary>
/// <param name="Do">goto, queue, callback, hangup, repeat, back or mainMenu.</param>
/// <param name="Node">The node, for goto.</param>
/// <param name="Queue">The queue, for queue and callback.</param>
/// <param name="Message">What is said before hanging up, by locale, for hangup.</param>
/// <param name="Text">The same in words, as the diagram writes it.</param>
public sealed record TargetView(string Do, string? Node, string? Queue, IReadOnlyDictionary<string, string>? Message, string Text)
{
    public static TargetView Of(MenuAction action, IReadOnlyList<string> locales) => action switch
    {
        GoToNode go => new("goto", go.NodeId, null, null, $"goto {go.NodeId}"),
        TransferToQueue q => new("queue", null, q.QueueId, null, $"queue {q.QueueId}"),
        RequestCallback c => new("callback", null, c.QueueId, null, $"callback {c.QueueId}"),
        SayAndHangUp say => new("hangup", null, null, MenuNodesView.Texts(say.Message, locales), "hang up"),
        RepeatNode => new("repeat", null, null, null, "repeat"),
        GoBack => new("back", null, null, null, "back"),
        _ => new("mainMenu", null, null, null, "main menu"),
    };
}

public sealed record CollectView(string Variable, int MinLength, int MaxLength, string? Terminator, double InterDigitTimeoutSeconds, string? Pattern, TargetView Next);

public sealed record NoInputView(double TimeoutSeconds, int Retries);

/// <param name="Mode">immediate, confirm or disabled.</param>
public sealed record EscapeView(string Mode, IReadOnlyList<string> Keys, IReadOnlyDictionary<string, IReadOnlyList<string>> Phrases, TargetView? Target);

public sealed record HoursView(string Schedule, TargetView WhenClosed);

/// <param name="Names">The queue's name as callers hear it, by locale.</param>
public sealed record QueueView(
    string Id,
    IReadOnlyDictionary<string, string> Names,
    int Priority,
    string Strategy,
    int? MaxLength,
    double? MaxWaitSeconds,
    TargetView Overflow,
    double ServiceLevelSeconds,
    HoursView? Hours,
    QueueCallbackView? Callback)
{
    public static QueueView Of(QueueDefinition queue, IReadOnlyList<string> locales) => new(
        queue.Id,
        MenuNodesView.Texts(queue.DisplayName, locales),
        queue.Priority,
        queue.Strategy.ToString(),
        queue.MaxLength,
        queue.MaxWait?.TotalSeconds,
        TargetView.Of(queue.Overflow, locales),
        queue.ServiceLevelThreshold.TotalSeconds,
        queue.Hours is { } hours ? new HoursView(hours.ScheduleId, TargetView.Of(hours.WhenClosed, locales)) : null,
        queue.Callback is { } callback ? new QueueCallbackView(callback.WhenWaitOver?.TotalSeconds, callback.WhenClosed) : null);
}

/// <param name="OfferWhenWaitOverSeconds">Virtual hold: a callback is offered past this expected wait.</param>
/// <param name="WhenClosed">A callback is offered when the queue is closed.</param>
public sealed record QueueCallbackView(double? OfferWhenWaitOverSeconds, bool WhenClosed);
