using IvrEngine.Queues.Agents;
using IvrEngine.Queues.Ringing;
using IvrEngine.Queues.VirtualHold;

namespace IvrEngine.Queues.Routing;

/// <summary>
/// The routing loop: offers waiting callers to free agents, best first — higher queue priority, then
/// callers put through ahead, then earlier arrival. Re-entrant calls (an offer ending inside another)
/// are folded into one more pass.
/// </summary>
internal sealed class Router(WaitingLines lines, AgentRoster roster, FreeAgents freeAgents, KeptPlaces keptPlaces, Ringer ringer)
{
    /// <summary>Who is offered a free agent first: higher queue priority, then callers put through ahead, then earlier arrival.</summary>
    private static readonly Comparison<QueuedCall> ServiceOrder = static (a, b) =>
    {
        var byPriority = b.Queue.Definition.Priority.CompareTo(a.Queue.Definition.Priority);
        if (byPriority != 0) return byPriority;
        var byAhead = b.Ahead.CompareTo(a.Ahead);
        return byAhead != 0 ? byAhead : a.Sequence.CompareTo(b.Sequence);
    };

    // The working lists, kept between passes (routing never runs inside itself).
    private readonly List<QueuedCall> _inOrder = [];
    private readonly HashSet<LiveQueue> _callingBack = [];
    private bool _routing;
    private bool _routeAgain;

    public void Route()
    {
        if (_routing)
        {
            _routeAgain = true;
            return;
        }

        _routing = true;
        try
        {
            do
            {
                _routeAgain = false;
                // Most routing passes happen while every agent is busy: nothing to do, whatever the queue length.
                if (!roster.AnyAvailable()) break;
                var inOrder = _inOrder;
                inOrder.Clear();
                foreach (var queue in lines.Queues.Values) inOrder.AddRange(queue.Waiting);
                inOrder.Sort(ServiceOrder);
                // While a kept place is being called back, the callers behind it in that queue wait:
                // the next free agent is theirs only once the callee has answered or not.
                var callingBack = _callingBack;
                callingBack.Clear();
                foreach (var entry in inOrder)
                {
                    if (callingBack.Contains(entry.Queue)) continue;
                    if (entry.VirtualHold is { } held)
                    {
                        if (!entry.CallingBack && freeAgents.AnyFor(entry)) keptPlaces.CallBack(entry, held);
                        if (entry.CallingBack) callingBack.Add(entry.Queue);
                    }
                    else if (entry.Offer is null && lines.IsWaiting(entry) && freeAgents.AnyFor(entry))
                    {
                        ringer.Start(entry);
                    }
                    // Each offer takes an agent: once none is free, the callers further back have nothing to wait for here.
                    if (!roster.AnyAvailable()) break;
                }
                inOrder.Clear();
            }
            while (_routeAgain);
        }
        finally
        {
            _routing = false;
        }
    }
}
