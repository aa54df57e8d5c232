namespace IvrEngine.Hosting.Callbacks;

/// <summary>What one dial of a callback got.</summary>
internal enum DialResult
{
    Answered,
    Busy,
    NoAnswer,
}
