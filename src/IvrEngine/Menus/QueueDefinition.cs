using IvrEngine.Hours;
using IvrEngine.Queues;
using NodaTime;

namespace IvrEngine.Menus;

/// <summary>A queue of agents a call can be transferred to, with the name callers hear and how it routes and overflows.</summary>
/// <param name="Priority">Agents in several queues serve the higher number first; FIFO within one priority.</param>
/// <param name="MaxLength">Callers beyond this many are sent to <paramref name="Overflow"/> (FULL); null for no limit.</param>
/// <param name="MaxWait">Callers waiting this long leave for <paramref name="Overflow"/> (EXITWITHTIMEOUT); null for no limit.</param>
/// <param name="Overflow">Where a caller goes who cannot join or stay: another queue, a node, or a message and hang-up.</param>
/// <param name="LeaveWhenEmpty">Waiting callers leave for <paramref name="Overflow"/> when the last agent logs out (EXITEMPTY).</param>
/// <param name="ServiceLevelThreshold">"Answered within X" for the service-level figures (20 s by default, the usual 80/20 target).</param>
/// <param name="RingTimeout">How long one agent's phone rings before the call is redirected to the next.</param>
/// <param name="RingAttempts">How many agents are tried in one offer before the caller waits again.</param>
/// <param name="NextTierAfter">How long a caller waits before agents of the next tier may take the call.</param>
public sealed record QueueDefinition(
    string Id,
    LocalizedText DisplayName,
    int Priority,
    RoutingStrategy Strategy,
    int? MaxLength,
    Duration? MaxWait,
    MenuAction Overflow,
    WhenNoAgents WhenNoAgents,
    bool LeaveWhenEmpty,
    Duration ServiceLevelThreshold,
    Duration RingTimeout,
    int RingAttempts,
    Duration NextTierAfter,
    QueueAnnouncements Announcements)
{
    /// <summary>When set, a caller sent here while the schedule is closed does not join: they hear the closed message and go to its whenClosed.</summary>
    public HoursRule? Hours { get; init; }

    /// <summary>When set, waiting callers facing a long wait are offered a callback that keeps their place (virtual hold).</summary>
    public Callbacks.CallbackOffer? Callback { get; init; }

    /// <summary>How long an agent's phone rings when the menu does not say (<c>ringSeconds</c>).</summary>
    public static readonly Duration DefaultRingTimeout = Duration.FromSeconds(15);

    /// <summary>The most agents one offer may ring in turn (<c>ringAttempts</c> is at most this).</summary>
    public const int MaxRingAttempts = 50;

    /// <summary>A queue with the documented defaults; the loader fills in what the file gives.</summary>
    public static QueueDefinition WithDefaults(string id, LocalizedText displayName, MenuAction overflow) => new(
        id,
        displayName,
        Priority: 0,
        RoutingStrategy.LongestIdle,
        MaxLength: null,
        MaxWait: null,
        overflow,
        WhenNoAgents.Join,
        LeaveWhenEmpty: false,
        ServiceLevelThreshold: Duration.FromSeconds(20),
        RingTimeout: DefaultRingTimeout,
        RingAttempts: 3,
        NextTierAfter: Duration.FromSeconds(30),
        new QueueAnnouncements(Duration.FromSeconds(45), Position: true, ExpectedWait: true, MusicClass: "default"));
}
