using NodaTime;

namespace IvrEngine.Calls;

/// <summary>One stay of a call in a queue, for the call's summary: where it joined, how it left.</summary>
public sealed class QueueVisit(string queue, Instant joinedAt, int position)
{
    public string Queue { get; } = queue;

    public Instant JoinedAt { get; } = joinedAt;

    /// <summary>The position the caller joined at (0 when they were turned away).</summary>
    public int Position { get; } = position;

    /// <summary>When the caller left the queue (answered, abandoned, overflowed), or null while waiting.</summary>
    public Instant? LeftAt { get; internal set; }

    /// <summary>How the stay ended: "answered by Maria", "abandoned after 42 s", "queue full".</summary>
    public string? Result { get; internal set; }

    public Duration? Waited => LeftAt - JoinedAt;
}
