namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// A week's rings with an answer delay withdrawn before the agent picked up, by why, and the agents
/// asked to log out while ringing: paths the figures do not show, counted so the differential tests
/// can say their lines reach them (KernelDifferentialTests).
/// </summary>
internal sealed class RingTally
{
    /// <summary>The caller hung up (patience) while the agent rang.</summary>
    public int HungUp { get; set; }

    /// <summary>The caller booked a virtual-hold callback while the agent rang.</summary>
    public int Booked { get; set; }

    /// <summary>The caller was sent on (the maximum wait, the last agent logging out) while the agent rang.</summary>
    public int SentOn { get; set; }

    /// <summary>An agent was asked to log out at an interval boundary while their phone rang.</summary>
    public int LogOutsWhileRinging { get; set; }

    /// <summary>Of the withdrawn rings, those of an agent asked to log out meanwhile: free again, and still logging out (AgentRoster.RingedOut).</summary>
    public int WithdrawnWhileLoggingOut { get; set; }
}
