using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Queues;
using NodaTime;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// Virtual hold, step for step as the reference engine: the queue's announcements (Announcer) with the
/// offer when the expected wait is long (VirtualHoldDialogue, ExpectedWaitEstimator), the caller's
/// answers (SimulatedCaller: one draw, then 1 to each question), the booking that keeps the caller's
/// place (VirtualHoldBooking), the place coming up (Router, KeptPlaces) and the dialer's calls to the
/// callee (CallbackDialer: its own random stream, the ring timeout and the backoff between dials), and
/// the callee put through ahead of new callers (QueueAdmission). A callback the dialer may not call
/// yet (the queue closed, outside the calling window) is postponed and its place released, and claimed
/// at the dialer's first poll after (a minute's grid from the week's start) or a place coming up
/// before it. Its rarest paths — a callback near its expiry, more than twenty due at once (the store's
/// claims are capped at twenty) — are not reproduced: the week is handed back to the reference engine.
/// </summary>
internal sealed partial class KernelWeek
{
    // CallbackDialer in a simulated week (SimulatedDialing, as SimulatedWeek sets it), answer chance from the scenario, nobody busy.
    private const int MaxDials = SimulatedDialing.MaxAttempts;
    private const int MaxClaims = DialerRules.ClaimsPerPoll;
    private static readonly long PollTicks = TimeSpan.FromSeconds(SimulatedDialing.PollSeconds).Ticks;
    private static readonly long GraceTicks = Queues.VirtualHold.KeptPlaces.Grace.BclCompatibleTicks;
    private static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(SimulatedDialing.RingSeconds);
    private static readonly TimeSpan AnsweredAfter = TimeSpan.FromSeconds(DialerRules.AnsweredAfterSeconds(SimulatedDialing.RingSeconds));
    private const double MinimumRedialSeconds = SimulatedDialing.MinimumIntervalSeconds;

    // LiveQueue: the average of the last fifty talk-plus-wrap-up times estimates the wait.
    private const int RecentHandleTimes = KernelWorkspace.RecentHandleTimes;

    private readonly Random _dialerRandom;

    // Per queue with virtual hold: the reference engine's line in its own order (kept places and legs
    // included), what a position is counted in; how many of it are legs; the legs in service order.
    private readonly List<int>?[] _order;
    private readonly int[] _legsInOrder;
    private readonly WaitingLine?[] _legs;
    private readonly bool[] _blocked;
    private readonly long[][] _recentHandles;
    private readonly int[] _recentCount;
    private readonly int[] _recentNext;
    private readonly long[] _recentSum;
    // Each queue's agents' next free moments, the wait estimate's scratch space.
    private readonly long[][] _freeIn;
    private readonly long[] _agentCallStart;
    private readonly long[] _agentWrapUpEnd;
    // The dialer's polls run every minute from the week's start; callbacks postponed wait for one, claimed in store order.
    private readonly long _pollOrigin;
    private readonly List<int> _postponed;
    // Kept places the store has not claimed yet: due (for a claim that puts them off) once their estimated time has passed.
    private readonly List<int> _keptDue;
    private readonly List<int> _claimed;
    // The instant of the last periodic poll run: the kernel may have armed several for one minute.
    private long _lastPoll = long.MinValue;
    private long _bookings;
    private bool _routeAgain;

    // The open stretch of the calling window in the callers' zone last looked up: [from, until).
    private long _windowFrom = long.MaxValue;
    private long _windowUntil = long.MinValue;

    private bool HasVirtualHold(int queue) => _order[queue] is not null;

    /// <summary>On joining a queue with virtual hold: in its line, and its reminder armed (QueueAdmission.ArmTimers).</summary>
    private void JoinLine(int slot, int queue)
    {
        _order[queue]!.Add(slot);
        ref var call = ref _calls[slot];
        call.LastAnnouncedPosition = 0;
        call.Callback = KernelCallbackStep.None;
        call.ReminderTimer = _events.Push(After(_line.QueueAnnounceEvery[queue]), KernelEventKind.Remind, slot);
    }

