using IvrEngine.Calls;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// One call of the kernel: everything the reference engine keeps across a CallSession, its
/// SimulatedCaller and its queue entry, as plain fields in one array slot. Timers are kept as the
/// sequence number of their current event (-1: none), so re-arming one makes the old event stale.
/// </summary>
internal struct CallSlot
{
    public long Sequence;
    public ulong Random;
    public KernelCallState State;
    /// <summary>The node the caller is at (-1 before the first); the nodes left behind, for "go back", are the slot's history (KernelWeek), this many deep.</summary>
    public int Node;
    public int HistoryCount;
    public bool Acted;
    public bool Escaper;
    public bool BudgetSpent;
    public int EscapeAsks;
    public int NoInputs;
    public int InvalidInputs;
    public int FailedInputs;
    public int MovesWithoutInput;
    public long ActTimer;
    public long InputTimer;
    public long MenuTimer;
    public long PatienceTimer;

    /// <summary>The queue's maximum wait for this entry (-1: none or stopped).</summary>
    public long MaxWaitTimer;

    /// <summary>The last queue joined (-1: none), when, and when the caller left it (-1: not yet).</summary>
    public int Queue;
    public long JoinedAt;
    public long LeftAt;

    /// <summary>The queue entry's sequence (the engine's service order); the entry counts while <see cref="Waiting"/>.</summary>
    public long EntrySequence;
    public bool Waiting;

    /// <summary>An agent is ringing for this entry.</summary>
    public bool Offered;

    /// <summary>The pick-up of an agent rung with an answer delay (-1: none pending), and that agent: the ring the caller's leaving withdraws.</summary>
    public long RingTimer;
    public int RingAgent;

    public int Agent;
    public long ConnectedAt;
    public long Talk;
    public CallOutcomeKind Outcome;
    public int OutcomeQueue;

    /// <summary>The queue's periodic announcement (position, wait, the virtual-hold offer); -1: none.</summary>
    public long ReminderTimer;

    /// <summary>The last position announced (0: none yet); a later announcement never says a larger one.</summary>
    public int LastAnnouncedPosition;

    /// <summary>Where the virtual-hold offer stands (the engine's CallbackStep).</summary>
    public KernelCallbackStep Callback;

    /// <summary>The caller's one draw of whether they take a callback: 0 not drawn yet, 1 yes, -1 no.</summary>
    public sbyte TakesCallback;

    /// <summary>The callback was booked at this time (the caller hung up; the slot keeps the place and then the callback).</summary>
    public long BookedAt;

    /// <summary>
    /// The callback's due time in the store: booked plus the wait estimated then, or when its place came up
    /// if sooner (virtual hold); the time chosen (scheduled), which is the first time offered while the offer stands.
    /// </summary>
    public NodaTime.Instant DueAt;

    /// <summary>When the store gives the callback up (UTC ticks).</summary>
    public long ExpiresAt;

    /// <summary>The queue whose scheduled callback is being offered.</summary>
    public int OfferQueue;

    /// <summary>The order the callback was stored in (the store's tie-break among callbacks due at once).</summary>
    public long Order;

    /// <summary>A postponed callback's next try (the dialer's earliest claim of it).</summary>
    public long RetryAt;

    /// <summary>The grace of a kept place that came up before the dialer could claim its callback (-1: none).</summary>
    public long GraceTimer;

    /// <summary>The kept place came up and the callee is being dialed: callers behind in the queue wait.</summary>
    public bool CallingBack;

    /// <summary>The slot is the callback's leg: the callee answered and waits ahead of new callers.</summary>
    public bool IsLeg;

    /// <summary>
    /// The slot is the line's call to a callee (a callback's leg, or one sent on from it): nobody acts on
    /// it (no simulated caller), and its end completes the callback instead of ending a caller's record.
    /// </summary>
    public bool Callee;

    /// <summary>Dials made so far, and whether the one ringing now will be answered.</summary>
    public int Dials;
    public bool DialAnswered;

    /// <summary>Dials of the dialer's current claim: its backoff doubles from these.</summary>
    public int ClaimDials;
}
