using IvrEngine.Calls;
using IvrEngine.Queues;
using NodaTime;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// One week of a scenario on the compiled kernel: the same callers, choices, queue, agents and
/// figures as the reference engine's SimulatedWeek, drawn from the same random streams in the same
/// order, with every timer of the engine that can change an outcome as one <see cref="KernelEvent"/>
/// in one <see cref="EventHeap"/>. Calls are <see cref="CallSlot"/>s in an array, reused; agents
/// are arrays. This file is the week's loop; the menu walk and the queue are its other parts.
/// </summary>
internal sealed partial class KernelWeek
{
    // As the reference engine: calls still in the line get this long after the last arrival to settle.
    private static readonly Duration DrainLimit = Duration.FromDays(3);
    private static readonly long EpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;
    private const int ProgressBatch = 1024;

    private readonly CompiledLine _line;
    private readonly Scenario _scenario;
    private readonly int _week;
    private readonly long _arrivalsStop;
    private readonly long _maxCalls;
    private readonly int _seed;
    private readonly Action<long> _onCalls;
    private readonly Action<CallRecord>? _onRecord;
    private readonly SimulationFigures _figures;
    private readonly IQueueObserver _observer;
    private readonly ArrivalProcess _arrivals;
    private readonly KernelWorkspace _space;
    private readonly EventHeap _events;
    private readonly Random _agentRandom;
    private readonly TimeSpan _think;
    private readonly KernelHours? _hours;
    private readonly int[] _loggedIn;
    private CallSlot[] _calls;
    private List<int>?[] _paths;
    private int[]?[] _history;
    private int[] _freeSlots;
    private int _freeCount;
    private int _slotsUsed;
    private long _now;
    private long _callCount;
    private int _interval;
    private Instant _intervalEnd;
    private long _unreported;
    private int _active;
    private bool _arrivalsDone;
    private string? _handBack;

    /// <param name="space">The growable state to run in, left by an earlier week of this line (emptied here); null: new.</param>
    /// <param name="figures">Figures to fill, empty, of this scenario and <paramref name="serviceLevelThreshold"/> (an earlier week's, cleared); null: new.</param>
    public KernelWeek(CompiledLine line, int week, Instant arrivalsStop, long maxCalls, int seed, Action<long> onCalls, Duration? serviceLevelThreshold, Action<CallRecord>? onRecord,
        KernelWorkspace? space = null, SimulationFigures? figures = null)
    {
        _line = line;
        _scenario = line.Scenario;
        _week = week;
        _arrivalsStop = Ticks(arrivalsStop);
        _maxCalls = maxCalls;
        _seed = seed;
        _onCalls = onCalls;
        _onRecord = onRecord;
        _space = space ?? new KernelWorkspace(line);
        _space.Reset(keepsRecords: onRecord is not null);
        _calls = _space.Calls;
        _freeSlots = _space.FreeSlots;
        _paths = _space.Paths;
        _history = _space.History;
        _events = _space.Events;
        _figures = figures ?? new SimulationFigures(_scenario, serviceLevelThreshold);
        _observer = _figures;
        var start = _scenario.WeekStart(week);
        _now = Ticks(start);
        _pollOrigin = _now;
        _arrivals = new ArrivalProcess(_scenario, start, arrivalsStop, SimulationSeeds.For(seed, 0));
        _agentRandom = new Random(SimulationSeeds.For(seed, 2));
        _think = _scenario.Callers.Think.ToTimeSpan();
        _hours = _space.Hours;
        _businessHours = new Hours.BusinessHours(_scenario.Menu.Hours);
        _firstOffered = _space.FirstOffered;
        _loggedIn = _space.LoggedIn;
        _agentState = _space.AgentState;
        _agentIdleSince = _space.AgentIdleSince;
        Array.Fill(_agentIdleSince, _now);
        _agentLoggingOut = _space.AgentLoggingOut;
        _agentCalls = _space.AgentCalls;
        _agentRingSlot = _space.AgentRingSlot;
        _available = line.AgentQueue.Length;
        _queueAvailable = _space.QueueAvailable;
        _lastRung = _space.LastRung;
        _waiting = _space.Waiting;
        _dialerRandom = new Random(SimulationSeeds.For(seed, 1));
        _order = _space.Order;
        _legs = _space.Legs;
        _postponed = _space.Postponed;
        _keptDue = _space.KeptDue;
        _claimed = _space.Claimed;
        _legsInOrder = _space.LegsInOrder;
        _blocked = _space.Blocked;
        _recentHandles = _space.RecentHandles;
        _recentCount = _space.RecentCount;
        _recentNext = _space.RecentNext;
        _recentSum = _space.RecentSum;
        _freeIn = _space.FreeIn;
        _agentCallStart = _space.AgentCallStart;
        _agentWrapUpEnd = _space.AgentWrapUpEnd;
        _queueWaiting = _space.QueueWaiting;
    }