    /// <summary>Out of the line for good (answered, abandoned, released); its reminder stops.</summary>
    private void LeaveLine(int slot, int queue)
    {
        _calls[slot].ReminderTimer = -1;
        var order = _order[queue];
        if (order is null)
        {
            _queueWaiting[queue]--;
            return;
        }
        var at = order.IndexOf(slot);
        if (at < 0) return;
        order.RemoveAt(at);
        if (_calls[slot].IsLeg) _legsInOrder[queue]--;
    }

    /// <summary>The queue's periodic timer: rescheduled first (as a periodic virtual timer is), then the announcement.</summary>
    private void Remind(int slot)
    {
        ref var call = ref _calls[slot];
        call.ReminderTimer = _events.Push(After(_line.QueueAnnounceEvery[call.Queue]), KernelEventKind.Remind, slot);
        Announce(slot);
    }

    /// <summary>
    /// Announcer.Announce and VirtualHoldDialogue.OfferIfLong: position (never larger than the last told),
    /// the expected wait, and the offer when that wait is over the queue's threshold and the callee can be
    /// called until their turn. Each prompt heard while a callback question is open moves the caller's act.
    /// </summary>
    private void Announce(int slot)
    {
        ref var call = ref _calls[slot];
        var queue = call.Queue;
        var position = _order[queue]!.IndexOf(slot) + 1;
        var awaiting = call.Callback is KernelCallbackStep.Offered or KernelCallbackStep.Confirming;
        var heard = false;
        if (_line.QueueAnnouncesPosition[queue] && (call.LastAnnouncedPosition == 0 || position <= call.LastAnnouncedPosition))
        {
            call.LastAnnouncedPosition = position;
            heard |= awaiting;
        }
        if (_line.QueueAnnouncesWait[queue]) heard |= awaiting;
        // With as many agents free as the caller's position, the estimate is no wait at all (each of the first
        // turns is now), never over a threshold: the estimate need not be worked out.
        if (!call.IsLeg && call.Callback is KernelCallbackStep.None or KernelCallbackStep.Offered && _line.QueueOfferOver[queue] is { } threshold
            && _queueAvailable[queue] < position && ExpectedWaitOver(queue, position, threshold) && CallableFor(ExpectedWait(queue, position)!.Value))
        {
            if (!_line.CallersCallable)
            {
                // Keyed entry of a number is not modelled; the simulated callers' numbers never need it.
                HandBack("a caller without a callable caller ID was offered a callback");
                return;
            }
            if (call.Callback == KernelCallbackStep.None) _observer.CallbackOffered(_line.QueueIds[queue], Now, Duration.FromTicks(_now - call.JoinedAt));
            call.Callback = KernelCallbackStep.Offered;
            heard = true;
        }
        if (!heard) return;
        if (call.TakesCallback < 0 || call.Callee)
        {
            // Decided against it, or nobody there to hear it (a callee sent on from their leg, offered as any caller
            // not put through ahead): their acts change nothing, and neither do the reminders any more.
            call.ReminderTimer = -1;
            return;
        }
        Speak(slot);
    }

    /// <summary>SimulatedCaller.Act while waiting with a callback question open: one draw to decide, then 1 to each question.</summary>
    private void AnswerOffer(int slot)
    {
        ref var call = ref _calls[slot];
        if (call.Callback is not (KernelCallbackStep.Offered or KernelCallbackStep.Confirming)) return;
        if (!TakesCallback(slot))
        {
            call.ReminderTimer = -1;
            return;
        }
        if (!ReadsBack(slot)) Book(slot);
    }

    /// <summary>SimulatedCaller.TakesCallback: one draw, the first time a callback is offered (virtual hold or times), kept for the call.</summary>
    private bool TakesCallback(int slot)
    {
        ref var call = ref _calls[slot];
        if (call.TakesCallback == 0) call.TakesCallback = new SlotRandom(_calls, slot).NextDouble() < _scenario.Callers.AcceptCallback ? (sbyte)1 : (sbyte)-1;
        return call.TakesCallback > 0;
    }

