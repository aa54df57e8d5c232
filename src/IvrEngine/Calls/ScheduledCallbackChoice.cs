using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Calls;

/// <summary>The times offered to a caller (at a closed queue, or by a callback option), and (once chosen) which.</summary>
/// <param name="Number">The number to call in E.164: the caller ID when it can be called, else null until one is keyed in.</param>
internal sealed record ScheduledCallbackChoice(
    string QueueId, Hours.HoursRule Hours, string Reason, string? Number, Duration ExpiresAfter, DateTimeZone Zone, DateTimeZone CalleeZone, IReadOnlyList<Instant> Slots)
{
    public int? Chosen { get; init; }

    /// <summary>For an option's offer: the node to go back to when the caller declines. Null at a closed queue (its whenClosed follows).</summary>
    public MenuNode? ReturnTo { get; init; }
}
