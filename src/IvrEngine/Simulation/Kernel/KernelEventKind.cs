namespace IvrEngine.Simulation.Kernel;

/// <summary>What a <see cref="KernelEvent"/> does: each is one timer of the reference engine.</summary>
internal enum KernelEventKind : byte
{
    /// <summary>The next caller arrives (the week's arrival timer).</summary>
    Arrival,

    /// <summary>An interval of the week starts: agents log in or out (SimulatedWeek.StartInterval).</summary>
    Interval,

    /// <summary>The caller acts after thinking (SimulatedCaller's act timer).</summary>
    Act,

    /// <summary>The caller said nothing (the session's no-input timer).</summary>
    NoInput,

    /// <summary>The caller paused after the digits typed at a collector: the entry ends (the session's inter-digit timer).</summary>
    EntryPause,

    /// <summary>The call's time in the menus is spent (the budget's timer).</summary>
    MenuTime,

    /// <summary>A waiting caller's patience runs out.</summary>
    Patience,

    /// <summary>An agent who picked up at once is connected at the clock's next turn (Ringer's NextTurnAsync).</summary>
    Connect,

    /// <summary>The agent's talk time is over.</summary>
    TalkEnd,

    /// <summary>The agent's wrap-up is over.</summary>
    WrapUpEnd,

    /// <summary>A waiting caller's periodic announcement (the queue's reminder timer).</summary>
    Remind,

    /// <summary>A callback's dial ends: answered after a few rings, or rung out (the dialer's ring timeout).</summary>
    DialEnd,

    /// <summary>The dialer's backoff before its next dial of an unanswered callback is over.</summary>
    Redial,

    /// <summary>The dialer's periodic poll runs a minute before the one that claims a postponed callback: it arms that one.</summary>
    PollArm,

    /// <summary>The dialer's periodic poll claims the postponed callbacks now due.</summary>
    Poll,

    /// <summary>The dialer's poll gives up a callback postponed past its expiry (the store's ExpireDue).</summary>
    Expire,

    /// <summary>A kept place that came up waited its grace for the dialer's claim: it is released (KeptPlaces.CallBack).</summary>
    Grace,

    /// <summary>A waiting caller reached the queue's maximum wait (QueueAdmission's timer): they leave for the overflow.</summary>
    MaxWait,

    /// <summary>
    /// An agent rung with an answer delay picks up (SimulatedAgentBehaviour's answer timer); taken out of
    /// the heap when the ring is withdrawn first (the caller hung up, booked a callback or was sent on).
    /// </summary>
    PickUp,
}
