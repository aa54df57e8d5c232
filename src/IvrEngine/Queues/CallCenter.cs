using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Menus;
using IvrEngine.Queues.Staffing;
using NodaTime;
using NodaTime.Extensions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Fallback;
using Polly.Retry;
using Polly.Timeout;

namespace IvrEngine.Queues;

/// <summary>
/// The queues of one menu and the simulated agents who answer them. Callers join from a
/// <see cref="CallSession"/>; agents are picked by each queue's strategy and rung through a Polly
/// pipeline (per-ring timeout, retry to the next agent, a per-agent circuit breaker, a fallback to
/// the overflow), so a call never ends in an exception. Every event goes to <see cref="Log"/>.
/// </summary>
/// <remarks>
/// Like calls, a call centre is single-threaded: its owner runs calls, queues and timers on one
/// logical thread (<see cref="CallSettings.Dispatch"/>); on a <see cref="Time.VirtualClock"/> the
/// whole centre is deterministic for a seed.
/// </remarks>
public sealed class CallCenter
{
    // How long callers wait behind a kept place that is being called back before it is released.
    private static readonly Duration KeptPlaceGrace = Duration.FromMinutes(2);

    // Agents who fail to answer this many rings in a row are out of rotation for BreakDuration.
    private const int FailuresBeforeBreak = 3;
    private static readonly TimeSpan BreakDuration = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SamplingDuration = TimeSpan.FromMinutes(30);
    private static readonly ResiliencePropertyKey<TimeSpan> RingTimeoutKey = new("ivr.ring-timeout");
    private static readonly ResiliencePropertyKey<int> RingAttemptsKey = new("ivr.ring-attempts");

    private readonly TimeProvider _time;
    private readonly Action<Action> _dispatch;
    private readonly Random _random;
    private readonly List<Agent> _agents = [];
    private readonly Dictionary<string, LiveQueue> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<CallSession, QueuedCall> _waiting = [];
    private readonly Dictionary<CallSession, Connection> _connected = [];
    private readonly Dictionary<Agent, Instant> _outOfRotationUntil = [];

    // Route's working lists, kept between passes (routing never runs inside itself).
    private readonly List<QueuedCall> _routeOrder = [];
    private readonly HashSet<LiveQueue> _callingBack = [];
    private readonly ResiliencePipeline<RingResult> _offerPipeline;
    private readonly ICallbackStore? _callbacks;
    private readonly string _numberRegion;
    private long _sequence;
    private bool _routing;
    private bool _routeAgain;

