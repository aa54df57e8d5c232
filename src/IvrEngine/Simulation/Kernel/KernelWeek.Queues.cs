using IvrEngine.Calls;
using IvrEngine.Queues;
using NodaTime;

namespace IvrEngine.Simulation.Kernel;

/// <summary>The queues and agents: CallCenter's join, routing, ringing, talk and wrap-up, step for step.</summary>
internal sealed partial class KernelWeek
{
    private readonly AgentState[] _agentState;
    private readonly long[] _agentIdleSince;
    private readonly bool[] _agentLoggingOut;
    private readonly int[] _agentCalls;
    private readonly int[] _agentRingSlot;
    private readonly int[] _queueAvailable;
    private readonly int[] _lastRung;
    private readonly WaitingLine[] _waiting;
    private int _available;
    private long _entrySequence;

    /// <summary>How often the week took the paths of an answer delay, which the figures do not show: for tests to say they were taken.</summary>
    internal RingTally Rings { get; } = new();

    /// <summary>The call starts waiting now, behind every call that joined before it (a callback leg as a caller).</summary>
    private void TakePlaceInLine(ref CallSlot call)
    {
        call.JoinedAt = _now;
        call.LeftAt = -1;
        call.EntrySequence = _entrySequence++;
        call.Waiting = true;
        call.Offered = false;
    }

    /// <summary>QueueAdmission.Join, then CallCenter.Queued's routing; false when the caller was turned away (full, nobody logged in) and sent to the overflow.</summary>
    private bool Join(int slot, int queue)
    {
        _observer.Offered(_line.QueueIds[queue], Now);
        if (TurnsAway(queue))
        {
            TurnAway(slot, queue);
            return false;
        }
        ref var call = ref _calls[slot];
        call.Queue = queue;
        TakePlaceInLine(ref call);
        call.MovesWithoutInput = 0;
        // A new entry: nothing offered or announced in it yet (a caller sent on from another queue starts afresh).
        call.Callback = KernelCallbackStep.None;
        call.LastAnnouncedPosition = 0;
        _waiting[queue].Add(slot, call.EntrySequence);
        if (!HasVirtualHold(queue)) _queueWaiting[queue]++;
        // A callee sent on from their leg has nobody on the line to run out of patience.
        if (_scenario.Callers.Patience is { } patience && !call.Callee)
        {
            call.PatienceTimer = _events.Push(After(patience.Sample(new SlotRandom(_calls, slot)).ToTimeSpan()), KernelEventKind.Patience, slot);
        }
        // The entry's own timers, in QueueAdmission.ArmTimers' order: the maximum wait, then the reminder.
        ArmMaxWait(slot, queue);
        if (HasVirtualHold(queue)) JoinLine(slot, queue);
        Route();
        return true;
    }

    /// <summary>The caller's patience ran out while waiting (CallCenter.CallerHungUp, then the session ends).</summary>
    private void Abandon(int slot)
    {
        ref var call = ref _calls[slot];
        call.Waiting = false;
        call.LeftAt = _now;
        var queue = call.Queue;
        LeaveLine(slot, queue);
        if (WithdrawRing(slot)) Rings.HungUp++;
        _observer.Abandoned(_line.QueueIds[queue], Now, Duration.FromTicks(_now - call.JoinedAt));
        Route();
        End(slot, CallOutcomeKind.AbandonedInQueue, queue);
    }

    /// <summary>
    /// CallCenter.Route: free agents are offered waiting callers best first (higher queue priority,
    /// then earlier joining). Each agent serves one queue here, so the pass is a merge of the queues'
    /// lines, each taking as many callers as it has agents free.
    /// </summary>
    private void Route()
    {
        // A place released inside a pass (a callback the dialer postponed) routes once more after it, as the Router's re-entrant route does.
        do
        {
            _routeAgain = false;
            RoutePass();
        }
        while (_routeAgain && _handBack is null);
    }

