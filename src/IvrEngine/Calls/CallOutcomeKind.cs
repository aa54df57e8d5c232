namespace IvrEngine.Calls;

/// <summary>How the IVR part of a call ended.</summary>
public enum CallOutcomeKind
{
    /// <summary>Handed to a queue of agents (by choice, by escape, or because retries or the budget ran out) with no call centre simulated behind it.</summary>
    TransferredToQueue,

    /// <summary>An agent took the call and ended it.</summary>
    AnsweredByAgent,

    /// <summary>The caller hung up while waiting in a queue.</summary>
    AbandonedInQueue,

    /// <summary>The caller accepted a callback and hung up; the line will call them back.</summary>
    CallbackScheduled,

    /// <summary>The line said its last message and hung up: the caller's task was done in self-service.</summary>
    CompletedInSelfService,

    /// <summary>The caller hung up in the menus.</summary>
    CallerHungUp,

    /// <summary>The menu moved from node to node without ever waiting for the caller (a loop of announcements).</summary>
    MenuLoop,

    /// <summary>The per-call budget ran out a second time, after its target had already been tried: the line hung up.</summary>
    BudgetSpent,

    /// <summary>The caller reached a node or queue outside its business hours, heard when it opens, and the line hung up.</summary>
    ClosedByHours,

    /// <summary>The line moved the caller from queue to queue (overflows, closed queues) without ever waiting: a routing loop.</summary>
    RoutingLoop,

    /// <summary>The engine failed inside this call; the call ended and every other call went on.</summary>
    Faulted,
}
