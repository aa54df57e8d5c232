namespace IvrEngine.Simulation.Kernel;

/// <summary>Where a kernel call is: the states of the reference engine's call machine the kernel's calls pass through.</summary>
internal enum KernelCallState : byte
{
    /// <summary>The slot holds no call.</summary>
    Free,

    InMenu,

    Queued,

    WithAgent,

    /// <summary>Times for a scheduled callback are being offered (a closed queue's, or a menu option's): the caller takes the first or hangs up.</summary>
    OfferingCallback,

    /// <summary>The caller hung up with a virtual-hold callback: the slot is their place in line, then the callback being dialed.</summary>
    Callback,
}
