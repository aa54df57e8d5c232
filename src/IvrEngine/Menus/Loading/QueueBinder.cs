using System.Collections.Immutable;
using IvrEngine.Queues;
using NodaTime;

namespace IvrEngine.Menus.Loading;

/// <summary>Binds <c>queues</c>: each queue's caller-facing name, routing, limits, overflow and announcements.</summary>
internal sealed class QueueBinder(BindContext context, TextBinder texts, ActionBinder actions)
{
    public static readonly string[] QueueProperties =
    [
        "name", "priority", "strategy", "maxLength", "maxWaitSeconds", "overflow", "whenNoAgents", "leaveWhenEmpty",
        "serviceLevelSeconds", "ringSeconds", "ringAttempts", "nextTierAfterSeconds", "announce", "callback", "hours", "whenClosed",
    ];

    // An announcement takes seconds to say: more often than every 10 s the caller hears nothing else
    // (and a queue of callers floods the transcript and the log).
    public const double MinAnnounceSeconds = 10;

    // A limit shorter than a ring and an announcement turns every caller away before anyone could answer.
    public const double MinMaxWaitSeconds = 5;

    private static readonly string[] AnnounceProperties = ["everySeconds", "position", "expectedWait", "music"];
    private static readonly string[] CallbackProperties = ["offerWhenWaitOverSeconds", "whenClosed", "expiresAfterHours"];

    private static readonly Dictionary<string, RoutingStrategy> Strategies = new(StringComparer.Ordinal)
    {
        ["longest-idle"] = RoutingStrategy.LongestIdle,
        ["round-robin"] = RoutingStrategy.RoundRobin,
        ["fewest-calls"] = RoutingStrategy.FewestCalls,
        ["random"] = RoutingStrategy.Random,
        ["linear"] = RoutingStrategy.Linear,
        ["ring-all"] = RoutingStrategy.RingAll,
    };

    private static readonly Dictionary<string, WhenNoAgents> NoAgentChoices = new(StringComparer.Ordinal)
    {
        ["join"] = WhenNoAgents.Join,
        ["overflow"] = WhenNoAgents.Overflow,
    };

    public ImmutableDictionary<string, QueueDefinition> Read(LocatedObject? queuesObject, SystemMessages messages)
    {
        var queues = ImmutableDictionary.CreateBuilder<string, QueueDefinition>(StringComparer.Ordinal);
        foreach (var property in queuesObject?.Properties ?? [])
        {
            var what = $"queue '{property.Name}'";
            if (context.AsObject(property.Value, what) is not { } queue)
            {
                continue;
            }

            context.CheckProperties(queue, what, QueueProperties);
            queues[property.Name] = Read(property.Name, queue, what, messages);
        }

        return queues.ToImmutable();
    }

    private QueueDefinition Read(string id, LocatedObject queue, string what, SystemMessages messages)
    {
        var displayName = texts.ReadText(context.Require(queue, "name", what), $"the name of {what}", PlaceholderScope.Node)
            ?? new LocalizedText(ImmutableDictionary<string, string>.Empty);
        var defaults = QueueDefinition.WithDefaults(id, displayName, new SayAndHangUp(messages.QueueOverflow));
        var overflow = queue["overflow"] is { } overflowValue ? actions.ReadActionObject(overflowValue, $"overflow of {what}", ActionKinds.HandOn) : null;
        if (overflow is TransferToQueue { QueueId: var target } && target == id)
        {
            context.Error(DiagnosticCodes.BadAction, queue["overflow"]!.Where, $"overflow of {what} goes to the same queue; a caller who cannot stay in it cannot rejoin it");
            overflow = null;
        }

        return defaults with
        {
            Priority = context.AsInteger(queue["priority"], $"priority of {what}", -100, 100) ?? defaults.Priority,
            Strategy = context.AsChoice(queue["strategy"], $"strategy of {what}", Strategies) ?? defaults.Strategy,
            MaxLength = context.AsInteger(queue["maxLength"], $"maxLength of {what}", 1, 100_000) ?? defaults.MaxLength,
            MaxWait = Seconds(queue["maxWaitSeconds"], $"maxWaitSeconds of {what}", 86_400, MinMaxWaitSeconds) ?? defaults.MaxWait,
            Overflow = overflow ?? defaults.Overflow,
            WhenNoAgents = context.AsChoice(queue["whenNoAgents"], $"whenNoAgents of {what}", NoAgentChoices) ?? defaults.WhenNoAgents,
            LeaveWhenEmpty = context.AsBoolean(queue["leaveWhenEmpty"], $"leaveWhenEmpty of {what}") ?? defaults.LeaveWhenEmpty,
            ServiceLevelThreshold = Seconds(queue["serviceLevelSeconds"], $"serviceLevelSeconds of {what}") ?? defaults.ServiceLevelThreshold,
            RingTimeout = Seconds(queue["ringSeconds"], $"ringSeconds of {what}", 300) ?? defaults.RingTimeout,
            RingAttempts = context.AsInteger(queue["ringAttempts"], $"ringAttempts of {what}", 1, QueueDefinition.MaxRingAttempts) ?? defaults.RingAttempts,
            NextTierAfter = Seconds(queue["nextTierAfterSeconds"], $"nextTierAfterSeconds of {what}") ?? defaults.NextTierAfter,
            Announcements = ReadAnnouncements(queue["announce"], what, defaults.Announcements),
            Callback = ReadCallbackOffer(queue["callback"], what),
        };
    }

    private QueueAnnouncements ReadAnnouncements(LocatedValue? value, string what, QueueAnnouncements defaults)
    {
        if (context.AsObject(value, $"announce of {what}") is not { } announce)
        {
            return defaults;
        }

        context.CheckProperties(announce, $"announce of {what}", AnnounceProperties);
        return new QueueAnnouncements(
            Seconds(announce["everySeconds"], $"announce.everySeconds of {what}", min: MinAnnounceSeconds) ?? defaults.Every,
            context.AsBoolean(announce["position"], $"announce.position of {what}") ?? defaults.Position,
            context.AsBoolean(announce["expectedWait"], $"announce.expectedWait of {what}") ?? defaults.ExpectedWait,
            context.AsString(announce["music"], $"announce.music of {what}") ?? defaults.MusicClass);
    }

    private Callbacks.CallbackOffer? ReadCallbackOffer(LocatedValue? value, string what)
    {
        if (context.AsObject(value, $"callback of {what}") is not { } callback)
        {
            return null;
        }

        context.CheckProperties(callback, $"callback of {what}", CallbackProperties);
        var over = Seconds(callback["offerWhenWaitOverSeconds"], $"callback.offerWhenWaitOverSeconds of {what}");
        var whenClosed = context.AsBoolean(callback["whenClosed"], $"callback.whenClosed of {what}") ?? false;
        var hours = context.AsSeconds(callback["expiresAfterHours"], $"callback.expiresAfterHours of {what}", max: 24 * 30);
        if (over is null && !whenClosed)
        {
            context.Error(DiagnosticCodes.MissingProperty, callback.Where,
                $"callback of {what} offers nothing: give offerWhenWaitOverSeconds (virtual hold) and/or \"whenClosed\": true (scheduled callbacks)");
            return null;
        }
        return new Callbacks.CallbackOffer(over, hours is { } h ? Duration.FromHours(h) : Callbacks.CallbackOffer.DefaultExpiry, whenClosed);
    }

    private Duration? Seconds(LocatedValue? value, string what, double max = 3600, double min = 0) =>
        context.AsSeconds(value, what, max, min) is { } seconds ? Duration.FromSeconds(seconds) : null;
}