    /// <param name="callbacks">Where promised callbacks are kept; without one, queues offer no callbacks.</param>
    /// <param name="numberRegion">The region national caller IDs are read in (<c>US</c>).</param>
    /// <param name="callingWindow">When callees may be called, in their own zone (<see cref="CallingWindow.Default"/> unless set): callback times are offered inside it, and the line's dialer keeps it.</param>
    /// <param name="observer">Sees every queue outcome with its time (the load simulator's figures).</param>
    /// <param name="keepLog">False keeps no <see cref="Log"/> in memory (a long simulation would grow it without end); events are still raised.</param>
    public CallCenter(Menu menu, StaffingPlan staffing, TimeProvider time, int seed = 0, Action<Action>? dispatch = null,
        ICallbackStore? callbacks = null, string numberRegion = "US", IQueueObserver? observer = null, bool keepLog = true, CallingWindow? callingWindow = null)
    {
        Log = new QueueLog(keepLog);
        _time = time;
        _callbacks = callbacks;
        _numberRegion = numberRegion;
        CallingWindow = callingWindow ?? CallingWindow.Default;
        _dispatch = dispatch ?? (static work => work());
        _random = new Random(seed);
        Menu = menu;
        Hours = new Hours.BusinessHours(menu.Hours);
        var now = Now;
        foreach (var profile in staffing.Agents)
        {
            var agent = new Agent(profile, _agents.Count, now);
            agent.RingPipeline = BuildRingPipeline(agent);
            _agents.Add(agent);
            if (profile.BusyAtStart > Duration.Zero) StartEarlierCall(agent, profile.BusyAtStart);
        }

        foreach (var definition in menu.Queues.Values)
        {
            var members = _agents.Where(a => a.TierIn(definition.Id) > 0).ToList();
            _queues[definition.Id] = new LiveQueue(definition, members, observer, time);
        }

        _offerPipeline = new ResiliencePipelineBuilder<RingResult> { TimeProvider = time }
            .AddFallback(new FallbackStrategyOptions<RingResult>
            {
                // Anything unexpected while ringing: the caller goes to the overflow, never to an exception.
                ShouldHandle = new PredicateBuilder<RingResult>().Handle<Exception>(e => e is not OperationCanceledException),
                FallbackAction = _ => Outcome.FromResultAsValueTask(RingResult.Failed),
            })
            .AddRetry(new RetryStrategyOptions<RingResult>
            {
                // Redirect on no answer: the next attempt rings the next agent, up to the queue's ringAttempts.
                MaxRetryAttempts = 50,
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result == RingResult.NoAnswer
                    && args.AttemptNumber + 1 < args.Context.Properties.GetValue(RingAttemptsKey, 1)),
            })
            .Build();
    }

    public Menu Menu { get; }

    /// <summary>The line's business hours, shared by its calls and its callback dialer; switch emergency closures here.</summary>
    public Hours.BusinessHours Hours { get; }

    /// <summary>When this line's callees may be called, in their own zone: the one rule its offers and its dialer share.</summary>
    public CallingWindow CallingWindow { get; }

    public IReadOnlyList<Agent> Agents => _agents;

    public QueueLog Log { get; }

    /// <summary>Raised for every queue event as it happens.</summary>
    public event Action<QueueEvent>? EventRecorded;

    /// <summary>Raised when a virtual-hold caller's place comes up: their callback should be dialed now.</summary>
    public event Action<CallbackRequest>? CallbackDue;

    private Instant Now => _time.GetCurrentInstant();

    /// <summary>Where this line's callbacks are kept, or null when it offers none.</summary>
    internal ICallbackStore? Callbacks => _callbacks;

    /// <summary>The region national numbers are read in.</summary>
    internal string NumberRegion => _numberRegion;

    /// <summary>Callers now waiting in <paramref name="queueId"/>.</summary>
    public int Waiting(string queueId) => _queues[queueId].Waiting.Count;

    /// <summary>The queue's figures so far.</summary>
    public QueueStatistics Statistics(string queueId)
    {
        var queue = _queues[queueId];
        var now = Now;
        var times = queue.Members.Select(a => a.TimesAt(now)).ToList();
        var loggedIn = times.Aggregate(Duration.Zero, (sum, t) => sum + t.LoggedIn);
        var busy = times.Aggregate(Duration.Zero, (sum, t) => sum + t.Busy);
        return queue.Metrics.Snapshot(queueId, loggedIn > Duration.Zero ? busy / loggedIn : null);
    }

    /// <summary>The caller's position (1 = next) in their queue, or null when not waiting.</summary>
    public int? PositionOf(CallSession call) => _waiting.TryGetValue(call, out var entry) ? entry.Queue.PositionOf(entry) : null;

    /// <summary>The caller's expected wait, recomputed now; null when not waiting or when there is no data to estimate from.</summary>
    public Duration? ExpectedWaitOf(CallSession call) =>
        _waiting.TryGetValue(call, out var entry) ? Estimate(entry.Queue, entry.Queue.PositionOf(entry)) : null;

    /// <summary>
    /// An agent logs out (<paramref name="away"/>) or back in. An agent who is busy finishes the call
    /// and its wrap-up first. Waiting callers of a queue left with nobody leave if it says so.
    /// </summary>
    public void SetAway(string agentName, bool away) => SetAway(_agents.Single(a => a.Name == agentName), away);

    /// <inheritdoc cref="SetAway(string, bool)"/>
    public void SetAway(Agent agent, bool away)
    {
        agent.LoggingOut = away && agent.State is not (AgentState.Available or AgentState.Away);
        if (agent.LoggingOut || away == (agent.State == AgentState.Away)) return;
        agent.MoveTo(away ? AgentState.Away : AgentState.Available, Now);
        if (away) EmptyQueuesOf(agent);
        else Route();
    }

    /// <summary>
    /// True while <paramref name="call"/> waits in a queue with a callback question open (the offer, or
    /// a question after accepting it): what a simulated caller answers.
    /// </summary>
    public bool AwaitsCallbackAnswer(CallSession call) =>
        _waiting.TryGetValue(call, out var entry) && entry.Callback is not (CallbackStep.None or CallbackStep.Declined);

    /// <summary>
    /// A caller arrives. Returns null when they joined, or the overflow action when they could not
    /// (queue full, or no agents and the queue does not take callers then).
    /// </summary>
    internal MenuAction? Join(CallSession call, string queueId, bool ahead = false)
    {
        var queue = _queues[queueId];
        // A callback leg is the same caller coming back, not a new offer.
        if (!ahead) queue.Metrics.Offered();
        if (queue.Definition.MaxLength is { } maxLength && queue.Waiting.Count >= maxLength)
        {
            Turn(call, queue, QueueEventType.Full, $"queue full ({maxLength} waiting)");
            return queue.Definition.Overflow;
        }
        if (queue.Definition.WhenNoAgents == WhenNoAgents.Overflow && !queue.HasLoggedInMembers)
        {
            Turn(call, queue, QueueEventType.JoinEmpty, "no agent logged in");
            return queue.Definition.Overflow;
        }

        // A callback leg takes the place its caller kept (virtual hold), or goes ahead of everyone but
        // earlier callback legs: it already waited once.
        var kept = queue.Waiting.FindIndex(e => e.VirtualHold?.Reference == call.Reference);
        if (kept >= 0)
        {
            queue.Waiting[kept].StopTimers();
            queue.Waiting.RemoveAt(kept);
        }
        var place = kept >= 0 ? kept : ahead ? queue.Waiting.Count(e => e.Ahead) : queue.Waiting.Count;
        var entry = new QueuedCall(call, queue, Now, _sequence++, place + 1) { Ahead = ahead };
        queue.Waiting.Insert(place, entry);
        _waiting[call] = entry;
        if (Recording) Record(new QueueEvent(Now, QueueEventType.EnterQueue, queue.Id, call.Reference.ToString(), Position: entry.OriginalPosition, Detail: call.CallerId));
        call.JoinedQueue(queue.Id, entry.OriginalPosition);
        ArmTimers(entry);
        Route();
        return null;
    }

    /// <summary>What a caller hears on joining: position and expected wait, then hold music.</summary>
    internal void Welcome(CallSession call)
    {
        if (!_waiting.TryGetValue(call, out var entry)) return;
        Announce(entry);
        call.HearHoldMusic(entry.Queue.Definition.Announcements.MusicClass);
    }

    /// <summary>The caller hung up: an abandon while waiting, a caller-ended call while connected.</summary>
    internal void CallerHungUp(CallSession call)
    {
        if (_waiting.TryGetValue(call, out var entry))
        {
            var position = entry.Queue.PositionOf(entry);
            var wait = Now - entry.JoinedAt;
            Remove(entry);
            entry.Queue.Metrics.Abandoned(wait);
            if (Recording) Record(new QueueEvent(Now, QueueEventType.Abandon, entry.Queue.Id, call.Reference.ToString(), Position: position, OriginalPosition: entry.OriginalPosition, Wait: wait));
            call.LeftQueue($"abandoned after {Describe(wait)}");
            Route();
        }
        else if (_connected.Remove(call, out var connection))
        {
            connection.EndTimer.Dispose();
            var talk = Now - connection.Since;
            if (Recording) Record(new QueueEvent(Now, QueueEventType.CompleteCaller, connection.Queue.Id, call.Reference.ToString(), connection.Agent.Name,
                OriginalPosition: connection.OriginalPosition, Wait: connection.Waited, Talk: talk));
            StartWrapUp(connection, talk, transferredOut: false);
        }
    }

    /// <summary>The agent the caller is talking to hands them to another queue (escalation to tier 2, retention); ignored when the caller is not talking to an agent.</summary>
    public void TransferByAgent(CallSession call, string queueId)
    {
        if (!_connected.Remove(call, out var connection) || !_queues.ContainsKey(queueId)) return;
        connection.EndTimer.Dispose();
        HandOff(connection, queueId);
    }

    private void HandOff(Connection connection, string queueId, bool agentsOwn = false)
    {
        var talk = Now - connection.Since;
        if (Recording) Record(new QueueEvent(Now, QueueEventType.Transfer, connection.Queue.Id, connection.Call.Reference.ToString(), connection.Agent.Name,
            OriginalPosition: connection.OriginalPosition, Wait: connection.Waited, Talk: talk, Detail: queueId));
        StartWrapUp(connection, talk, transferredOut: true);
        connection.Call.HandedOff(queueId, agentsOwn);
    }

    private void ArmTimers(QueuedCall entry)
    {
        var definition = entry.Queue.Definition;
        if (definition.MaxWait is { } maxWait)
        {
            entry.Timers.Add(After(maxWait, () => Leave(entry, QueueEventType.ExitWithTimeout, $"waited the queue's maximum of {Describe(maxWait)}")));
        }

        // Each tier boundary may make more agents eligible for this caller.
        for (var tier = 1; tier <= entry.Queue.HighestTier - entry.Queue.LowestTier; tier++)
        {
            entry.Timers.Add(After(definition.NextTierAfter * tier, Route));
        }

        var every = definition.Announcements.Every.ToTimeSpan();
        entry.Timers.Add(Every(every, () => Remind(entry)));
    }

    /// <summary>A periodic announcement between segments of hold music.</summary>
    private void Remind(QueuedCall entry)
    {
        // A caller keying in a callback number is not interrupted by the position and the wait.
        if (!IsWaiting(entry) || entry.Callback == CallbackStep.EnteringNumber) return;
        Announce(entry);
        entry.Call.HearHoldMusic(entry.Queue.Definition.Announcements.MusicClass);
    }

    private void Announce(QueuedCall entry)
    {
        var announce = entry.Queue.Definition.Announcements;
        var position = entry.Queue.PositionOf(entry);
        var messages = Menu.Messages;
        // A position is never announced larger than the last one (a higher-priority caller arriving
        // ahead would move it back): callers told "3rd" then "4th" stop trusting the line.
        if (announce.Position && (entry.LastAnnouncedPosition is null || position <= entry.LastAnnouncedPosition))
        {
            entry.LastAnnouncedPosition = position;
            entry.Call.HearQueuePosition(messages.QueuePosition, position);
        }
        var wait = Estimate(entry.Queue, position);
        if (announce.ExpectedWait && wait is { } expected)
        {
            entry.Call.HearExpectedWait(messages.QueueWait, expected);
        }
        else if (announce.ExpectedWait)
        {
            entry.Call.HearInQueue(messages.QueueWaitUnknown);
        }

        // Virtual hold: offered only when the wait is known to be long; an unknown wait is not a reason.
        // Nor is it offered when the callee could not be called when their turn comes (outside the calling window there).
        if (_callbacks is not null && entry.Queue.Definition.Callback is { WhenWaitOver: { } threshold } && wait is { } expectedWait && expectedWait > threshold && !entry.Ahead
            && entry.Callback is CallbackStep.None or CallbackStep.Offered
            && CallableUntilTurn(CallbackNumber.TryNormalize(entry.Call.CallerId, _numberRegion, out var callerId, out _) ? callerId : null, expectedWait))
        {
            if (entry.Callback == CallbackStep.None) entry.Queue.Metrics.CallbackOffered(Now - entry.JoinedAt);
            entry.Callback = CallbackStep.Offered;
            entry.Call.HearInQueue(messages.CallbackOffer);
        }
    }

    /// <summary>A key pressed while waiting: the answer to the callback offer. False when no choice was offered.</summary>
    internal bool CallerPressed(CallSession call, char key)
    {
        if (!_waiting.TryGetValue(call, out var entry)) return false;
        switch (entry.Callback, key)
        {
            case (CallbackStep.Offered, '1'):
                if (CallbackNumber.TryNormalize(call.CallerId, _numberRegion, out var number, out _))
                {
                    entry.CallbackNumber = number;
                    entry.Callback = CallbackStep.Confirming;
                    call.HearInQueue(Menu.Messages.CallbackConfirm, ("number", CallbackNumber.Spoken(number, _numberRegion, call.Locale)));
                }
                else
                {
                    // No caller ID we can call: the caller keys a number in, keeping their place meanwhile.
                    entry.Callback = CallbackStep.EnteringNumber;
                    call.EnterCallbackNumber(noCallableCallerId: true);
                }
                return true;
            case (CallbackStep.Confirming, '1'):
                Book(entry);
                return true;
            case (CallbackStep.Confirming, '2'):
                entry.Callback = CallbackStep.Declined;
                call.HearHoldMusic(entry.Queue.Definition.Announcements.MusicClass);
                return true;
            case (CallbackStep.Confirming, '3'):
                entry.Callback = CallbackStep.EnteringNumber;
                call.EnterCallbackNumber(noCallableCallerId: false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The caller keyed in a number and confirmed it: the virtual-hold callback is booked to it.</summary>
    internal void CallbackNumberEntered(CallSession call, string e164)
    {
        if (!_waiting.TryGetValue(call, out var entry) || entry.Callback != CallbackStep.EnteringNumber) return;
        entry.CallbackNumber = e164;
        Book(entry);
    }

    /// <summary>The caller cancelled keyed entry or ran out of tries: they keep waiting, and the offer is not made again.</summary>
    internal void CallbackNumberAbandoned(CallSession call)
    {
        if (!_waiting.TryGetValue(call, out var entry)) return;
        entry.Callback = CallbackStep.Declined;
        call.HearHoldMusic(entry.Queue.Definition.Announcements.MusicClass);
    }

    /// <summary>
    /// Stores the callback first, then tells the caller: a promise is made only once it is on disk.
    /// The entry stays in line, holding the caller's place, until that place comes up.
    /// </summary>
    private void Book(QueuedCall entry)
    {
        var now = Now;
        var offer = entry.Queue.Definition.Callback!;
        var position = entry.Queue.PositionOf(entry);
        var wait = Estimate(entry.Queue, position) ?? offer.WhenWaitOver ?? Duration.Zero;
        if (!CallableUntilTurn(entry.CallbackNumber!, wait))
        {
            // A keyed-in number in another zone may be outside its calling window before the turn comes: no promise the dialer could not keep.
            entry.Callback = CallbackStep.Declined;
            entry.Call.HearInQueue(Menu.Messages.CallbackUnavailable);
            return;
        }
        CallbackRequest request;
        CallbackRequest stored;
        try
        {
            request = new CallbackRequest(CallbackReferences.Unused(_callbacks!, entry.Call.Reference), entry.Queue.Id, entry.CallbackNumber!, CallbackKind.VirtualHold, entry.Call.Locale,
                now, now + wait, now + offer.ExpiresAfter, Line: Menu.Name);
            stored = _callbacks!.Schedule(request);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Nothing is promised that is not stored: the caller is told and keeps waiting.
            entry.Callback = CallbackStep.Declined;
            entry.Call.HearInQueue(Menu.Messages.CallbackUnavailable);
            _ = exception;
            return;
        }
        if (stored.Reference != request.Reference)
        {
            // The same number already has a callback pending in this queue: one promise, one reference.
            entry.Call.HearInQueue(Menu.Messages.CallbackAlreadyBooked,
                ("slot", IvrEngine.Hours.OpeningPhrase.Format(stored.DueAt, now, Menu.TimeZone, entry.Call.Locale)), ("reference", stored.Reference.ToString()));
            Remove(entry);
            entry.Queue.Metrics.CallbackAccepted(now - entry.JoinedAt);
            entry.Call.CallbackBooked(stored.Reference, position);
            Route();
            return;
        }

        entry.Queue.Metrics.CallbackAccepted(now - entry.JoinedAt);
        if (Recording) Record(new QueueEvent(now, QueueEventType.ExitWithKey, entry.Queue.Id, entry.Call.Reference.ToString(), Position: position,
            OriginalPosition: entry.OriginalPosition, Wait: now - entry.JoinedAt, Detail: $"callback to {CallbackNumber.Mask(stored.PhoneNumber)}, place kept"));
        entry.Call.HearInQueue(Menu.Messages.CallbackBooked);
        _waiting.Remove(entry.Call);
        entry.StopTimers();
        entry.Offer?.Cancel();
        entry.VirtualHold = stored;
        entry.Call.CallbackBooked(stored.Reference, position);
        Route();
    }

    /// <summary>
    /// Whether <paramref name="number"/> may be called from now until <paramref name="wait"/> has passed: the
    /// calling window is open all that time in the callee's zone (the line's for no number yet), by the rule the dialer keeps.
    /// </summary>
    private bool CallableUntilTurn(string? number, Duration wait)
    {
        var now = Now;
        var zone = number is null ? Menu.TimeZone : CalleeZone.Of(number, Menu.TimeZone);
        if (wait <= Duration.Zero) return CallingWindow.IsOpenAt(now, zone);
        return CallingWindow.Intervals(now, now + wait, zone) is [var open] && open.Start == now && open.End == now + wait;
    }

    private Duration? Estimate(LiveQueue queue, int position)
    {
        if (queue.AverageHandleTime is not { } averageHandle) return null;
        var snapshots = queue.SnapshotBuffer;
        for (var i = 0; i < snapshots.Length; i++) snapshots[i] = Snapshot(queue.Members[i]);
        return ExpectedWaitEstimator.Estimate(position, snapshots, averageHandle, Now);
    }

    /// <summary>
    /// An agent as the wait estimate sees them: out of rotation counts as away; ringing as starting a
    /// call now (the previous call's start would make them look nearly free).
    /// </summary>
    private AgentSnapshot Snapshot(Agent agent)
    {
        if (IsOutOfRotation(agent, Now)) return new AgentSnapshot(AgentState.Away, default, default);
        return agent.State == AgentState.Ringing
            ? new AgentSnapshot(AgentState.OnCall, Now, default)
            : new AgentSnapshot(agent.State, agent.CallStartedAt, agent.WrapUpEndsAt);
    }

    /// <summary>
    /// Offers waiting callers to free agents, best first: higher queue priority, then earlier
    /// arrival. Re-entrant calls (an offer ending inside another) are folded into one more pass.
    /// </summary>
    private void Route()
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
                if (!AnyAgentAvailable()) break;
                var inOrder = _routeOrder;
                inOrder.Clear();
                foreach (var queue in _queues.Values) inOrder.AddRange(queue.Waiting);
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
                        if (!entry.CallingBack && AnyFreeAgentFor(entry)) CallBack(entry, held);
                        if (entry.CallingBack) callingBack.Add(entry.Queue);
                    }
                    else if (entry.Offer is null && IsWaiting(entry) && AnyFreeAgentFor(entry))
                    {
                        StartOffer(entry);
                    }
                    // Each offer takes an agent: once none is free, the callers further back have nothing to wait for here.
                    if (!AnyAgentAvailable()) break;
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

    /// <summary>
    /// A virtual-hold caller's place has come up (an agent is free for it): the entry leaves the line
    /// and the callback becomes due now, for the dialer to place.
    /// </summary>
    private void CallBack(QueuedCall entry, CallbackRequest held)
    {
        entry.CallingBack = true;
        // If no dialer places it soon (none serves this line, the callee's window is shut, the store
        // fails), the callers behind must not wait for ever: the place is released.
        entry.Timers.Add(After(KeptPlaceGrace, () => ReleasePlace(held.Reference)));
        try
        {
            _callbacks!.MakeDue(held.Reference, Now);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            entry.Queue.Waiting.Remove(entry);
            if (Recording) Record(new QueueEvent(Now, QueueEventType.CallbackDue, entry.Queue.Id, held.Reference.ToString(), Detail: $"place released: the store failed ({exception.Message})"));
            return;
        }
        if (Recording) Record(new QueueEvent(Now, QueueEventType.CallbackDue, entry.Queue.Id, held.Reference.ToString(), Wait: Now - entry.JoinedAt, Detail: "place came up"));
        CallbackDue?.Invoke(held with { DueAt = Now });
    }

    /// <summary>
    /// A virtual-hold callback cannot be placed now (no answer, the callee's window is shut, the store
    /// failed): the kept place is released (the store retries later, without it) and the callers
    /// behind move up.
    /// </summary>
    public void ReleasePlace(ReferenceNumber callback)
    {
        foreach (var queue in _queues.Values)
        {
            var held = queue.Waiting.Where(e => e.VirtualHold?.Reference == callback).ToList();
            foreach (var entry in held)
            {
                entry.StopTimers();
                queue.Waiting.Remove(entry);
            }
            if (held.Count > 0) Route();
        }
    }

    /// <summary>True while a virtual-hold caller's place is still kept in line and has not come up yet.</summary>
    public bool HoldsPlaceFor(ReferenceNumber callback) =>
        _queues.Values.Any(q => q.Waiting.Any(e => e.VirtualHold?.Reference == callback && !e.CallingBack));

    /// <summary>Who is offered a free agent first: higher queue priority, then callers put through ahead, then earlier arrival.</summary>
    private static readonly Comparison<QueuedCall> ServiceOrder = static (a, b) =>
    {
        var byPriority = b.Queue.Definition.Priority.CompareTo(a.Queue.Definition.Priority);
        if (byPriority != 0) return byPriority;
        var byAhead = b.Ahead.CompareTo(a.Ahead);
        return byAhead != 0 ? byAhead : a.Sequence.CompareTo(b.Sequence);
    };

    private bool AnyAgentAvailable()
    {
        foreach (var agent in _agents)
        {
            if (agent.State == AgentState.Available) return true;
        }
        return false;
    }

    /// <summary>True when some member is free to ring for this caller (see <see cref="FreeAgentsFor"/>).</summary>
    private bool AnyFreeAgentFor(QueuedCall entry)
    {
        var queue = entry.Queue;
        var highestTierOpen = HighestTierOpenFor(entry);
        var now = Now;
        for (var i = 0; i < queue.Members.Count; i++)
        {
            if (IsFree(queue.Members[i], queue.MemberTiers[i], highestTierOpen, now)) return true;
        }
        return false;
    }

    /// <summary>Members free to ring for this caller: available, in rotation, and of a tier the caller has waited long enough for.</summary>
    private List<Agent> FreeAgentsFor(QueuedCall entry, HashSet<Agent> except)
    {
        var queue = entry.Queue;
        var highestTierOpen = HighestTierOpenFor(entry);
        var now = Now;
        var free = new List<Agent>();
        for (var i = 0; i < queue.Members.Count; i++)
        {
            var agent = queue.Members[i];
            if (IsFree(agent, queue.MemberTiers[i], highestTierOpen, now) && !except.Contains(agent)) free.Add(agent);
        }
        return free;
    }

    private int HighestTierOpenFor(QueuedCall entry)
    {
        var queue = entry.Queue;
        if (queue.Definition.NextTierAfter <= Duration.Zero) return int.MaxValue;
        var tiersOpen = (int)((Now - entry.JoinedAt) / queue.Definition.NextTierAfter);
        return (int)Math.Min(int.MaxValue, (long)queue.LowestTier + tiersOpen);
    }

    private bool IsFree(Agent agent, int tier, int highestTierOpen, Instant now) =>
        agent.State == AgentState.Available
        && tier <= highestTierOpen
        && !IsOutOfRotation(agent, now);

    /// <summary>True while a circuit breaker keeps <paramref name="agent"/> from being rung (asked per agent on every routing pass: nobody out is the usual case).</summary>
    private bool IsOutOfRotation(Agent agent, Instant now) =>
        _outOfRotationUntil.Count > 0 && _outOfRotationUntil.TryGetValue(agent, out var until) && now < until;

    private void StartOffer(QueuedCall entry)
    {
        entry.Offer = new CancellationTokenSource();
        _ = OfferAsync(entry, entry.Offer.Token);
    }

    private async Task OfferAsync(QueuedCall entry, CancellationToken abandoned)
    {
        var context = ResilienceContextPool.Shared.Get(abandoned);
        context.Properties.Set(RingAttemptsKey, entry.Queue.Definition.RingAttempts);
        var tried = new HashSet<Agent>();
        RingResult result;
        try
        {
            var ringing = _offerPipeline.ExecuteAsync(ctx => RingNextAsync(entry, tried, ctx), context);
            // A ring that ended at once (an agent who answered at once, or nobody to ring) is acted on at
            // the clock's next turn at this instant, as any answer is: never inside the routing pass, or
            // inside the caller's own move into the queue.
            if (ringing.IsCompleted) await NextTurnAsync().ConfigureAwait(false);
            result = await ringing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The caller left while agents were ringing (the abandon is recorded); the rung agents are free again.
            Route();
            return;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            entry.Offer?.Dispose();
            entry.Offer = null;
        }

        switch (result)
        {
            // Still this entry: a caller who left in the meantime may already wait again, elsewhere, as a new one.
            case RingResult.Answered when entry.AnsweredBy is { } agent && IsWaiting(entry):
                Connect(entry, agent);
                break;
            case RingResult.Failed:
                Leave(entry, QueueEventType.ExitWithTimeout, "the agents could not be rung");
                break;
            default:
                // An agent who picked up for a caller who has just left goes back to waiting for the next.
                if (entry.AnsweredBy is { State: AgentState.Ringing } idle) idle.MoveTo(AgentState.Available, Now);
                Route();
                break;
        }
    }

    /// <summary>One attempt: ring the next agent by the queue's strategy (all free agents for ring-all).</summary>
    private async ValueTask<RingResult> RingNextAsync(QueuedCall entry, HashSet<Agent> tried, ResilienceContext context)
    {
        var free = FreeAgentsFor(entry, except: tried);
        if (free.Count == 0) return RingResult.NoAgentFree;

        if (entry.Queue.Definition.Strategy != RoutingStrategy.RingAll)
        {
            // One agent rung: nothing else to stop when they answer, so no linked cancellation and no race.
            var chosen = Choose(entry.Queue, free);
            tried.Add(chosen);
            var (_, pickedUp) = await RingAgentAsync(chosen, entry, raced: false, context.CancellationToken).ConfigureAwait(false);
            if (pickedUp)
            {
                entry.AnsweredBy = chosen;
                return RingResult.Answered;
            }
            context.CancellationToken.ThrowIfCancellationRequested();
            return RingResult.NoAnswer;
        }

        tried.UnionWith(free);
        using var stopOthers = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var rings = free.Select(agent => RingAgentAsync(agent, entry, raced: true, stopOthers.Token).AsTask()).ToList();
        while (rings.Count > 0)
        {
            var done = await Task.WhenAny(rings).ConfigureAwait(false);
            rings.Remove(done);
            var (agent, answered) = await done.ConfigureAwait(false);
            if (!answered) continue;
            entry.AnsweredBy = agent;
            // Cancel, not CancelAsync: the losing rings must stop here, on the calls' thread, not on the pool.
#pragma warning disable CA1849
            stopOthers.Cancel();
#pragma warning restore CA1849
            await Task.WhenAll(rings).ConfigureAwait(false);
            return RingResult.Answered;
        }
        context.CancellationToken.ThrowIfCancellationRequested();
        return RingResult.NoAnswer;
    }

    /// <param name="raced">Other agents ring for the same caller (ring-all): the first to pick up wins, and the others are stopped.</param>
    private async ValueTask<(Agent Agent, bool Answered)> RingAgentAsync(Agent agent, QueuedCall entry, bool raced, CancellationToken cancel)
    {
        var started = Now;
        agent.MoveTo(AgentState.Ringing, started);
        if (Recording) Record(new QueueEvent(started, QueueEventType.Ring, entry.Queue.Id, entry.Call.Reference.ToString(), agent.Name));
        var context = ResilienceContextPool.Shared.Get(cancel);
        context.Properties.Set(RingTimeoutKey, entry.Queue.Definition.RingTimeout.ToTimeSpan());
        try
        {
            var outcome = await agent.RingPipeline.ExecuteOutcomeAsync(
                async (ctx, ring) =>
                {
                    try
                    {
                        return Outcome.FromResult(await PickUpAsync(ring.Agent, ring.Raced, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (OperationCanceledException cancelled)
                    {
                        // The ring timeout (or a ring-all winner, or the caller hanging up) stopped the ring.
                        return Outcome.FromException<RingResult>(cancelled);
                    }
                },
                context,
                (Agent: agent, Raced: raced)).ConfigureAwait(false);
            if (outcome.Exception is null && outcome.Result == RingResult.Answered)
            {
                NoteRotation(agent);
                return (agent, true);
            }
            if (outcome.Exception is TimeoutRejectedException)
            {
                if (Recording) Record(new QueueEvent(Now, QueueEventType.RingNoAnswer, entry.Queue.Id, entry.Call.Reference.ToString(), agent.Name, Ring: Now - started));
            }
            agent.MoveTo(AgentState.Available, Now);
            NoteRotation(agent);
            return (agent, false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Logs an agent leaving rotation when their circuit opens (PAUSE) and rejoining when a trial ring closes it (UNPAUSE).</summary>
    private void NoteRotation(Agent agent)
    {
        var now = Now;
        var paused = _outOfRotationUntil.TryGetValue(agent, out var until);
        switch (agent.Circuit.CircuitState)
        {
            case CircuitState.Open when !paused || now >= until:
                _outOfRotationUntil[agent] = now + BreakDuration.ToDuration();
                if (Recording) Record(new QueueEvent(now, QueueEventType.Pause, "NONE", string.Empty, agent.Name, Detail: $"{FailuresBeforeBreak} rings unanswered"));
                After(BreakDuration.ToDuration(), Route);
                break;
            case CircuitState.Closed when paused:
                _outOfRotationUntil.Remove(agent);
                if (Recording) Record(new QueueEvent(now, QueueEventType.Unpause, "NONE", string.Empty, agent.Name));
                break;
        }
    }

    /// <summary>The simulated agent: picks up after their answer delay, or (with their no-answer probability) never.</summary>
    /// <param name="raced">Others ring too: even an instant answer waits its turn on the clock, so the first ring's win can stop the rest.</param>
    private ValueTask<RingResult> PickUpAsync(Agent agent, bool raced, CancellationToken cancel)
    {
        var answers = _random.NextDouble() >= agent.Profile.NoAnswerProbability;
        // An agent rung alone who answers at once does so now: no timer, and the ring pipeline completes without waiting.
        if (answers && !raced && agent.Profile.AnswerDelay <= Duration.Zero) return ValueTask.FromResult(RingResult.Answered);
        return new ValueTask<RingResult>(PickUpLaterAsync(agent, answers, cancel));
    }

    private async Task<RingResult> PickUpLaterAsync(Agent agent, bool answers, CancellationToken cancel)
    {
        var pickUp = new TaskCompletionSource<RingResult>();
        var answer = answers ? After(agent.Profile.AnswerDelay, () => pickUp.TrySetResult(RingResult.Answered)) : null;
        // A synchronous dispose: this may run inside the cancellation callback itself, where an
        // asynchronous one would wait for that callback to finish and resume on the thread pool.
#pragma warning disable CA2007
        using var onCancel = cancel.Register(() => _dispatch(() => pickUp.TrySetCanceled(cancel)));
#pragma warning restore CA2007
        try
        {
            return await pickUp.Task.ConfigureAwait(false);
        }
        finally
        {
            answer?.Dispose();
        }
    }

    private Agent Choose(LiveQueue queue, List<Agent> free)
    {
        var chosen = queue.Definition.Strategy switch
        {
            RoutingStrategy.RoundRobin => queue.Members
                .OrderBy(a => a.Order)
                .SkipWhile(a => queue.LastRung is not null && a.Order <= queue.LastRung.Order)
                .Concat(queue.Members.OrderBy(a => a.Order))
                .First(free.Contains),
            RoutingStrategy.FewestCalls => First(free, queue.Id, static (a, b, queueId) => Compare(a.CallsTaken(queueId), b.CallsTaken(queueId), a.IdleSince, b.IdleSince, a.Order, b.Order)),
            RoutingStrategy.Random => free[_random.Next(free.Count)],
            RoutingStrategy.Linear => First(free, queue.Id, static (a, b, _) => a.Order.CompareTo(b.Order)),
            _ => First(free, queue.Id, static (a, b, _) => Compare(0, 0, a.IdleSince, b.IdleSince, a.Order, b.Order)),
        };
        queue.LastRung = chosen;
        return chosen;
    }

    /// <summary>The agent that <paramref name="compare"/> puts first (agents' orders differ, so there are no ties); rung for every answered call, so without sorting.</summary>
    private static Agent First(List<Agent> free, string queueId, Func<Agent, Agent, string, int> compare)
    {
        var best = free[0];
        for (var i = 1; i < free.Count; i++)
        {
            if (compare(free[i], best, queueId) < 0) best = free[i];
        }
        return best;
    }

    private static int Compare(int calls, int otherCalls, Instant idleSince, Instant otherIdleSince, int order, int otherOrder)
    {
        var byCalls = calls.CompareTo(otherCalls);
        if (byCalls != 0) return byCalls;
        var byIdle = idleSince.CompareTo(otherIdleSince);
        return byIdle != 0 ? byIdle : order.CompareTo(otherOrder);
    }

    private void Connect(QueuedCall entry, Agent agent)
    {
        var now = Now;
        var wait = now - entry.JoinedAt;
        var ring = now - agent.StateSince;
        Remove(entry);
        agent.MoveTo(AgentState.OnCall, now);
        agent.CallStartedAt = now;
        agent.CountCall(entry.Queue.Id);
        entry.Queue.Metrics.Answered(wait, callbackLeg: entry.Ahead);
        if (Recording) Record(new QueueEvent(now, QueueEventType.Connect, entry.Queue.Id, entry.Call.Reference.ToString(), agent.Name, OriginalPosition: entry.OriginalPosition, Wait: wait, Ring: ring));
        var talk = agent.Profile.HandleTime.Sample(_random);
        var connection = new Connection(entry.Call, entry.Queue, agent, now, wait, entry.OriginalPosition);
        connection.EndTimer = After(talk, () => AgentFinishes(connection));
        _connected[entry.Call] = connection;
        entry.Call.ConnectedToAgent(agent.Name, wait);
    }

    /// <summary>The agent's part is done: resolved (the agent ends the call) or escalated to another queue.</summary>
    private void AgentFinishes(Connection connection)
    {
        if (!_connected.Remove(connection.Call)) return;
        var profile = connection.Agent.Profile;
        if (profile.TransferTo is { } escalation && escalation != connection.Queue.Id && _random.NextDouble() < profile.TransferProbability)
        {
            HandOff(connection, escalation, agentsOwn: true);
            return;
        }

        var talk = Now - connection.Since;
        if (Recording) Record(new QueueEvent(Now, QueueEventType.CompleteAgent, connection.Queue.Id, connection.Call.Reference.ToString(), connection.Agent.Name,
            OriginalPosition: connection.OriginalPosition, Wait: connection.Waited, Talk: talk));
        StartWrapUp(connection, talk, transferredOut: false);
        connection.Call.EndedByAgent(connection.Agent.Name, talk);
    }

    private void StartWrapUp(Connection connection, Duration talk, bool transferredOut)
    {
        var agent = connection.Agent;
        var wrapUp = agent.Profile.WrapUp;
        connection.Queue.RecordHandleTime(talk + wrapUp);
        connection.Queue.Metrics.Handled(talk + wrapUp, transferredOut, connection.Since);
        agent.MoveTo(AgentState.WrapUp, Now);
        agent.WrapUpEndsAt = Now + wrapUp;
        After(wrapUp, () => FreeUp(agent));
    }

    /// <summary>The agent's call (and wrap-up) is over: back in rotation, or away if they asked to log out.</summary>
    private void FreeUp(Agent agent)
    {
        if (agent.LoggingOut)
        {
            agent.LoggingOut = false;
            agent.MoveTo(AgentState.Away, Now);
            EmptyQueuesOf(agent);
            return;
        }
        agent.MoveTo(AgentState.Available, Now);
        Route();
    }

    /// <summary>Simulates the call an agent is finishing when the line opens.</summary>
    private void StartEarlierCall(Agent agent, Duration remaining)
    {
        agent.MoveTo(AgentState.OnCall, Now);
        agent.CallStartedAt = Now;
        After(remaining, () => FreeUp(agent));
    }

    private void Leave(QueuedCall entry, QueueEventType why, string reason)
    {
        if (!IsWaiting(entry)) return;
        var position = entry.Queue.PositionOf(entry);
        var wait = Now - entry.JoinedAt;
        Remove(entry);
        entry.Queue.Metrics.Overflowed(wait);
        if (Recording) Record(new QueueEvent(Now, why, entry.Queue.Id, entry.Call.Reference.ToString(), Position: position, OriginalPosition: entry.OriginalPosition, Wait: wait));
        entry.Call.LeftQueue(reason);
        entry.Call.Overflow(entry.Queue.Definition.Overflow, reason);
        Route();
    }

    /// <summary>A caller turned away on arrival (full, or empty): logged, counted, sent to the overflow by the caller.</summary>
    private void Turn(CallSession call, LiveQueue queue, QueueEventType why, string reason)
    {
        queue.Metrics.Overflowed(Duration.Zero, turnedAway: true);
        if (Recording) Record(new QueueEvent(Now, why, queue.Id, call.Reference.ToString(), Detail: reason));
        call.TurnedAwayFromQueue(queue.Id, reason);
    }

    private void EmptyQueuesOf(Agent agent)
    {
        foreach (var queue in _queues.Values.Where(q => q.Definition.LeaveWhenEmpty && q.Members.Contains(agent) && !q.HasLoggedInMembers))
        {
            foreach (var entry in queue.Waiting.ToList()) Leave(entry, QueueEventType.ExitEmpty, "the last agent logged out");
        }
    }

    /// <summary>True while <paramref name="entry"/> is its caller's place in line (not one they have left).</summary>
    private bool IsWaiting(QueuedCall entry) => _waiting.TryGetValue(entry.Call, out var current) && ReferenceEquals(current, entry);

    private void Remove(QueuedCall entry)
    {
        entry.Queue.Waiting.Remove(entry);
        _waiting.Remove(entry.Call);
        entry.StopTimers();
        entry.Offer?.Cancel();
    }

    private ResiliencePipeline<RingResult> BuildRingPipeline(Agent agent) =>
        new ResiliencePipelineBuilder<RingResult> { TimeProvider = _time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<RingResult>
            {
                // An agent who leaves the phone ringing again and again is taken out of rotation for a while.
                FailureRatio = 1.0,
                MinimumThroughput = FailuresBeforeBreak,
                SamplingDuration = SamplingDuration,
                BreakDuration = BreakDuration,
                ShouldHandle = new PredicateBuilder<RingResult>().Handle<TimeoutRejectedException>(),
                // No OnOpened/OnClosed callbacks: Polly runs those on the thread pool, outside the
                // calls' thread. The state is read after each ring instead (NoteRotation).
                StateProvider = agent.Circuit,
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(RingTimeoutKey, TimeSpan.FromSeconds(15))),
            })
            .Build();

    /// <summary>Completes once the events already due at this instant have run.</summary>
    private Task NextTurnAsync()
    {
        var turn = new TaskCompletionSource();
        After(Duration.Zero, () => turn.TrySetResult());
        return turn.Task;
    }

    private ITimer After(Duration delay, Action work) =>
        _time.CreateTimer(DispatchWork, (this, work), delay.ToTimeSpan(), Timeout.InfiniteTimeSpan);

    private ITimer Every(TimeSpan period, Action work) => _time.CreateTimer(DispatchWork, (this, work), period, period);

    // One callback for every timer of the centre, its work in the timer's state: no closure per timer.
    private static readonly TimerCallback DispatchWork = static state =>
    {
        var (center, work) = ((CallCenter, Action))state!;
        center._dispatch(work);
    };

    /// <summary>Whether anyone takes queue events: when nobody does (a simulation), they are not even built.</summary>
    private bool Recording => Log.Keeps || EventRecorded is not null;

    private void Record(QueueEvent queueEvent)
    {
        Log.Add(queueEvent);
        EventRecorded?.Invoke(queueEvent);
    }

    private static string Describe(Duration duration) =>
        duration < Duration.FromMinutes(1) ? $"{(int)duration.TotalSeconds} s" : $"{(int)duration.TotalMinutes} min {duration.Seconds} s";

    /// <summary>A caller talking to an agent.</summary>
    private sealed class Connection(CallSession call, LiveQueue queue, Agent agent, Instant since, Duration waited, int originalPosition)
    {
        public CallSession Call { get; } = call;

        public LiveQueue Queue { get; } = queue;

        public Agent Agent { get; } = agent;

        public Instant Since { get; } = since;

        public Duration Waited { get; } = waited;

        public int OriginalPosition { get; } = originalPosition;

        public ITimer EndTimer { get; set; } = null!;
    }
}
