namespace IvrEngine.Calls;

/// <summary>The kinds of entry in a call's transcript.</summary>
public enum CallEventType
{
    CallStarted,
    StateChanged,
    NodeEntered,
    Prompt,
    KeyPressed,
    SpeechHeard,
    OptionChosen,
    NoInput,
    InvalidInput,
    Ambiguous,
    EscapeAsked,
    DigitsCollected,
    BudgetExceeded,
    Transferred,
    QueueJoined,
    QueueLeft,
    HoldMusic,
    AgentConnected,
    AgentHandOff,
    CallbackBooked,
    InputIgnored,
    CallEnded,

    /// <summary>A node or queue was closed by its business hours (text: what, detail: the deciding rule and when it opens).</summary>
    ClosedByHours,

    /// <summary>
    /// A step of keyed callback-number entry (text: keyed entry, read back, confirmed, invalid, silence,
    /// not a choice, asked again, cancelled, given up; detail: the masked number or what went wrong, never the digits).
    /// </summary>
    CallbackNumber,

    /// <summary>
    /// The caller asked for a callback and their number already had one pending in the queue: that one is
    /// kept and told again, and nothing new is booked (text: its reference, detail: its time or "virtual hold").
    /// </summary>
    CallbackExisting,
}
