using IvrEngine.Calls;
using NodaTime;

namespace IvrEngine.Callbacks;

/// <summary>
/// A callback the line has promised, as the store keeps it.
/// </summary>
/// <param name="Reference">The original call's reference number: the caller was told it, and the callback keeps it.</param>
/// <param name="PhoneNumber">The number to call, in E.164 (<c>+12025550143</c>).</param>
/// <param name="DueAt">The earliest time to dial. For virtual hold: when the caller's place was expected to come up (moved to "now" when it does).</param>
/// <param name="ExpiresAt">After this the callback is given up and marked <see cref="CallbackState.Expired"/>.</param>
/// <param name="NextAttemptAt">After a failed attempt: not before this.</param>
/// <param name="LeaseUntil">While <see cref="CallbackState.Dialing"/>: the claim lapses at this time (a crashed dialer's claim can then be taken over).</param>
/// <param name="Line">The line (menu name) that promised it: only a dialer serving that line places it. Null for callbacks stored before lines were recorded.</param>
/// <param name="CancelledAt">When it was cancelled, if it was.</param>
/// <param name="CancelledBy">Who cancelled it (an operator's name, or "caller").</param>
/// <param name="JoinedAt">For virtual hold: when the caller joined the queue. A restarted line puts the kept place back in line by it, so it keeps its order against callers who came later. Null for scheduled callbacks and those stored before it was recorded.</param>
public sealed record CallbackRequest(
    ReferenceNumber Reference,
    string Queue,
    string PhoneNumber,
    CallbackKind Kind,
    string Locale,
    Instant RequestedAt,
    Instant DueAt,
    Instant ExpiresAt,
    CallbackState State = CallbackState.Pending,
    int Attempts = 0,
    Instant? NextAttemptAt = null,
    string? LastResult = null,
    Instant? LeaseUntil = null,
    string? LeaseOwner = null,
    string? Line = null,
    Instant? CancelledAt = null,
    string? CancelledBy = null,
    Instant? JoinedAt = null);
