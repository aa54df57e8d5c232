using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Menus;
using IvrEngine.Queues.Admission;
using IvrEngine.Queues.Agents;
using IvrEngine.Queues.Announcements;
using IvrEngine.Queues.Connections;
using IvrEngine.Queues.Ringing;
using IvrEngine.Queues.Routing;
using IvrEngine.Queues.Staffing;
using IvrEngine.Queues.VirtualHold;
using NodaTime;

namespace IvrEngine.Queues;

/// <summary>
/// The queues of one menu and the agents who answer them: the front of the call centre. Callers join
/// from a <see cref="CallSession"/>; admission, announcements, virtual hold, routing, ringing (Polly),
/// agents and connections each live in their own folder, wired together here. A call never ends in an
/// exception, and every event goes to <see cref="Log"/>.
/// </summary>
/// <remarks>
/// Like calls, a call centre is single-threaded: its owner runs calls, queues and timers on one
/// logical thread (<see cref="CallSettings.Dispatch"/>); on a <see cref="Time.VirtualClock"/> the
/// whole centre is deterministic for a seed.
/// </remarks>
public sealed class CallCenter
{
    private readonly CenterTimers _clock;
    private readonly QueueRecorder _recorder;
    private readonly WaitingLines _lines = new();
    private readonly AgentRoster _roster;
    private readonly QueueAdmission _admission;
    private readonly Announcer _announcer;
    private readonly WaitEstimate _estimate;
    private readonly VirtualHoldDialogue _virtualHold;
    private readonly KeptPlaces _keptPlaces;
    private readonly AgentConnections _connections;
    private readonly Router _router;

    /// <param name="callbacks">Where promised callbacks are kept; without one, queues offer no callbacks.</param>
    /// <param name="numberRegion">The region national caller IDs are read in (<c>US</c>).</param>
    /// <param name="callingWindow">When callees may be called, in their own zone (<see cref="CallingWindow.Default"/> unless set): callback times are offered inside it, and the line's dialer keeps it.</param>
    /// <param name="observer">Sees every queue outcome with its time (the load simulator's figures).</param>
    /// <param name="keepLog">False keeps no <see cref="Log"/> in memory (a long simulation would grow it without end); events are still raised.</param>
    public CallCenter(Menu menu, StaffingPlan staffing, TimeProvider time, int seed = 0, Action<Action>? dispatch = null,
        ICallbackStore? callbacks = null, string numberRegion = "US", IQueueObserver? observer = null, bool keepLog = true, CallingWindow? callingWindow = null)
    {
        Menu = menu;
        Callbacks = callbacks;
        NumberRegion = numberRegion;
        CallingWindow = callingWindow ?? CallingWindow.Default;
        Hours = new Hours.BusinessHours(menu.Hours);
        Log = new QueueLog(keepLog);
        _recorder = new QueueRecorder(Log);
        _clock = new CenterTimers(time, dispatch ?? (static work => work()));
        // One seeded stream for every draw of the centre (agents' behaviour, the random strategy), in the order they happen.
        var random = new Random(seed);
        Action route = () => _router!.Route();

        var rotation = new AgentRotation(_clock, _recorder, route);
        var estimate = _estimate = new WaitEstimate(rotation, _clock);
        var booking = new VirtualHoldBooking(menu, _lines, estimate, _recorder, _clock, callbacks, CallingWindow, route);
        _virtualHold = new VirtualHoldDialogue(menu, _lines, booking, _clock, callbacks, numberRegion);
        _announcer = new Announcer(menu, _lines, estimate, _virtualHold);
        _admission = new QueueAdmission(_lines, _recorder, _clock, _announcer, route);
        _roster = new AgentRoster(_clock, _admission, route);
        foreach (var profile in staffing.Agents) _roster.Add(profile);
        foreach (var definition in menu.Queues.Values)
        {
            var members = _roster.Agents.Where(a => a.TierIn(definition.Id) > 0).ToList();
            _lines.Add(new LiveQueue(definition, members, observer, time));
        }

        var live = new LiveAgentBehaviour(_clock);
        IAgentBehaviour behaviour = new AgentBehaviours(new SimulatedAgentBehaviour(_clock, random), live);
        Live = new LiveAgents(_roster, live, _lines, _clock);
        _connections = new AgentConnections(_lines, _recorder, _clock, behaviour, _roster);
        _keptPlaces = new KeptPlaces(_lines, _recorder, _clock, callbacks, route);
        var freeAgents = new FreeAgents(rotation, _clock);
        var ringer = new Ringer(_lines, _recorder, _clock, freeAgents, new AgentChoices(random), behaviour, rotation, _connections, _admission, _roster, route);
        _router = new Router(_lines, _roster, freeAgents, _keptPlaces, ringer);
    }

    public Menu Menu { get; }

    /// <summary>The line's business hours, shared by its calls and its callback dialer; switch emergency closures here.</summary>
    public Hours.BusinessHours Hours { get; }

    /// <summary>When this line's callees may be called, in their own zone: the one rule its offers and its dialer share.</summary>
    public CallingWindow CallingWindow { get; }

    public IReadOnlyList<Agent> Agents => _roster.Agents;

    /// <summary>The live seats and the people signed in at them (sign in, ready, accept, hang up…), on the calls' thread.</summary>
    public LiveAgents Live { get; }

    public QueueLog Log { get; }

    /// <summary>Raised for every queue event as it happens.</summary>
    public event Action<QueueEvent>? EventRecorded
    {
        add => _recorder.Recorded += value;
        remove => _recorder.Recorded -= value;
    }

