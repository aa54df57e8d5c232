namespace IvrEngine.Simulation.Kernel;

/// <summary>Where a waiting caller stands with the virtual-hold offer: the reference engine's CallbackStep, without keyed entry (every simulated caller ID can be called).</summary>
internal enum KernelCallbackStep : byte
{
    None,

    /// <summary>Offered: pressing 1 asks for a callback.</summary>
    Offered,

    /// <summary>The number was read back: 1 confirms.</summary>
    Confirming,

    /// <summary>The callback could not be promised: not offered again.</summary>
    Declined,
}
