using IvrEngine.Queues;
using NodaTime;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// A queue's limits, step for step as QueueAdmission: callers turned away on arrival (the queue full,
/// or nobody logged in when it says to overflow then), and callers who leave the line for the
/// overflow (the maximum wait, the last agent logging out when it says to leave then). The overflow
/// is a menu action, performed as CallSession does from the state the caller is in. A callback's leg
/// sent on performs it with nobody on the line (<see cref="CallSlot.Callee"/>); one sent to the menus is handed back.
/// </summary>
internal sealed partial class KernelWeek
{
    // Callers waiting in each queue without virtual hold (a queue with it counts its line, kept places and legs included).
    private readonly int[] _queueWaiting;
    private readonly List<(int Slot, long Entry)> _leaving = [];

    /// <summary>QueueAdmission.Join's checks: the queue is full, or nobody is logged in and it sends callers on then.</summary>
    private bool TurnsAway(int queue)
    {
        var limit = _line.QueueLimits[queue];
        return WaitingIn(queue) >= limit.MaxLength || (limit.OverflowWhenNoAgents && !HasLoggedInMembers(queue));
    }

    /// <summary>
    /// QueueAdmission.Turn, then CallSession.OnTransfer's overflow: counted as turned away, a visit of no wait,
    /// and the overflow performed (the menu budget was stopped on transferring, and stays stopped).
    /// </summary>
    private void TurnAway(int slot, int queue)
    {
        _observer.Overflowed(_line.QueueIds[queue], Now, Duration.Zero, turnedAway: true);
        ref var call = ref _calls[slot];
        call.Queue = queue;
        call.JoinedAt = _now;
        call.LeftAt = _now;
        call.State = KernelCallState.InMenu;
        Perform(slot, _line.QueueLimits[queue].Overflow);
    }

    /// <summary>QueueAdmission.ArmTimers: the entry leaves for the overflow once it has waited the queue's maximum.</summary>
    private void ArmMaxWait(int slot, int queue)
    {
        var maxWait = _line.QueueLimits[queue].MaxWaitTicks;
        if (maxWait >= 0) _calls[slot].MaxWaitTimer = _events.Push(_now + maxWait, KernelEventKind.MaxWait, slot);
    }

    /// <summary>The maximum wait's timer (QueueAdmission.Leave with EXITWITHTIMEOUT).</summary>
    private void WaitedTooLong(int slot)
    {
        ref var call = ref _calls[slot];
        if (call.State != KernelCallState.Queued || !call.Waiting) return;
        LeaveForOverflow(slot);
    }

    /// <summary>
    /// QueueAdmission.EmptyQueuesOf: the agent is away now; if nobody of their queue is logged in and it says
    /// so, every caller waiting in it (in line order, as the line was then) leaves for the overflow.
    /// </summary>
    private void EmptyQueueOf(int agent)
    {
        var queue = _line.AgentQueue[agent];
        if (!_line.QueueLimits[queue].LeaveWhenEmpty || HasLoggedInMembers(queue)) return;
        var leaving = _leaving;
        leaving.Clear();
        if (_order[queue] is { } order)
        {
            foreach (var slot in order) leaving.Add((slot, _calls[slot].EntrySequence));
        }
        else
        {
            _waiting[queue].CopyWaiting(_calls, leaving);
        }
        // Copied: each leaving caller's overflow may send callers into other lines (never back into this one's copy).
        foreach (var (slot, entry) in leaving.ToArray())
        {
            ref var call = ref _calls[slot];
            // Kept places are not waiting callers: they stay (QueueAdmission.Leave skips them).
            if (call.State != KernelCallState.Queued || !call.Waiting || call.EntrySequence != entry) continue;
            LeaveForOverflow(slot);
            if (_handBack is not null) return;
        }
    }

    /// <summary>
    /// QueueAdmission.Leave: out of the line (a delayed ring for the caller withdrawn, and routed), counted as overflowed after
    /// their wait, the visit ends (their patience stops), the overflow is performed, and routing runs.
    /// </summary>
    private void LeaveForOverflow(int slot)
    {
        ref var call = ref _calls[slot];
        var queue = call.Queue;
        call.Waiting = false;
        call.LeftAt = _now;
        _events.Cancel(ref call.MaxWaitTimer);
        LeaveLine(slot, queue);
        if (WithdrawRing(slot)) Rings.SentOn++;
        // A leg put through ahead was not counted offered on joining: it is now, when it leaves unanswered.
        if (call.IsLeg) _observer.Offered(_line.QueueIds[queue], At(call.JoinedAt));
        call.IsLeg = false;
        _observer.Overflowed(_line.QueueIds[queue], Now, Duration.FromTicks(_now - call.JoinedAt), turnedAway: false);
        _events.Cancel(ref call.PatienceTimer);
        // CallSession's Overflow: the action is performed from the queued state (to a node, another queue, or a goodbye).
        call.State = KernelCallState.InMenu;
        Perform(slot, _line.QueueLimits[queue].Overflow);
        Route();
    }

    /// <summary>The engine's Waiting.Count: callers in line, being rung included.</summary>
    private int WaitingIn(int queue) => _order[queue]?.Count ?? _queueWaiting[queue];

    /// <summary>LiveQueue.HasLoggedInMembers: any agent of the queue not away (one logging out after a call still counts).</summary>
    private bool HasLoggedInMembers(int queue)
    {
        var first = _line.TeamFirst[queue];
        var end = first + _line.TeamSize[queue];
        for (var a = first; a < end; a++)
        {
            if (_agentState[a] != AgentState.Away) return true;
        }
        return false;
    }
}