    /// <summary>Raised when a virtual-hold caller's place comes up: their callback should be dialed now.</summary>
    public event Action<CallbackRequest>? CallbackDue
    {
        add => _keptPlaces.CallbackDue += value;
        remove => _keptPlaces.CallbackDue -= value;
    }

    /// <summary>Where this line's callbacks are kept, or null when it offers none.</summary>
    internal ICallbackStore? Callbacks { get; }

    /// <summary>The region national numbers are read in.</summary>
    internal string NumberRegion { get; }

    /// <summary>Callers now waiting in <paramref name="queueId"/>.</summary>
    public int Waiting(string queueId) => _lines.Queues[queueId].Waiting.Count;

    /// <summary>The queue's figures so far.</summary>
    public QueueStatistics Statistics(string queueId)
    {
        var queue = _lines.Queues[queueId];
        var now = _clock.Now;
        var times = queue.Members.Select(a => a.TimesAt(now)).ToList();
        var loggedIn = times.Aggregate(Duration.Zero, (sum, t) => sum + t.LoggedIn);
        var busy = times.Aggregate(Duration.Zero, (sum, t) => sum + t.Busy);
        return queue.Metrics.Snapshot(queueId, loggedIn > Duration.Zero ? busy / loggedIn : null);
    }

    /// <summary>The caller's position (1 = next) in their queue, or null when not waiting.</summary>
    public int? PositionOf(CallSession call) => _lines.TryGet(call, out var entry) ? entry.Queue.PositionOf(entry) : null;

    /// <summary>The caller's expected wait, recomputed now; null when not waiting or when there is no data to estimate from.</summary>
    public Duration? ExpectedWaitOf(CallSession call) =>
        _lines.TryGet(call, out var entry) ? _estimate.For(entry.Queue, entry.Queue.PositionOf(entry)) : null;

    /// <summary>
    /// An agent logs out (<paramref name="away"/>) or back in. An agent who is busy finishes the call
    /// and its wrap-up first. Waiting callers of a queue left with nobody leave if it says so.
    /// </summary>
    public void SetAway(string agentName, bool away) => _roster.SetAway(_roster.Named(agentName), away);

    /// <inheritdoc cref="SetAway(string, bool)"/>
    public void SetAway(Agent agent, bool away) => _roster.SetAway(agent, away);

    /// <summary>
    /// True while <paramref name="call"/> waits in a queue with a callback question open (the offer, or
    /// a question after accepting it): what a simulated caller answers.
    /// </summary>
    public bool AwaitsCallbackAnswer(CallSession call) => _virtualHold.AwaitsAnswer(call);

    /// <summary>The agent the caller is talking to hands them to another queue (escalation to tier 2, retention); ignored when the caller is not talking to an agent or the queue is unknown.</summary>
    public void TransferByAgent(CallSession call, string queueId)
    {
        if (_lines.Queues.ContainsKey(queueId)) _connections.TransferByAgent(call, queueId);
    }

    /// <summary>
    /// A virtual-hold callback cannot be placed now (no answer, the callee's window is shut, the store
    /// failed): the kept place is released (the store retries later, without it) and the callers
    /// behind move up.
    /// </summary>
    public void ReleasePlace(ReferenceNumber callback) => _keptPlaces.Release(callback);

    /// <summary>
    /// After a restart: puts the places the previous process kept for virtual-hold callers back in line at
    /// their original join times, before callers join. Returns the callbacks put back.
    /// </summary>
    public IReadOnlyList<ReferenceNumber> RestorePlaces(IEnumerable<CallbackRequest> kept) => _keptPlaces.Restore(kept);

    /// <summary>True while a virtual-hold caller's place is still kept in line and has not come up yet.</summary>
    public bool HoldsPlaceFor(ReferenceNumber callback) => _keptPlaces.HoldsPlaceFor(callback);

    /// <summary>
    /// A caller arrives. Returns null when they joined, or the overflow action when they could not
    /// (queue full, or no agents and the queue does not take callers then). One who joined waits to be
    /// offered to agents until <see cref="Queued"/>.
    /// </summary>
    internal MenuAction? Join(IQueueCaller call, string queueId, bool ahead = false) => _admission.Join(call, queueId, ahead);

    /// <summary>
    /// The caller who joined is now queued (the call's state says so, and its transcript has said so):
    /// waiting callers are offered to free agents, then this one hears their position and expected wait,
    /// then hold music. Offering comes first, at the same instant, as it did when joining offered at once:
    /// the expected wait counts an agent being rung as busy, and the compiled kernel (KernelWeek.Transfer)
    /// does the same, so what each call hears and how it ends is unchanged; only the transcript now says
    /// "state Transferring -> Queued" before "ringing agent".
    /// </summary>
    internal void Queued(IQueueCaller call)
    {
        _router.Route();
        _announcer.Welcome(call);
    }

    /// <summary>The caller hung up: an abandon while waiting, a caller-ended call while connected.</summary>
    internal void CallerHungUp(IQueueCaller call)
    {
        if (_lines.TryGet(call, out var entry)) _admission.Abandon(entry);
        else _connections.CallerHungUp(call);
    }

    /// <summary>A key pressed while waiting: the answer to the callback offer. False when no choice was offered.</summary>
    internal bool CallerPressed(IQueueCaller call, char key) => _virtualHold.CallerPressed(call, key);

    /// <summary>The caller keyed in a number and confirmed it: the virtual-hold callback is booked to it.</summary>
    internal void CallbackNumberEntered(IQueueCaller call, string e164) => _virtualHold.NumberEntered(call, e164);

    /// <summary>The caller cancelled keyed entry or ran out of tries: they keep waiting, and the offer is not made again.</summary>
    internal void CallbackNumberAbandoned(IQueueCaller call) => _virtualHold.NumberAbandoned(call);
}
