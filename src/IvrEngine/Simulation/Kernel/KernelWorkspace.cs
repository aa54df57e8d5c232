namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// What a week on the kernel grows as it runs — its call slots, its event heap, its queues' lines and
/// callback lists — kept for the next week run with it, so that after the first weeks a run allocates
/// next to nothing a week: what a run allocates is what its process's peak memory grows with, not
/// what it keeps (docs/simulation.md, "What grows with the number of calls"). One week at a time
/// uses it, and <see cref="Reset"/> empties it for each (only its arrays' room is carried over).
/// </summary>
internal sealed class KernelWorkspace
{
    public KernelWorkspace(CompiledLine line)
    {
        Waiting = [.. line.QueueIds.Select(_ => new WaitingLine())];
        Order = [.. line.QueueOfferOver.Select(offer => offer is null ? null : new List<int>())];
        Legs = [.. line.QueueTakesLegs.Select(takes => takes ? new WaitingLine() : null)];
        History = line.KeepsHistory ? new int[]?[Calls.Length] : [];
    }

    // The arrays a week grows: it puts the grown ones back here as it grows them.
    public CallSlot[] Calls { get; set; } = new CallSlot[64];

    public int[] FreeSlots { get; set; } = new int[64];

    /// <summary>Per slot, the nodes of the call's path (only for a week that reports its records).</summary>
    public List<int>?[] Paths { get; set; } = [];

    /// <summary>Per slot, the nodes left behind for "go back" (only for a line that can go back); its arrays are reused by the slot's later calls, as within a week.</summary>
    public int[]?[] History { get; set; }

    public EventHeap Events { get; } = new();

    public WaitingLine[] Waiting { get; }

    public List<int>?[] Order { get; }

    public WaitingLine?[] Legs { get; }

    public List<int> Postponed { get; } = [];

    public List<int> KeptDue { get; } = [];

    public List<int> Claimed { get; } = [];

    /// <summary>Empties everything for a new week, as if new (the room of its arrays and lists is kept).</summary>
    public void Reset(bool keepsRecords)
    {
        Array.Clear(Calls);
        if (keepsRecords && Paths.Length < Calls.Length)
        {
            var paths = Paths;
            Array.Resize(ref paths, Calls.Length);
            Paths = paths;
        }
        Events.Clear();
        foreach (var line in Waiting) line.Clear();
        foreach (var order in Order) order?.Clear();
        foreach (var legs in Legs) legs?.Clear();
        Postponed.Clear();
        KeptDue.Clear();
        Claimed.Clear();
    }
}
