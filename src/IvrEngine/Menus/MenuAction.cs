namespace IvrEngine.Menus;

/// <summary>
/// What happens when an option is chosen, retries run out, the caller escapes or a node ends.
/// In JSON an action is an object with exactly one of <c>goto</c>, <c>queue</c>, <c>hangup</c>, <c>do</c>;
/// an option may also hold <c>callback</c>.
/// </summary>
public abstract record MenuAction;

/// <summary>Go to another node of the same menu.</summary>
public sealed record GoToNode(string NodeId) : MenuAction;

/// <summary>Leave the menus for a named queue of agents.</summary>
public sealed record TransferToQueue(string QueueId) : MenuAction;

/// <summary>
/// The caller asked to be called back: offer the queue's next open times, take the number (caller ID
/// or keyed), book it. Only in options; declining returns to the option's node. The queue has hours.
/// </summary>
public sealed record RequestCallback(string QueueId) : MenuAction;

/// <summary>Say a message and end the call (self-service completed).</summary>
public sealed record SayAndHangUp(LocalizedText Message) : MenuAction;

/// <summary>Play the current node's full prompt again.</summary>
public sealed record RepeatNode : MenuAction
{
    public static readonly RepeatNode Instance = new();
}

/// <summary>Return to the node the caller came from (the main menu when there is none).</summary>
public sealed record GoBack : MenuAction
{
    public static readonly GoBack Instance = new();
}

/// <summary>Return to the menu's start node.</summary>
public sealed record GoToMainMenu : MenuAction
{
    public static readonly GoToMainMenu Instance = new();
}