    /// <summary>
    /// The caller's first 1 to an offer: the caller ID (and, for times, the time) is read back, a prompt the caller
    /// answers after thinking. False when it already was: the next 1 confirms.
    /// </summary>
    private bool ReadsBack(int slot)
    {
        ref var call = ref _calls[slot];
        if (call.Callback != KernelCallbackStep.Offered) return false;
        call.Callback = KernelCallbackStep.Confirming;
        Speak(slot);
        return true;
    }

    /// <summary>VirtualHoldBooking.Book: the wait estimated now; the callback stored; the caller hangs up and their place is kept.</summary>
    private void Book(int slot)
    {
        ref var call = ref _calls[slot];
        var queue = call.Queue;
        var wait = ExpectedWait(queue, _order[queue]!.IndexOf(slot) + 1) ?? _line.QueueOfferOver[queue] ?? Duration.Zero;
        if (!CallableFor(wait))
        {
            call.Callback = KernelCallbackStep.Declined;
            call.ReminderTimer = -1;
            return;
        }
        if (NumberHasCallback(slot, queue)) return;
        _observer.CallbackAccepted(_line.QueueIds[queue], Now, Duration.FromTicks(_now - call.JoinedAt));
        call.ActTimer = call.PatienceTimer = call.ReminderTimer = -1;
        _events.Cancel(ref call.MaxWaitTimer);
        call.LeftAt = _now;
        call.BookedAt = _now;
        call.DueAt = Now + wait;
        call.ExpiresAt = _now + _line.QueueCallbackExpiry[queue].BclCompatibleTicks;
        call.Order = _bookings++;
        call.Outcome = CallOutcomeKind.CallbackScheduled;
        call.OutcomeQueue = queue;
        call.State = KernelCallState.Callback;
        if (_onRecord is not null) Record(slot);
        // The store holds it as due once the estimated time has passed: the first poll after claims it.
        if (!ClaimAtPoll(slot, DueAfterBooking(call.DueAt), _keptDue)) return;
        // WaitingLines.KeepPlace withdraws a delayed ring for the caller, and routes, before the place is marked
        // kept: in that pass it is passed over (still offered). Then the ring is over either way (one that
        // answered at once is connected to nobody); the place can come up.
        if (WithdrawRing(slot)) Rings.Booked++;
        call.Offered = false;
        // The caller's call has ended; the callback is open until it is completed or fails (the week runs on for it).
        Route();
    }

    /// <summary>KeptPlaces.CallBack: the place has come up (an agent is free for it); the callback is made due and the dialer polls at once.</summary>
    private void CallBack(int slot, int queue)
    {
        ref var call = ref _calls[slot];
        if (_now >= call.ExpiresAt - Duration.FromMinutes(1).BclCompatibleTicks)
        {
            // A poll may have expired it first (the store's ExpireDue): not modelled.
            HandBack("a kept place came up near its callback's expiry");
            return;
        }
        call.CallingBack = true;
        // Made due now (KeptPlaces.CallBack): no longer waiting for its estimated time.
        _keptDue.Remove(slot);
        if (call.DueAt > Now) call.DueAt = Now;
        Poll(slot);
    }