    private void RoutePass()
    {
        if (_available == 0) return;
        var queues = _waiting.Length;
        for (var q = 0; q < queues; q++)
        {
            _waiting[q].Rewind(_calls);
            _legs[q]?.Rewind(_calls);
            _blocked[q] = false;
        }
        while (_available > 0)
        {
            var best = -1;
            var bestSlot = -1;
            var bestAhead = false;
            long bestEntry = 0;
            for (var q = 0; q < queues; q++)
            {
                if (_queueAvailable[q] == 0 || _blocked[q]) continue;
                // Callback legs go ahead of everyone of their queue's priority; then callers by arrival.
                long entry = 0;
                var slot = _legs[q]?.NextUnoffered(_calls, out entry) ?? -1;
                var ahead = slot >= 0;
                if (!ahead) slot = _waiting[q].NextUnoffered(_calls, out entry);
                if (slot < 0) continue;
                if (_calls[slot].CallingBack)
                {
                    // A kept place being called back: the callers behind it in its queue wait (Router).
                    _blocked[q] = true;
                    continue;
                }
                if (best < 0 || _line.QueuePriority[q] > _line.QueuePriority[best]
                    || (_line.QueuePriority[q] == _line.QueuePriority[best] && (ahead && !bestAhead || (ahead == bestAhead && entry < bestEntry))))
                {
                    best = q;
                    bestSlot = slot;
                    bestAhead = ahead;
                    bestEntry = entry;
                }
            }
            if (best < 0) return;
            if (_calls[bestSlot].State == KernelCallState.Callback)
            {
                // A kept place has come up: its callback is dialed; the agent stays free.
                CallBack(bestSlot, best);
                if (_handBack is not null) return;
            }
            else
            {
                Offer(bestSlot, best);
            }
        }
    }

    /// <summary>
    /// Ringer.Start: one agent is picked by the queue's strategy and rung. One who answers at once is acted on at
    /// the clock's next turn; one with an answer delay picks up when it has passed (SimulatedAgentBehaviour's
    /// timer, armed here as the engine arms it), unless the caller stops waiting first (<see cref="WithdrawRing"/>).
    /// The queue's ring timeout never comes first: KernelSupport refuses delays that long.
    /// </summary>
    private void Offer(int slot, int queue)
    {
        ref var call = ref _calls[slot];
        call.Offered = true;
        if (_line.QueueStrategy[queue] == RoutingStrategy.RingAll)
        {
            RingAll(slot, queue);
            return;
        }
        var agent = Choose(queue);
        _lastRung[queue] = agent;
        MoveTo(agent, AgentState.Ringing);
        // The engine draws whether the agent answers (nobody fails to here), so the stream stays in step.
        _agentRandom.NextDouble();
        _agentRingSlot[agent] = slot;
        var delay = _line.QueueAnswerDelayTicks[queue];
        if (delay >= 0)
        {
            call.RingAgent = agent;
            call.RingTimer = _events.Push(_now + delay, KernelEventKind.PickUp, slot);
            return;
        }
        _events.Push(_now, KernelEventKind.Connect, agent, call.EntrySequence);
    }

    /// <summary>The agent rung with a delay picks up: the caller still waits (every way out of the line withdraws the ring first), so they connect.</summary>
    private void PickUp(int slot)
    {
        ref var call = ref _calls[slot];
        // Ring-all: the winner's pick-up stops the others' rings first (Ringer.RaceAsync), free again with nobody routed to them yet.
        if (_line.QueueStrategy[call.Queue] == RoutingStrategy.RingAll) StopRings(slot, except: call.RingAgent);
        Answer(call.RingAgent, call.EntrySequence);
    }

