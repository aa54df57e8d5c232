namespace IvrEngine.Calls;

/// <param name="Callback">The line called the caller back: they are greeted as such and wait ahead of new callers.</param>
internal sealed record TransferRequest(string QueueId, string Reason, bool Callback = false);