    private Instant Now => Instant.FromUnixTimeTicks(_now - EpochTicks);

    /// <summary>Why the week was handed back to the reference engine (<see cref="Run"/> returned null), in a short phrase.</summary>
    public string? HandedBackBecause => _handBack;

    /// <summary>Runs the week; null when it reached a state the kernel does not reproduce exactly (<see cref="HandedBackBecause"/>), for the reference engine to run instead.</summary>
    public SimulationFigures? Run(CancellationToken cancellationToken)
    {
        StartInterval();
        ScheduleArrival();
        var drainUntil = _arrivalsStop + DrainLimit.BclCompatibleTicks;
        var events = _events;
        var turns = 0;
        while (events.Count > 0)
        {
            if ((++turns & 0xFFF) == 0 && cancellationToken.IsCancellationRequested) break;
            var due = events.Peek().Due;
            // The reference engine stops after the first turn of its clock past the limit, and that turn may
            // be one of its own timers the kernel does not keep (a poll, an announcement): not reproducible.
            if (due > drainUntil)
            {
                // Only callbacks waiting in the store for a later time: the reference engine's next turn (a poll with
                // nothing due, an interval start with nobody waiting) changes no figure, and it stops there too.
                if (_active == _postponed.Count) break;
                HandBack("calls were still unsettled three days after the last arrival");
                return null;
            }
            _now = due;
            do
            {
                Fire(events.Pop());
            }
            while (events.Count > 0 && events.Peek().Due == due);
            if (_handBack is not null) return null;
            if (_arrivalsDone && (_active == 0 && (_callCount >= _maxCalls || _now >= _arrivalsStop) || _now > drainUntil)) break;
        }
        _onCalls(_unreported);
        return _figures;
    }

