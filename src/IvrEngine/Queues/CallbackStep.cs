namespace IvrEngine.Queues;

/// <summary>Where a waiting caller stands with the virtual-hold offer.</summary>
internal enum CallbackStep
{
    /// <summary>Not offered (the wait is short, or the queue offers no callbacks).</summary>
    None,

    /// <summary>Offered: pressing 1 asks for a callback.</summary>
    Offered,

    /// <summary>The number was read back: 1 confirms, 2 stays on the line, 3 gives another number.</summary>
    Confirming,

    /// <summary>The caller is keying in the number to call (no usable caller ID, or they asked to): the call runs the entry.</summary>
    EnteringNumber,

    /// <summary>The caller chose to stay, or cannot be called back: not offered again.</summary>
    Declined,
}
