namespace IvrEngine.Callbacks;

/// <summary>
/// Store-then-tell for every callback the line promises (scheduled and virtual hold): the request is
/// stored first, under a reference no other callback holds, and only what was stored is told to the
/// caller. A store that fails promises nothing; a number that already has a callback pending in the
/// queue gets that one back (one promise, one reference).
/// </summary>
internal static class CallbackBooking
{
    /// <summary>The key read back for a number to confirm (<see cref="ConfirmationKey"/>).</summary>
    public static ConfirmationKey Read(char key) => key switch
    {
        '1' => ConfirmationKey.Confirm,
        '2' => ConfirmationKey.Cancel,
        '3' => ConfirmationKey.AnotherNumber,
        _ => ConfirmationKey.None,
    };

    /// <param name="callReference">The call's reference: the callback keeps it unless another callback holds it.</param>
    /// <param name="request">The request to store, under the reference given.</param>
    public static CallbackBookingResult Store(ICallbackStore store, Calls.ReferenceNumber callReference, Func<Calls.ReferenceNumber, CallbackRequest> request)
    {
        try
        {
            var reference = CallbackReferences.Unused(store, callReference);
            var stored = store.Schedule(request(reference));
            return new CallbackBookingResult(stored, stored.Reference == reference, null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Nothing is promised that is not stored: the caller is told, and the failure is noted where the caller's path is.
            return new CallbackBookingResult(null, false, $"not booked: the store failed ({exception.Message})");
        }
    }
}
