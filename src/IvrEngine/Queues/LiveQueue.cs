using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Queues;

/// <summary>One queue at run time: its waiting callers in order, its members, and its recent handle times.</summary>
internal sealed class LiveQueue(QueueDefinition definition, IReadOnlyList<Agent> members, IQueueObserver? observer, TimeProvider time)
{
    private readonly List<Agent> _members = [.. members];

    // Enough recent calls to follow a shift's changes, few enough to react to them.
    private const int RecentHandleTimes = 50;

    // Recent talk plus wrap-up times, newest last, and their sum (kept, not re-added at every estimate).
    private readonly Queue<Duration> _recentHandleTimes = new();
    private long _recentHandledTicks;

    public QueueDefinition Definition { get; } = definition;

    public string Id => Definition.Id;

    /// <summary>Callers in service order (the queue's priority is shared, so arrival order).</summary>
    public List<QueuedCall> Waiting { get; } = [];

    public IReadOnlyList<Agent> Members => _members;

    /// <summary>Each member's tier in this queue, in <see cref="Members"/> order (a member's tier does not change while the line runs).</summary>
    public int[] MemberTiers { get; private set; } = [.. members.Select(a => a.TierIn(definition.Id))];

    /// <summary>The first tier rung (1 with no members).</summary>
    public int LowestTier { get; private set; } = members.Count == 0 ? 1 : members.Min(a => a.TierIn(definition.Id));

    /// <summary>The last tier rung (1 with no members).</summary>
    public int HighestTier { get; private set; } = members.Count == 0 ? 1 : members.Max(a => a.TierIn(definition.Id));

    public QueueMetrics Metrics { get; } = new(definition.ServiceLevelThreshold, definition.Id, observer, time);

    /// <summary>The agent rung last, for round robin with memory.</summary>
    public Agent? LastRung { get; set; }

    /// <summary>The average of the last calls' talk plus wrap-up times, or null while there are too few to trust.</summary>
    public Duration? AverageHandleTime => ExpectedWaitEstimator.AverageHandle(_recentHandledTicks, _recentHandleTimes.Count);

    /// <summary>Room for one <see cref="AgentSnapshot"/> per member: the wait estimate fills it at every announcement instead of allocating.</summary>
    public AgentSnapshot[] SnapshotBuffer { get; private set; } = new AgentSnapshot[members.Count];

    public bool HasLoggedInMembers => Members.Any(a => a.State != AgentState.Away);

    /// <summary>A live agent who signs in with queues of their own joins while the line runs (at the end: staffing order is kept).</summary>
    public void AddMember(Agent agent)
    {
        _members.Add(agent);
        MemberTiers = [.. MemberTiers, agent.TierIn(Id)];
        LowestTier = MemberTiers.Min();
        HighestTier = MemberTiers.Max();
        SnapshotBuffer = new AgentSnapshot[_members.Count];
    }

    public int PositionOf(QueuedCall call) => Waiting.IndexOf(call) + 1;

    public void RecordHandleTime(Duration handled)
    {
        if (_recentHandleTimes.Count == RecentHandleTimes) _recentHandledTicks -= _recentHandleTimes.Dequeue().BclCompatibleTicks;
        _recentHandleTimes.Enqueue(handled);
        _recentHandledTicks += handled.BclCompatibleTicks;
    }
}