    /// <summary>
    /// Ringer.RaceAsync with simulated agents: every free agent of the queue is rung at once, in seat order, with
    /// one answer draw each. All pick up after the same delay (a zero-delay timer each when there is none), so
    /// the first rung wins; the others' rings are stopped as the winner picks up (<see cref="PickUp"/>).
    /// </summary>
    private void RingAll(int slot, int queue)
    {
        var first = _line.TeamFirst[queue];
        var end = first + _line.TeamSize[queue];
        var winner = -1;
        for (var agent = first; agent < end; agent++)
        {
            if (_agentState[agent] != AgentState.Available) continue;
            if (winner < 0) winner = agent;
            MoveTo(agent, AgentState.Ringing);
            _agentRandom.NextDouble();
            _agentRingSlot[agent] = slot;
        }
        ref var call = ref _calls[slot];
        call.RingAgent = winner;
        call.RingTimer = _events.Push(_now + Math.Max(0, _line.QueueAnswerDelayTicks[queue]), KernelEventKind.PickUp, slot);
    }

    /// <summary>The rings for the caller in <paramref name="slot"/> stop (AgentRoster.RingedOut): each agent rung but <paramref name="except"/> is free again.</summary>
    private void StopRings(int slot, int except)
    {
        var queue = _line.AgentQueue[_calls[slot].RingAgent];
        var end = _line.TeamFirst[queue] + _line.TeamSize[queue];
        for (var agent = _line.TeamFirst[queue]; agent < end; agent++)
        {
            if (agent == except || _agentState[agent] != AgentState.Ringing || _agentRingSlot[agent] != slot) continue;
            if (_agentLoggingOut[agent]) Rings.WithdrawnWhileLoggingOut++;
            MoveTo(agent, AgentState.Available);
        }
    }

    /// <summary>
    /// The caller stops waiting while an agent rings for them with a delay (WaitingLines.StopWaiting cancels the
    /// offer): the ring is withdrawn there and then — the agent is free again (still logging out, if asked to:
    /// AgentRoster.RingedOut) and the line routes, so the next caller may get that agent — before the caller's
    /// leaving is counted. A ring of an agent who answered at once is not withdrawn: it has already ended.
    /// </summary>
    /// <returns>Whether a ring was withdrawn.</returns>
    private bool WithdrawRing(int slot)
    {
        ref var call = ref _calls[slot];
        if (call.RingTimer < 0) return false;
        _events.Cancel(ref call.RingTimer);
        StopRings(slot, except: -1);
        Route();
        return true;
    }

    /// <summary>The agent picked up: connected if the caller still waits; otherwise free for the next.</summary>
    private void Answer(int agent, long entry)
    {
        var slot = _agentRingSlot[agent];
        ref var call = ref _calls[slot];
        if (call.State == KernelCallState.Queued && call.Waiting && call.EntrySequence == entry)
        {
            Connect(slot, agent);
            return;
        }
        if (_agentState[agent] == AgentState.Ringing) MoveTo(agent, AgentState.Available);
        Route();
    }

    private void Connect(int slot, int agent)
    {
        ref var call = ref _calls[slot];
        call.Waiting = false;
        call.Offered = false;
        MoveTo(agent, AgentState.OnCall);
        _agentCalls[agent]++;
        LeaveLine(slot, call.Queue);
        _agentCallStart[agent] = _now;
        _observer.Answered(_line.QueueIds[call.Queue], Now, Duration.FromTicks(_now - call.JoinedAt), callbackLeg: call.IsLeg);
        var talk = _line.QueueHandleTime[_line.AgentQueue[agent]]!.Sample(_agentRandom);
        _events.Push(After(talk.ToTimeSpan()), KernelEventKind.TalkEnd, slot);
        call.LeftAt = _now;
        call.State = KernelCallState.WithAgent;
        _events.Cancel(ref call.PatienceTimer);
        _events.Cancel(ref call.MaxWaitTimer);
        call.Agent = agent;
        call.ConnectedAt = _now;
    }