    /// <summary>
    /// CallbackDialer.Poll: the due callbacks are claimed — the place that came up (if one did), those
    /// postponed or scheduled until now, and kept places whose estimated time has passed — earliest due
    /// first, then in the order they were booked, at most twenty (InMemoryCallbackStore.ClaimDue): the
    /// rest wait for the next poll, a minute on. A kept place claimed is put off until its place comes
    /// up (CallbackDialer.Place); every other claimed callback is placed.
    /// </summary>
    private void Poll(int cameUp)
    {
        var claimed = _claimed;
        claimed.Clear();
        if (cameUp >= 0) claimed.Add(cameUp);
        if (!TakeDue(_postponed, static (in CallSlot call) => call.RetryAt, claimed) || !TakeDue(_keptDue, static (in CallSlot call) => Ticks(call.DueAt), claimed)) return;
        if (claimed.Count == 0) return;
        if (claimed.Count > 1) claimed.Sort((a, b) => _calls[a].DueAt != _calls[b].DueAt ? _calls[a].DueAt.CompareTo(_calls[b].DueAt) : _calls[a].Order.CompareTo(_calls[b].Order));
        if (claimed.Count > MaxClaims)
        {
            // The next periodic poll claims the next twenty: a minute on from a periodic poll (re-armed before it
            // ran), the grid's next from the poll a place coming up asks for (CallbackDue).
            _events.Push(NextPoll(_now + 1), KernelEventKind.Poll, 0);
            if (cameUp >= 0 && claimed.IndexOf(cameUp) >= MaxClaims)
            {
                // The place that came up waits for its claim like the rest, and the callers behind it wait too,
                // until its grace runs out (KeptPlaces.CallBack) and the place is released.
                _calls[cameUp].RetryAt = _now;
                _calls[cameUp].GraceTimer = _events.Push(_now + GraceTicks, KernelEventKind.Grace, cameUp);
            }
            for (var i = MaxClaims; i < claimed.Count; i++) (IsKeptPlace(claimed[i]) ? _keptDue : _postponed).Add(claimed[i]);
            claimed.RemoveRange(MaxClaims, claimed.Count - MaxClaims);
        }
        foreach (var slot in claimed)
        {
            // A place still kept: the store puts its callback off until the place comes up (KeptPlaces.CallBack).
            if (IsKeptPlace(slot)) continue;
            _calls[slot].ClaimDials = 0;
            Place(slot);
            if (_handBack is not null) return;
        }
    }

    /// <summary>
    /// CallbackDialer.Place and the check before each redial: dialed now, or postponed until the queue
    /// opens or the calling window does, its place (if it still holds one) released — inside a routing
    /// pass its queue waits out the pass, and routing runs again (Router's re-entrant route).
    /// </summary>
    private void Place(int slot)
    {
        ref var call = ref _calls[slot];
        var queue = call.Queue;
        if (NotNow(queue) is not { } until)
        {
            Dial(slot);
            return;
        }
        if (!ClaimAtPoll(slot, Ticks(until), _postponed)) return;
        if (call.Waiting)
        {
            call.Waiting = false;
            call.CallingBack = false;
            LeaveLine(slot, queue);
            _blocked[queue] = true;
            _routeAgain = true;
        }
    }

    /// <summary>
    /// The callback waits in the store until <paramref name="retryAt"/> (in <paramref name="waiting"/>): the dialer's
    /// first poll at or after it claims it. A callback postponed past its expiry is given up by the poll at or
    /// after that (the store's ExpireDue) instead. False (the week handed back) when it could expire between.
    /// </summary>
    private bool ClaimAtPoll(int slot, long retryAt, List<int> waiting)
    {
        ref var call = ref _calls[slot];
        call.RetryAt = retryAt;
        var poll = NextPoll(retryAt);
        if (poll <= _now)
        {
            // Every caller of this passes a time to come; a poll now or before could already have run.
            HandBack("a callback was stored for a poll that may have run");
            return false;
        }
        // An expiry already passed (during the dial's retries) is seen by the next poll.
        var expires = NextPoll(Math.Max(call.ExpiresAt, _now + 1));
        if (waiting == _postponed && poll >= expires)
        {
            call.RetryAt = long.MaxValue;
            _events.Push(expires, KernelEventKind.Expire, slot);
            return true;
        }
        if (poll + PollTicks >= call.ExpiresAt)
        {
            HandBack("a callback could expire before the dialer's next try");
            return false;
        }
        waiting.Add(slot);
        // The poll that claims it is the periodic timer's run after its run a minute before: armed then, so
        // it comes after what was scheduled for the same instant before that (an interval's start).
        if (poll - PollTicks > _now) _events.Push(poll - PollTicks, KernelEventKind.PollArm, 0);
        else _events.Push(poll, KernelEventKind.Poll, 0);
        return true;
    }

