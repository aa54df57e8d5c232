using NodaTime;

namespace IvrEngine.Queues;

/// <summary>One line of the queue log.</summary>
/// <param name="Reference">The caller's reference number (the call id in Asterisk's format); empty for agent events.</param>
/// <param name="Position">The caller's position when the event happened, where it has one.</param>
/// <param name="OriginalPosition">The position the caller joined at.</param>
/// <param name="Wait">Time waited in the queue so far.</param>
/// <param name="Talk">Time talking to the agent (completions and transfers).</param>
/// <param name="Ring">How long the agent's phone rang.</param>
/// <param name="Detail">Anything else: the target queue of a transfer, the caller ID on entry.</param>
public sealed record QueueEvent(
    Instant At,
    QueueEventType Type,
    string Queue,
    string Reference,
    string? Agent = null,
    int? Position = null,
    int? OriginalPosition = null,
    Duration? Wait = null,
    Duration? Talk = null,
    Duration? Ring = null,
    string? Detail = null);
