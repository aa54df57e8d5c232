namespace IvrEngine.Callbacks;

/// <summary>What storing a callback came to.</summary>
/// <param name="Stored">The callback now pending for the caller, or null when the store failed.</param>
/// <param name="IsNew">True when <paramref name="Stored"/> is the request just made; false when the number already had one pending in the queue.</param>
/// <param name="Failure">Why nothing was stored (for the transcript and the queue log), or null.</param>
internal readonly record struct CallbackBookingResult(CallbackRequest? Stored, bool IsNew, string? Failure);