    /// <summary>
    /// When a callback booked now with <paramref name="due"/> is first due for the dialer: then, or, when that has
    /// passed (a time offered before it began, booked two thinks later; a turn already due), at the next poll after
    /// now. A poll due at this very instant ran before the booking when the caller thinks less than a minute: its
    /// periodic timer was armed a minute ago, the caller's act since. Otherwise which ran first is not modelled:
    /// now is returned, and <see cref="ClaimAtPoll"/> hands the week back.
    /// </summary>
    private long DueAfterBooking(Instant due)
    {
        var onPoll = (_now - _pollOrigin) % PollTicks == 0;
        return Ticks(due) <= _now && onPoll && _think.Ticks >= PollTicks ? _now : Math.Max(Ticks(due), _now + 1);
    }

    /// <summary>The dialer's first poll at or after <paramref name="ticks"/>: they run every minute from the week's start.</summary>
    private long NextPoll(long ticks) => _pollOrigin + ((ticks - _pollOrigin + PollTicks - 1) / PollTicks * PollTicks);

    /// <summary>The store's ExpireDue at a poll: a callback postponed past its expiry is given up, never dialed.</summary>
    private void Expire(int slot)
    {
        if (_calls[slot].State == KernelCallState.Callback && _calls[slot].RetryAt == long.MaxValue) SettleCallback(slot);
    }

    /// <summary>
    /// The store's one open callback per number and queue: simulated callers' numbers repeat every
    /// <see cref="SimulationSeeds.CallerNumbers"/> callers, and a repeated number whose callback is still
    /// open would be told of that one instead. Not modelled: the week is handed back.
    /// </summary>
    private bool NumberHasCallback(int slot, int queue)
    {
        var sequence = _calls[slot].Sequence;
        if (sequence < SimulationSeeds.CallerNumbers) return false;
        for (var other = 0; other < _slotsUsed; other++)
        {
            ref readonly var call = ref _calls[other];
            if (other != slot && call.State == KernelCallState.Callback && call.Queue == queue && call.Sequence % SimulationSeeds.CallerNumbers == sequence % SimulationSeeds.CallerNumbers)
            {
                HandBack("a caller's number had a callback open already (the simulated numbers repeat)");
                return true;
            }
        }
        return false;
    }

    /// <summary>CallbackDialer.RingAsync: one draw of the dialer's stream; answered after a few rings, or rung out at the ring timeout.</summary>
    private void Dial(int slot)
    {
        ref var call = ref _calls[slot];
        call.Dials++;
        call.ClaimDials++;
        call.DialAnswered = _dialerRandom.NextDouble() < _scenario.Callers.AnswerCallback;
        _events.Push(After(call.DialAnswered ? AnsweredAfter : RingTimeout), KernelEventKind.DialEnd, slot);
    }

    private void DialEnded(int slot)
    {
        ref var call = ref _calls[slot];
        var queue = call.Queue;
        if (call.DialAnswered)
        {
            PutThrough(slot, queue);
            return;
        }
        // Unanswered: the place kept in line is released (the callers behind move up), then the dialer backs off or gives up.
        if (call.Waiting)
        {
            call.Waiting = false;
            call.CallingBack = false;
            LeaveLine(slot, queue);
            Route();
        }
        if (call.Dials < MaxDials)
        {
            // The backoff doubles with each retry of this claim (a claim after a postponement starts again at the minimum).
            var backoff = TimeSpan.FromSeconds(MinimumRedialSeconds * Math.Pow(2, call.ClaimDials - 1));
            _events.Push(After(backoff), KernelEventKind.Redial, slot);
            return;
        }
        SettleCallback(slot);
    }

    /// <summary>After the backoff: the dialer checks again whether it may call, then dials (or postpones).</summary>
    private void Redial(int slot) => Place(slot);

