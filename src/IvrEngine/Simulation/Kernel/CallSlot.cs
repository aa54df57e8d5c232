using IvrEngine.Calls;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// One call of the kernel: everything the reference engine keeps across a CallSession, its
/// SimulatedCaller and its queue entry, as plain fields in one array slot. Timers are kept as the
/// sequence number of their current event (-1: none), so re-arming one makes the old event stale.
/// </summary>
internal struct CallSlot
{
    public long Sequence;
    public ulong Random;
    public KernelCallState State;
    public int Node;
    public bool Acted;
    public bool Escaper;
    public bool BudgetSpent;
    public int EscapeAsks;
    public int NoInputs;
    public int InvalidInputs;
    public int FailedInputs;
    public int MovesWithoutInput;
    public long ActTimer;
    public long InputTimer;
    public long MenuTimer;
    public long PatienceTimer;

    /// <summary>The last queue joined (-1: none), when, and when the caller left it (-1: not yet).</summary>
    public int Queue;
    public long JoinedAt;
    public long LeftAt;

    /// <summary>The queue entry's sequence (the engine's service order); the entry counts while <see cref="Waiting"/>.</summary>
    public long EntrySequence;
    public bool Waiting;

    /// <summary>An agent is ringing for this entry.</summary>
    public bool Offered;
    public int Agent;
    public long ConnectedAt;
    public long Talk;
    public CallOutcomeKind Outcome;
    public int OutcomeQueue;
}
