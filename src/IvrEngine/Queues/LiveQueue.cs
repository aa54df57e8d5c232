using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Queues;

/// <summary>One queue at run time: its waiting callers in order, its members, and its recent handle times.</summary>
internal sealed class LiveQueue(QueueDefinition definition, IReadOnlyList<Agent> members, IQueueObserver? observer, TimeProvider time)
{
    // Enough recent calls to follow a shift's changes, few enough to react to them.
    private const int RecentHandleTimes = 50;

    private readonly Queue<Duration> _recentHandleTimes = new();

    public QueueDefinition Definition { get; } = definition;

    public string Id => Definition.Id;

    /// <summary>Callers in service order (the queue's priority is shared, so arrival order).</summary>
    public List<QueuedCall> Waiting { get; } = [];

    public IReadOnlyList<Agent> Members { get; } = members;

    public QueueMetrics Metrics { get; } = new(definition.ServiceLevelThreshold, definition.Id, observer, time);

    /// <summary>The agent rung last, for round robin with memory.</summary>
    public Agent? LastRung { get; set; }

    /// <summary>Recent talk plus wrap-up times, newest last.</summary>
    public IReadOnlyCollection<Duration> RecentHandleTimesSample => _recentHandleTimes;

    public bool HasLoggedInMembers => Members.Any(a => a.State != AgentState.Away);

    public int PositionOf(QueuedCall call) => Waiting.IndexOf(call) + 1;

    public void RecordHandleTime(Duration handled)
    {
        if (_recentHandleTimes.Count == RecentHandleTimes) _recentHandleTimes.Dequeue();
        _recentHandleTimes.Enqueue(handled);
    }
}