    /// <summary>
    /// CallHost.StartCallback and QueueAdmission.Join ahead: the callee's leg takes the place kept for it
    /// (or, released, goes behind the legs already ahead), not counted as offered again — unless the queue
    /// turns it away (full, nobody logged in): then it is counted offered and the leg performs the overflow.
    /// </summary>
    private void PutThrough(int slot, int queue)
    {
        ref var call = ref _calls[slot];
        var order = _order[queue];
        call.Callee = true;
        call.CallingBack = false;
        // A new session: its loop guard starts afresh, and its start is a transfer (counted, as CallSession.OnTransfer counts it).
        call.MovesWithoutInput = 1;
        if (TurnsAway(queue))
        {
            if (call.Waiting)
            {
                // Its kept place stays in line until the grace runs out: not modelled.
                HandBack("a callback's leg whose place was kept was turned away from its queue (full, or nobody logged in)");
                return;
            }
            _observer.Offered(_line.QueueIds[queue], Now);
            TurnAway(slot, queue);
            return;
        }
        if (order is null)
        {
            _queueWaiting[queue]++;
        }
        else
        {
            // A leg that kept its place stands there; one without goes behind the legs already ahead.
            if (!call.Waiting) order.Insert(_legsInOrder[queue], slot);
            _legsInOrder[queue]++;
        }
        call.State = KernelCallState.Queued;
        call.IsLeg = true;
        TakePlaceInLine(ref call);
        _legs[queue]!.Add(slot, call.EntrySequence);
        ArmMaxWait(slot, queue);
        // The leg's reminders announce to nobody (no offer is made to a leg): not kept.
        Route();
    }

    /// <summary>The callback is completed (its leg ended) or failed (the last dial went unanswered): the store has one fewer open.</summary>
    private void SettleCallback(int slot)
    {
        _calls[slot].State = KernelCallState.Free;
        _active--;
        _freeSlots[_freeCount++] = slot;
    }

    /// <summary>
    /// KeptPlaces.CallBack's grace: the place came up, but its callback waited for the dialer's claim (more
    /// than twenty were due) and has not been put through: the place is released and the callers behind move up.
    /// </summary>
    private void GraceRunsOut(int slot)
    {
        ref var call = ref _calls[slot];
        call.GraceTimer = -1;
        if (call.State != KernelCallState.Callback || !call.Waiting || !call.CallingBack) return;
        call.Waiting = false;
        call.CallingBack = false;
        LeaveLine(slot, call.Queue);
        Route();
    }

    /// <summary>A virtual-hold callback whose place is still kept in line and not being called back.</summary>
    private bool IsKeptPlace(int slot)
    {
        ref readonly var call = ref _calls[slot];
        return call.State == KernelCallState.Callback && call.Waiting && !call.CallingBack;
    }

    private delegate long DueTime(in CallSlot call);

    /// <summary>
    /// Moves the callbacks of <paramref name="waiting"/> due by now into <paramref name="claimed"/>. False (the
    /// week handed back) when one has expired: the poll's ExpireDue would give it up first, which is not modelled.
    /// </summary>
    private bool TakeDue(List<int> waiting, DueTime due, List<int> claimed)
    {
        for (var i = waiting.Count - 1; i >= 0; i--)
        {
            ref readonly var call = ref _calls[waiting[i]];
            if (due(call) > _now) continue;
            if (call.ExpiresAt <= _now)
            {
                HandBack("a callback expired before the dialer could claim it");
                return false;
            }
            claimed.Add(waiting[i]);
            waiting.RemoveAt(i);
        }
        return true;
    }

    /// <summary>CallbackDialer.NotNow: null when the callback may be dialed now; else when to try again (the queue's next opening, or the calling window's in the callee's zone).</summary>
    private Instant? NotNow(int queue)
    {
        var now = Now;
        if (_line.QueueHours[queue] >= 0 && !_hours!.IsOpen(_line.QueueHours[queue], _now, now))
        {
            return _scenario.Menu.Hours[_line.ScheduleIds[_line.QueueHours[queue]]].NextOpen(now) ?? now + Duration.FromHours(1);
        }
        if (CallableFor(Duration.Zero)) return null;
        return CallingWindow.Default.NextOpen(now, _line.CallerZone);
    }

