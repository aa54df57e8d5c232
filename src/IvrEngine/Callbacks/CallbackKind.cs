namespace IvrEngine.Callbacks;

/// <summary>Why the line promised to call back.</summary>
public enum CallbackKind
{
    /// <summary>The caller left the queue but kept their place; they are called when it comes up.</summary>
    VirtualHold,

    /// <summary>The caller chose a time (the line was closed, or they asked).</summary>
    Scheduled,
}
