namespace IvrEngine.Queues;

/// <summary>Where an agent stands.</summary>
public enum AgentState
{
    /// <summary>Logged in and free: may be rung.</summary>
    Available,

    /// <summary>Being offered a call.</summary>
    Ringing,

    /// <summary>Talking to a caller.</summary>
    OnCall,

    /// <summary>After-call work: notes, follow-ups. Not rung until it ends.</summary>
    WrapUp,

    /// <summary>Logged out or on a break.</summary>
    Away,
}
