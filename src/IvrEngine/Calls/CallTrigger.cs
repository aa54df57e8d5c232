namespace IvrEngine.Calls;

/// <summary>What can happen to a call: the triggers of its state machine (their names label the diagram's arrows).</summary>
internal enum CallTrigger
{
    Answer,
    EnterNode,
    Digit,
    Speech,
    NoInput,
    InterDigitTimeout,
    MenuTimeLimit,
    Transfer,
    Enqueued,
    OfferCallback,
    AgentAnswered,
    Overflow,
    HandOff,
    End,
    Hangup,
}
