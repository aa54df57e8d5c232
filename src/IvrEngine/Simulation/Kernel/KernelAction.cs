namespace IvrEngine.Simulation.Kernel;

/// <summary>The menu actions the kernel performs (<see cref="KernelSupport"/> refuses menus with others).</summary>
internal enum KernelAction : byte
{
    GoTo,
    Queue,
    SayAndHangUp,

    /// <summary>The current node again: its prompt, with the retry counts and the path unchanged.</summary>
    Repeat,

    /// <summary>The node before (the call's history), or the start node when there is none.</summary>
    Back,

    /// <summary>A menu option that books a scheduled callback in a queue: its next times are offered.</summary>
    Callback,
}