    /// <summary>The agent ends the call; their wrap-up starts.</summary>
    private void AgentFinishes(int slot)
    {
        ref var call = ref _calls[slot];
        var agent = call.Agent;
        var talk = _now - call.ConnectedAt;
        var wrapUp = _line.QueueWrapUp[_line.AgentQueue[agent]];
        if (HasVirtualHold(call.Queue)) RecordHandleTime(call.Queue, Duration.FromTicks(talk) + wrapUp);
        _observer.Handled(_line.QueueIds[call.Queue], At(call.ConnectedAt), Duration.FromTicks(talk) + wrapUp);
        MoveTo(agent, AgentState.WrapUp);
        _agentWrapUpEnd[agent] = _now + wrapUp.BclCompatibleTicks;
        _events.Push(After(wrapUp.ToTimeSpan()), KernelEventKind.WrapUpEnd, agent);
        call.Talk = talk;
        End(slot, CallOutcomeKind.AnsweredByAgent, call.Queue);
    }

    /// <summary>The call and wrap-up are over: back in rotation, or away if the agent was logging out.</summary>
    private void FreeUp(int agent)
    {
        if (_agentLoggingOut[agent])
        {
            _agentLoggingOut[agent] = false;
            MoveTo(agent, AgentState.Away);
            EmptyQueueOf(agent);
            return;
        }
        MoveTo(agent, AgentState.Available);
        Route();
    }

    /// <summary>CallCenter.SetAway: a busy agent finishes first; one logged back in takes callers at once.</summary>
    private void SetAway(int agent, bool away)
    {
        var state = _agentState[agent];
        if (away && state == AgentState.Ringing) Rings.LogOutsWhileRinging++;
        _agentLoggingOut[agent] = away && state is not (AgentState.Available or AgentState.Away);
        if (_agentLoggingOut[agent] || away == (state == AgentState.Away)) return;
        MoveTo(agent, away ? AgentState.Away : AgentState.Available);
        if (away) EmptyQueueOf(agent);
        else Route();
    }

    private void MoveTo(int agent, AgentState state)
    {
        var was = _agentState[agent];
        if (state == AgentState.Available && was != AgentState.Ringing) _agentIdleSince[agent] = _now;
        if (was == AgentState.Available) Unavailable(agent, -1);
        if (state == AgentState.Available) Unavailable(agent, +1);
        _agentState[agent] = state;
    }

    private void Unavailable(int agent, int change)
    {
        _available += change;
        _queueAvailable[_line.AgentQueue[agent]] += change;
    }

    /// <summary>CallCenter.Choose among the queue's available agents (its members are its team, in seat order).</summary>
    private int Choose(int queue)
    {
        var first = _line.TeamFirst[queue];
        var end = first + _line.TeamSize[queue];
        var state = _agentState;
        switch (_line.QueueStrategy[queue])
        {
            case RoutingStrategy.Linear:
                for (var a = first; a < end; a++) if (state[a] == AgentState.Available) return a;
                break;
            case RoutingStrategy.RoundRobin:
                for (var a = Math.Max(first, _lastRung[queue] + 1); a < end; a++) if (state[a] == AgentState.Available) return a;
                for (var a = first; a < end; a++) if (state[a] == AgentState.Available) return a;
                break;
            case RoutingStrategy.Random:
                var pick = _agentRandom.Next(_queueAvailable[queue]);
                for (var a = first; a < end; a++) if (state[a] == AgentState.Available && pick-- == 0) return a;
                break;
            default:
                var fewest = _line.QueueStrategy[queue] == RoutingStrategy.FewestCalls;
                var best = -1;
                for (var a = first; a < end; a++)
                {
                    if (state[a] != AgentState.Available) continue;
                    if (best < 0 || (fewest && _agentCalls[a] < _agentCalls[best])
                        || ((!fewest || _agentCalls[a] == _agentCalls[best]) && _agentIdleSince[a] < _agentIdleSince[best])) best = a;
                }
                return best;
        }
        throw new InvalidOperationException($"No agent of queue {_line.QueueIds[queue]} is available to ring.");
    }
}
