namespace IvrEngine.Queues;

/// <summary>
/// Queue events, named after Asterisk's <c>queue_log</c> so existing queue-reporting tools read
/// the log (<see cref="Ring"/> is ours: Asterisk logs only rings that go unanswered).
/// </summary>
public enum QueueEventType
{
    /// <summary>ENTERQUEUE: the caller joined.</summary>
    EnterQueue,

    /// <summary>Ours: an agent's phone started ringing.</summary>
    Ring,

    /// <summary>RINGNOANSWER: the agent did not pick up within the ring timeout.</summary>
    RingNoAnswer,

    /// <summary>CONNECT: caller and agent are talking.</summary>
    Connect,

    /// <summary>ABANDON: the caller hung up while waiting.</summary>
    Abandon,

    /// <summary>EXITWITHTIMEOUT: the caller reached the queue's maximum wait.</summary>
    ExitWithTimeout,

    /// <summary>FULL: the queue was at its maximum length; the caller could not join.</summary>
    Full,

    /// <summary>JOINEMPTY: no agent was logged in and the queue does not take callers then.</summary>
    JoinEmpty,

    /// <summary>EXITEMPTY: the last agent logged out and waiting callers had to leave.</summary>
    ExitEmpty,

    /// <summary>TRANSFER: the agent handed the caller to another queue.</summary>
    Transfer,

    /// <summary>COMPLETECALLER: the caller hung up a connected call.</summary>
    CompleteCaller,

    /// <summary>COMPLETEAGENT: the agent ended a connected call.</summary>
    CompleteAgent,

    /// <summary>EXITWITHKEY: the caller pressed 1 for a callback and hung up; their place is kept (virtual hold).</summary>
    ExitWithKey,

    /// <summary>Ours: a virtual-hold caller's place came up; their callback is due now.</summary>
    CallbackDue,

    /// <summary>PAUSE: the agent was taken out of rotation (repeated unanswered rings).</summary>
    Pause,

    /// <summary>UNPAUSE: the agent is back in rotation.</summary>
    Unpause,

    /// <summary>Ours: a virtual-hold caller confirmed a callback the store could not keep; nothing was promised and they keep waiting.</summary>
    CallbackNotBooked,
}