    /// <summary>
    /// VirtualHoldBooking.CallableUntilTurn for the callers' numbers: the calling window is open from now
    /// until <paramref name="wait"/> has passed, in one stretch (the window's own <see cref="CallingWindow.Intervals"/>, kept per stretch).
    /// </summary>
    private bool CallableFor(Duration wait)
    {
        if (_now < _windowFrom || _now >= _windowUntil)
        {
            var now = Now;
            var window = CallingWindow.Default;
            if (!window.IsOpenAt(now, _line.CallerZone)) return false;
            var horizon = now + Duration.FromDays(2);
            var stretch = window.Intervals(now, horizon, _line.CallerZone)[0];
            _windowFrom = _now;
            _windowUntil = stretch.End == horizon ? long.MaxValue : Ticks(stretch.End);
        }
        return wait <= Duration.Zero || _windowUntil == long.MaxValue || Now + wait <= At(_windowUntil);
    }

    /// <summary>WaitEstimate.For: from the queue's recent handle times and its agents as they are now.</summary>
    private Duration? ExpectedWait(int queue, int position) =>
        HandleTimes(queue) is { } handle ? ExpectedWaitEstimator.Estimate(position, FreeMoments(queue, handle), handle) : null;

    /// <summary>Whether <see cref="ExpectedWait"/> is over <paramref name="threshold"/> (not when there is none), without working it out when it is not.</summary>
    private bool ExpectedWaitOver(int queue, int position, Duration threshold) =>
        HandleTimes(queue) is { } handle && ExpectedWaitEstimator.IsOver(position, FreeMoments(queue, handle), handle, threshold);

    /// <summary>The queue's average handle time as the estimate uses it; null while there are too few calls to trust it.</summary>
    private ExpectedWaitEstimator.HandleTimes? HandleTimes(int queue) =>
        ExpectedWaitEstimator.AverageHandle(_recentSum[queue], _recentCount[queue]) is { } average ? new ExpectedWaitEstimator.HandleTimes(average) : null;

    /// <summary>WaitEstimate's snapshots as the estimator reads them: each logged-in agent's next free moment, in nanoseconds from now.</summary>
    private Span<long> FreeMoments(int queue, ExpectedWaitEstimator.HandleTimes handle)
    {
        var freeIn = _freeIn[queue];
        var first = _line.TeamFirst[queue];
        var count = 0;
        for (var agent = first; agent < first + freeIn.Length; agent++)
        {
            var state = _agentState[agent];
            if (state == AgentState.Away) continue;
            freeIn[count++] = state switch
            {
                AgentState.Available => 0,
                AgentState.WrapUp => ExpectedWaitEstimator.FreeAfterWrapUp(Nanoseconds(_agentWrapUpEnd[agent] - _now)),
                // Ringing counts as a call starting now (the previous call's start would make the agent look nearly free).
                AgentState.Ringing => handle.FreeAfterCall(0),
                _ => handle.FreeAfterCall(Nanoseconds(_agentCallStart[agent] - _now)),
            };
        }
        return freeIn.AsSpan(0, count);
    }

    private static long Nanoseconds(long ticks) => ticks * NodaConstants.NanosecondsPerTick;

    /// <summary>LiveQueue.RecordHandleTime: the queue's last fifty talk-plus-wrap-up times and their sum.</summary>
    private void RecordHandleTime(int queue, Duration handled)
    {
        var ring = _recentHandles[queue];
        if (_recentCount[queue] == RecentHandleTimes) _recentSum[queue] -= ring[_recentNext[queue]];
        else _recentCount[queue]++;
        ring[_recentNext[queue]] = handled.BclCompatibleTicks;
        _recentSum[queue] += handled.BclCompatibleTicks;
        _recentNext[queue] = (_recentNext[queue] + 1) % RecentHandleTimes;
    }
}
