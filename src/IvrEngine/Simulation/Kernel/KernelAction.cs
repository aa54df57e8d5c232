namespace IvrEngine.Simulation.Kernel;

/// <summary>The menu actions the kernel performs (<see cref="KernelSupport"/> refuses menus with others).</summary>
internal enum KernelAction : byte
{
    GoTo,
    Queue,
    SayAndHangUp,
}
