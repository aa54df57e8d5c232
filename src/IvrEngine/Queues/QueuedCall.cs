using NodaTime;

namespace IvrEngine.Queues;

/// <summary>A caller waiting in a queue: when they joined, where, what they were last told, and their timers.</summary>
internal sealed class QueuedCall(IQueueCaller call, LiveQueue queue, Instant joinedAt, long sequence, int originalPosition)
{
    public IQueueCaller Call { get; } = call;

    public LiveQueue Queue { get; } = queue;

    public Instant JoinedAt { get; } = joinedAt;

    /// <summary>Global arrival order: FIFO within a priority, across queues.</summary>
    public long Sequence { get; } = sequence;

    public int OriginalPosition { get; } = originalPosition;

    /// <summary>The last position announced; a later announcement never says a larger one.</summary>
    public int? LastAnnouncedPosition { get; set; }

    /// <summary>A callback leg: it waits ahead of new callers.</summary>
    public bool Ahead { get; init; }

    /// <summary>Where the virtual-hold offer stands for this caller.</summary>
    public CallbackStep Callback { get; set; }

    /// <summary>The number read back to the caller, once they asked for a callback.</summary>
    public string? CallbackNumber { get; set; }

    /// <summary>Set when the caller left with a callback: the entry only keeps their place.</summary>
    public Callbacks.CallbackRequest? VirtualHold { get; set; }

    /// <summary>The virtual-hold place came up and the callee is being dialed: callers behind wait.</summary>
    public bool CallingBack { get; set; }

    /// <summary>The agent who picked up, once one has.</summary>
    public Agent? AnsweredBy { get; set; }

    /// <summary>Set while agents are being rung for this caller; cancelled if the caller hangs up.</summary>
    public CancellationTokenSource? Offer { get; set; }

    public List<ITimer> Timers { get; } = [];

    public void StopTimers()
    {
        foreach (var timer in Timers) timer.Dispose();
        Timers.Clear();
    }
}
