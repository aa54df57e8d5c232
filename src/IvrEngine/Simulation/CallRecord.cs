using IvrEngine.Calls;
using NodaTime;

namespace IvrEngine.Simulation;

/// <summary>
/// What happened to one simulated caller, as either executor reports it when asked to (the
/// differential test compares the two call for call). Kept only on request: a long run keeps none.
/// </summary>
/// <param name="Week">The simulated week (0-based) and <paramref name="Sequence"/> the caller's place in its arrivals.</param>
/// <param name="OutcomeQueue">The queue the outcome names (answered, abandoned, called back in it), if any.</param>
/// <param name="Path">The menu nodes entered, in order, joined by <c>" > "</c>.</param>
/// <param name="Queue">The last queue joined; <paramref name="JoinedAt"/> and <paramref name="Wait"/> (until answered, abandoned or booked) belong to it.</param>
/// <param name="Agent">The agent who answered, and <paramref name="Talk"/> how long they talked.</param>
/// <param name="CallbackBookedAt">When a callback was booked (virtual hold in the queue, or a scheduled time), if one was: the call ends then.</param>
/// <param name="CallbackDueAt">When that callback was promised for: the time the caller chose, or (virtual hold) their turn as estimated then.</param>
public sealed record CallRecord(
    int Week,
    long Sequence,
    CallOutcomeKind Outcome,
    string? OutcomeQueue,
    string Path,
    string? Queue,
    Instant? JoinedAt,
    Duration? Wait,
    string? Agent,
    Duration? Talk,
    Instant? CallbackBookedAt,
    Instant? CallbackDueAt,
    Instant EndedAt)
{
    /// <summary>How a path's node ids are joined.</summary>
    public const string PathSeparator = " > ";
}
