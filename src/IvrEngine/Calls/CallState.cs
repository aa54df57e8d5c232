namespace IvrEngine.Calls;

/// <summary>Where a call stands. The state machine's graph is in <c>docs/call-state-machine.md</c>.</summary>
public enum CallState
{
    /// <summary>Answered; the line is about to say the first prompt.</summary>
    Greeting,

    /// <summary>At a menu or announcement node, listening for keys or speech.</summary>
    InMenu,

    /// <summary>At a collector node, gathering digits.</summary>
    CollectingDigits,

    /// <summary>Leaving the menus for a queue of agents.</summary>
    Transferring,

    /// <summary>The caller is choosing a time for a callback (a closed queue offers one, or they chose a callback option), confirming it, or keying in the number.</summary>
    OfferingCallback,

    /// <summary>Waiting in a queue: announcements and hold music until an agent answers.</summary>
    Queued,

    /// <summary>Talking to an agent.</summary>
    WithAgent,

    /// <summary>The call is over; every later input is ignored (and noted).</summary>
    Ended,
}