    private void Fire(in KernelEvent e)
    {
        switch (e.Kind)
        {
            case KernelEventKind.Arrival:
                Arrive();
                break;
            case KernelEventKind.Interval:
                StartInterval();
                break;
            case KernelEventKind.Act when _calls[e.Subject].ActTimer == e.Sequence:
                _calls[e.Subject].ActTimer = -1;
                Act(e.Subject);
                break;
            case KernelEventKind.NoInput when _calls[e.Subject].InputTimer == e.Sequence:
                _calls[e.Subject].InputTimer = -1;
                OnNoInput(e.Subject);
                break;
            case KernelEventKind.EntryPause when _calls[e.Subject].InputTimer == e.Sequence:
                _calls[e.Subject].InputTimer = -1;
                EndEntry(e.Subject);
                break;
            case KernelEventKind.MenuTime when _calls[e.Subject].MenuTimer == e.Sequence:
                _calls[e.Subject].MenuTimer = -1;
                if (_calls[e.Subject].State == KernelCallState.InMenu) ExceedBudget(e.Subject);
                break;
            case KernelEventKind.Patience when _calls[e.Subject].PatienceTimer == e.Sequence:
                _calls[e.Subject].PatienceTimer = -1;
                if (_calls[e.Subject].State == KernelCallState.Queued) Abandon(e.Subject);
                break;
            case KernelEventKind.Connect:
                Answer(e.Subject, e.Check);
                break;
            case KernelEventKind.TalkEnd:
                AgentFinishes(e.Subject);
                break;
            case KernelEventKind.WrapUpEnd:
                FreeUp(e.Subject);
                break;
            case KernelEventKind.Remind when _calls[e.Subject].ReminderTimer == e.Sequence:
                Remind(e.Subject);
                break;
            case KernelEventKind.DialEnd:
                DialEnded(e.Subject);
                break;
            case KernelEventKind.Redial:
                Redial(e.Subject);
                break;
            case KernelEventKind.PollArm:
                _events.Push(After(TimeSpan.FromTicks(PollTicks)), KernelEventKind.Poll, 0);
                break;
            case KernelEventKind.Poll when _now != _lastPoll:
                // The dialer polls once a minute: callbacks that wait for the same poll share one.
                _lastPoll = _now;
                Poll(-1);
                break;
            case KernelEventKind.Expire:
                Expire(e.Subject);
                break;
            case KernelEventKind.Grace when _calls[e.Subject].GraceTimer == e.Sequence:
                GraceRunsOut(e.Subject);
                break;
            case KernelEventKind.MaxWait when _calls[e.Subject].MaxWaitTimer == e.Sequence:
                _calls[e.Subject].MaxWaitTimer = -1;
                WaitedTooLong(e.Subject);
                break;
            case KernelEventKind.PickUp when _calls[e.Subject].RingTimer == e.Sequence:
                _calls[e.Subject].RingTimer = -1;
                PickUp(e.Subject);
                break;
        }
    }

    /// <summary>At each boundary: log agents in or out to the interval's staffing, and note it for occupancy (SimulatedWeek.StartInterval).</summary>
    private void StartInterval()
    {
        var now = Now;
        var (interval, end) = _scenario.Grid.NextBoundary(now, _scenario.Menu.TimeZone);
        (_interval, _intervalEnd) = (interval, end);
        var counted = _now < _arrivalsStop && _callCount < _maxCalls;
        if (counted && _callCount < _maxCalls) _figures.Covered(interval);
        var teams = _line.Teams;
        for (var t = 0; t < teams.Length; t++)
        {
            var queue = teams[t];
            var first = _line.TeamFirst[queue];
            var seats = _line.TeamSize[queue];
            var wanted = (int)_scenario.Queues[_line.QueueIds[queue]].Agents[interval];
            for (var seat = Math.Min(wanted, _loggedIn[t]); seat < Math.Max(wanted, _loggedIn[t]) && seat < seats; seat++)
            {
                SetAway(first + seat, away: seat >= wanted);
            }
            _loggedIn[t] = wanted;
            if (counted) _figures.Staffed(_line.QueueIds[queue], interval, wanted, end - now, newWeekOfInterval: true);
        }
        _events.Push(After((end - now).ToTimeSpan()), KernelEventKind.Interval, 0);
    }

    private void ScheduleArrival()
    {
        if (_callCount >= _maxCalls || _arrivals.Next() is not { } at)
        {
            _arrivalsDone = true;
            return;
        }
        _events.Push(After((at - Now).ToTimeSpan()), KernelEventKind.Arrival, 0);
    }

    private void Arrive()
    {
        var sequence = _callCount++;
        _figures.Calls++;
        if (_callCount == _maxCalls)
        {
            _figures.ArrivalsEnded(Now, _interval, _intervalEnd, _line.Teams.Select((queue, t) => (_line.QueueIds[queue], _loggedIn[t])));
        }
        if (++_unreported == ProgressBatch)
        {
            _onCalls(_unreported);
            _unreported = 0;
        }
        var slot = TakeSlot();
        ref var call = ref _calls[slot];
        call = default;
        call.Sequence = sequence;
        call.Random = unchecked((ulong)SimulationSeeds.Caller(_seed, sequence));
        call.ActTimer = call.InputTimer = call.MenuTimer = call.PatienceTimer = call.ReminderTimer = -1;
        call.MaxWaitTimer = call.GraceTimer = call.RingTimer = -1;
        call.BookedAt = -1;
        call.Node = -1;
        call.Queue = -1;
        call.LeftAt = -1;
        call.Agent = -1;
        call.Talk = -1;
        call.State = KernelCallState.InMenu;
        if (_onRecord is not null) (_paths[slot] ??= []).Clear();
        PickLocale(slot);
        _active++;
        Answer(slot);
        ScheduleArrival();
    }

