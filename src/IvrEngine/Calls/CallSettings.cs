namespace IvrEngine.Calls;

/// <summary>Who is calling and how the call is run.</summary>
/// <param name="Locale">The caller's language; null for the menu's default. Must be one the menu declares.</param>
/// <param name="CallerId">The caller's number as the network presents it, if any.</param>
/// <param name="Reference">The call's reference number; null to draw one from <paramref name="Seed"/>.</param>
/// <param name="Seed">Seeds everything random about the call, so runs repeat exactly.</param>
/// <param name="Dispatch">
/// How timer callbacks reach the call. Calls are single-threaded: whoever owns the call must run
/// every input and timeout on one logical thread. Null runs callbacks where the timer fires,
/// which is right for a <see cref="Time.VirtualClock"/> driven by the owner's own thread.
/// </param>
/// <param name="Pacing">Whether prompts take time to say before the caller's no-input timer starts.</param>
/// <param name="Quiet">Keep no transcript and format no text (prompts, details): events carry only their type. For load simulation.</param>
/// <param name="CallCenter">The queues and agents behind the menu; null ends the call at a transfer ("transferred to queue X").</param>
public sealed record CallSettings(
    string? Locale = null,
    string? CallerId = null,
    ReferenceNumber? Reference = null,
    int Seed = 0,
    Action<Action>? Dispatch = null,
    PromptPacing Pacing = PromptPacing.Instant,
    Queues.CallCenter? CallCenter = null,
    Hours.BusinessHours? Hours = null,
    bool Quiet = false);
