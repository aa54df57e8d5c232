namespace IvrEngine.Hosting.Callbacks;

/// <summary>What one dial of a callback got.</summary>
internal enum DialResult
{
    Answered,
    Busy,
    NoAnswer,

    /// <summary>Not dialed: the queue or the calling window closed before a retry (postponed, not an attempt).</summary>
    NotNow,
}