    /// <summary>The engine draws the caller's locale first; a walk by keys does not depend on it, but the draw keeps the stream in step.</summary>
    private void PickLocale(int slot)
    {
        if (!_scenario.Callers.Locales.IsDefaultOrEmpty) CallerRandom.NextDouble(ref _calls[slot].Random);
    }

    private int TakeSlot()
    {
        if (_freeCount > 0) return _freeSlots[--_freeCount];
        if (_slotsUsed == _calls.Length)
        {
            Array.Resize(ref _calls, _calls.Length * 2);
            Array.Resize(ref _freeSlots, _calls.Length);
            if (_onRecord is not null) Array.Resize(ref _paths, _calls.Length);
            if (_line.KeepsHistory) Array.Resize(ref _history, _calls.Length);
            (_space.Calls, _space.FreeSlots, _space.Paths, _space.History) = (_calls, _freeSlots, _paths, _history);
        }
        return _slotsUsed++;
    }

    /// <summary>The call has ended: the caller's timers stop, the figures and the record hear of it, the slot is free again.</summary>
    /// <param name="outcomeQueue">The queue the outcome names, or -1.</param>
    private void End(int slot, CallOutcomeKind outcome, int outcomeQueue)
    {
        ref var call = ref _calls[slot];
        // Its pending timers leave the heap now instead of coming up stale.
        _events.Cancel(ref call.ActTimer);
        _events.Cancel(ref call.InputTimer);
        _events.Cancel(ref call.MenuTimer);
        _events.Cancel(ref call.PatienceTimer);
        _events.Cancel(ref call.ReminderTimer);
        _events.Cancel(ref call.MaxWaitTimer);
        if (call.Callee)
        {
            // The line's call to a callee is not a caller of the week (no record): its end completes the callback.
            SettleCallback(slot);
            return;
        }
        call.Outcome = outcome;
        call.OutcomeQueue = outcomeQueue;
        call.State = KernelCallState.Free;
        _active--;
        if (call.Queue < 0) _figures.EndedInMenus++;
        if (_onRecord is not null) Record(slot);
        _freeSlots[_freeCount++] = slot;
    }

    private void Record(int slot)
    {
        ref var call = ref _calls[slot];
        var path = string.Join(CallRecord.PathSeparator, _paths[slot]!.Select(n => _line.NodeIds[n]));
        var queue = call.Queue >= 0 ? _line.QueueIds[call.Queue] : null;
        _onRecord!(new CallRecord(_week, call.Sequence, call.Outcome, call.OutcomeQueue >= 0 ? _line.QueueIds[call.OutcomeQueue] : null, path, queue,
            call.Queue >= 0 ? At(call.JoinedAt) : null,
            call.Queue >= 0 && call.LeftAt >= 0 ? Duration.FromTicks(call.LeftAt - call.JoinedAt) : null,
            call.Agent >= 0 ? _line.AgentNames[call.Agent] : null,
            call.Talk >= 0 ? Duration.FromTicks(call.Talk) : null,
            call.BookedAt >= 0 ? At(call.BookedAt) : null, call.BookedAt >= 0 ? call.DueAt : null, Now));
    }

    /// <summary>The week reached a path the kernel does not reproduce exactly: it stops at the end of this instant, and the reference engine runs the week.</summary>
    private void HandBack(string why) => _handBack ??= why;

    private long After(TimeSpan delay) => checked(_now + Math.Max(0, delay.Ticks));

    private static long Ticks(Instant instant) => instant.ToDateTimeOffset().UtcTicks;

    private static Instant At(long ticks) => Instant.FromUnixTimeTicks(ticks - EpochTicks);
}
