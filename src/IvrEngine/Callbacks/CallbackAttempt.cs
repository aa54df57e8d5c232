using IvrEngine.Calls;
using NodaTime;

namespace IvrEngine.Callbacks;

/// <summary>One dial of a callback, recorded whatever happened.</summary>
/// <param name="Number">1 for the first dial of this callback, and so on.</param>
/// <param name="Result">answered, busy, no-answer, outside-window, interrupted…</param>
public sealed record CallbackAttempt(ReferenceNumber Reference, int Number, Instant At, string Result, string? Detail = null);
