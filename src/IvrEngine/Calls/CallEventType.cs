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
    InputIgnored,
    CallEnded,
}
