namespace IvrEngine.Queues;

/// <summary>The centre's queues and which place in line each waiting caller holds.</summary>
internal sealed class WaitingLines
{
    private readonly Dictionary<string, LiveQueue> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<IQueueCaller, QueuedCall> _waiting = [];
    private long _sequence;

    /// <summary>The queues in the menu's order (added once, never removed: the order is stable).</summary>
    public IReadOnlyDictionary<string, LiveQueue> Queues => _queues;

    public void Add(LiveQueue queue) => _queues[queue.Id] = queue;

    public long NextSequence() => _sequence++;

    public bool TryGet(IQueueCaller call, out QueuedCall entry) => _waiting.TryGetValue(call, out entry!);

    public void Hold(QueuedCall entry) => _waiting[entry.Call] = entry;

    /// <summary>True while <paramref name="entry"/> is its caller's place in line (not one they have left).</summary>
    public bool IsWaiting(QueuedCall entry) => _waiting.TryGetValue(entry.Call, out var current) && ReferenceEquals(current, entry);

    /// <summary>The caller leaves the line: their place, its timers and any ringing for them end.</summary>
    public void Remove(QueuedCall entry)
    {
        entry.Queue.Waiting.Remove(entry);
        _waiting.Remove(entry.Call);
        StopWaiting(entry);
    }

    /// <summary>The caller stops waiting but their place stays in line (virtual hold keeps it for the callback).</summary>
    public void KeepPlace(QueuedCall entry)
    {
        _waiting.Remove(entry.Call);
        StopWaiting(entry);
    }

    private static void StopWaiting(QueuedCall entry)
    {
        entry.StopTimers();
        entry.Offer?.Cancel();
    }
}
