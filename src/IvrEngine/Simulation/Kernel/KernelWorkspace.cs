using System.Collections.Immutable;
using IvrEngine.Queues;
using NodaTime;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// What a week on the kernel grows as it runs — its call slots, its event heap, its queues' lines and
/// callback lists — kept for the next week run with it, so that after the first weeks a run allocates
/// next to nothing a week: what a run allocates is what its process's peak memory grows with, not
/// what it keeps (docs/simulation.md, "What grows with the number of calls"). It also holds the
/// week's per-agent and per-queue arrays. One week at a time uses it, and <see cref="Reset"/> sets
/// everything back to what a new week starts with: only the room of its growing arrays is carried
/// over, and the schedules' answers (<see cref="KernelHours"/>), which hold whichever week asks.
/// </summary>
internal sealed class KernelWorkspace
{
    public KernelWorkspace(CompiledLine line)
    {
        Waiting = [.. line.QueueIds.Select(_ => new WaitingLine())];
        Order = [.. line.QueueOfferOver.Select(offer => offer is null ? null : new List<int>())];
        Legs = [.. line.QueueTakesLegs.Select(takes => takes ? new WaitingLine() : null)];
        History = line.KeepsHistory ? new int[]?[Calls.Length] : [];
        _teamSize = line.TeamSize;
        var agents = line.AgentQueue.Length;
        var queues = line.QueueIds.Length;
        FirstOffered = new (bool, long, long, Instant)?[line.ScheduleIds.Length];
        _teams = line.Teams;
        LoggedIn = new int[_teams.Length];
        AgentState = new AgentState[agents];
        AgentIdleSince = new long[agents];
        AgentLoggingOut = new bool[agents];
        AgentCalls = new int[agents];
        AgentRingSlot = new int[agents];
        AgentCallStart = new long[agents];
        AgentWrapUpEnd = new long[agents];
        QueueAvailable = new int[queues];
        LastRung = new int[queues];
        LegsInOrder = new int[queues];
        Blocked = new bool[queues];
        RecentHandles = [.. line.QueueIds.Select(_ => new long[RecentHandleTimes])];
        RecentCount = new int[queues];
        RecentNext = new int[queues];
        RecentSum = new long[queues];
        FreeIn = [.. line.TeamSize.Select(size => new long[size])];
        QueueWaiting = new int[queues];
        Hours = line.ScheduleIds.Length > 0 ? new KernelHours(line) : null;
    }

    /// <summary>LiveQueue's estimate: the last this many talk-plus-wrap-up times of a queue.</summary>
    public const int RecentHandleTimes = 50;

    private readonly int[] _teamSize;
    private readonly ImmutableArray<int> _teams;

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

    // Per schedule, per team, per agent and per queue: set back to a new week's values by Reset.
    public (bool Open, long Key, long Until, Instant First)?[] FirstOffered { get; }

    public int[] LoggedIn { get; }

    public AgentState[] AgentState { get; }

    public long[] AgentIdleSince { get; }

    public bool[] AgentLoggingOut { get; }

    public int[] AgentCalls { get; }

    public int[] AgentRingSlot { get; }

    public long[] AgentCallStart { get; }

    public long[] AgentWrapUpEnd { get; }

    public int[] QueueAvailable { get; }

    public int[] LastRung { get; }

    public int[] LegsInOrder { get; }

    public bool[] Blocked { get; }

    public long[][] RecentHandles { get; }

    public int[] RecentCount { get; }

    public int[] RecentNext { get; }

    public long[] RecentSum { get; }

    /// <summary>Per queue, its agents' next free moments: the wait estimate's scratch space.</summary>
    public long[][] FreeIn { get; }

    public int[] QueueWaiting { get; }

    /// <summary>The schedules' answers, kept from week to week (not emptied: each holds wherever it was found to); null without schedules.</summary>
    public KernelHours? Hours { get; }

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
        Array.Clear(FirstOffered);
        // Every team starts the week with all its seats logged in; the first interval logs out those it does not staff.
        for (var t = 0; t < _teams.Length; t++) LoggedIn[t] = _teamSize[_teams[t]];
        Array.Clear(AgentState);
        Array.Clear(AgentIdleSince);
        Array.Clear(AgentLoggingOut);
        Array.Clear(AgentCalls);
        Array.Clear(AgentRingSlot);
        Array.Clear(AgentCallStart);
        Array.Clear(AgentWrapUpEnd);
        _teamSize.CopyTo(QueueAvailable, 0);
        Array.Fill(LastRung, -1);
        Array.Clear(LegsInOrder);
        Array.Clear(Blocked);
        foreach (var handles in RecentHandles) Array.Clear(handles);
        Array.Clear(RecentCount);
        Array.Clear(RecentNext);
        Array.Clear(RecentSum);
        foreach (var freeIn in FreeIn) Array.Clear(freeIn);
        Array.Clear(QueueWaiting);
    }
}
