using System.Diagnostics;
using System.Globalization;
using IvrEngine.Queues.Staffing;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Kernel;
using NodaTime;

namespace IvrEngine.Benchmarks;

/// <summary>
/// The limit the compiled kernel is measured against (docs/simulation.md, "The compiled kernel,
/// against the targets"): a bare event loop with no IVR. It runs a scenario's weeks as
/// <c>ivr simulate --engine kernel</c> does — the same arrival process and seeds, the same
/// <see cref="EventHeap"/>, the same per-caller and per-agent random streams, the same staffing per
/// interval, on as many threads — but each call is only an M/M/c queue with abandonment: no menu, no
/// nodes, no keys, no choices, no figures per interval. To cost the heap what the kernel costs it,
/// a call makes the kernel's peer-run timers as plain delays: the caller's think time once (the
/// escapers) or twice, each prompt with its no-input timer beside it, and a menu-time budget, all
/// cancelled as the kernel cancels them (<see cref="EventHeap.Cancel"/>). Run in Release:
/// <code>dotnet run -c Release --project tests/IvrEngine.Benchmarks -- bare SCENARIO [--calls N] [--seed S] [--threads T] [--no-stale]</code>
/// <c>--no-stale</c> leaves out the timers that never fire here (no-input, menu budget), to show what
/// the timers a call cancels still cost the heap. It prints calls/s and events/s (events scheduled).
/// </summary>
internal static class BareEventLoop
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: bare SCENARIO [--calls N] [--seed S] [--threads T] [--no-stale]");
            return 2;
        }
        var loaded = ScenarioLoader.LoadFile(args[0]);
        if (loaded.Scenario is not { } scenario)
        {
            Console.Error.WriteLine($"{args[0]}: not a scenario ({string.Join("; ", loaded.Diagnostics)})");
            return 2;
        }
        var calls = Option(args, "--calls", 1_000_000);
        var seed = (int)Option(args, "--seed", 1);
        var threads = (int)Option(args, "--threads", Environment.ProcessorCount);
        var stale = !args.Contains("--no-stale");
        var line = new CompiledLine(scenario);

        var stopwatch = Stopwatch.StartNew();
        var weeks = Plan(scenario, calls, seed);
        var totals = new BareTotals();
        var weeksRun = 0;
        Parallel.ForEach(weeks, new ParallelOptions { MaxDegreeOfParallelism = threads }, week =>
        {
            var run = new BareWeek(scenario, line, week.Index, week.MaxCalls, SimulationSeeds.Week(seed, week.Index), stale);
            run.Run();
            lock (totals)
            {
                totals.Add(run);
                weeksRun++;
            }
        });
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bare: {totals.Calls} calls over {weeksRun} weeks on {threads} thread(s){(stale ? "" : ", no stale timers")}: {totals.Answered} answered, {totals.Abandoned} abandoned ({100.0 * totals.Abandoned / Math.Max(1, totals.Calls):0.0} %)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events: {(double)totals.Pushed / totals.Calls:0.00} scheduled a call, {(double)totals.Live / totals.Calls:0.00} of them live; {(double)totals.Popped / totals.Calls:0.00} popped (the others cancelled in the heap)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rate: {totals.Calls} calls in {seconds:0.00} s = {totals.Calls / seconds:0} calls/s, {totals.Pushed / seconds:0} events/s (scheduled)"));
        return 0;
    }

    /// <summary>The weeks <c>ivr simulate --calls</c> runs (LoadSimulation.Plan): whole weeks while all their arrivals are wanted, then the part of one, each counted as a thread asks for it.</summary>
    private static IEnumerable<(int Index, long MaxCalls)> Plan(Scenario scenario, long calls, int seed)
    {
        long sofar = 0;
        for (var w = 0; sofar < calls; w++)
        {
            var arrivals = new ArrivalProcess(scenario, scenario.WeekStart(w), scenario.WeekStart(w + 1), SimulationSeeds.For(SimulationSeeds.Week(seed, w), 0)).CountAll();
            var take = Math.Min(arrivals, calls - sofar);
            yield return (w, take == arrivals ? long.MaxValue : take);
            sofar += take;
        }
    }

    private static long Option(string[] args, string name, long fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? long.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class BareTotals
    {
        public long Calls, Answered, Abandoned, Pushed, Popped, Live;

        public void Add(BareWeek week)
        {
            Calls += week.Calls;
            Answered += week.Answered;
            Abandoned += week.Abandoned;
            Pushed += week.Pushed;
            Popped += week.Popped;
            Live += week.Live;
        }
    }
}

/// <summary>One week of the bare loop: arrivals, delays, one FIFO queue of the scenario's first staffed queue, its agents per interval.</summary>
internal sealed class BareWeek
{
    private static readonly long EpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    private readonly Scenario _scenario;
    private readonly ArrivalProcess _arrivals;
    private readonly EventHeap _events = new();
    private readonly Random _agentRandom;
    private readonly int _seed;
    private readonly long _maxCalls;
    private readonly bool _stale;
    private readonly long _think;
    private readonly long _noInput;
    private readonly long _menuTime;
    private readonly double _escapeAtOnce;
    private readonly HandleTime? _patience;
    private readonly HandleTime _handleTime;
    private readonly long _wrapUp;
    private readonly WeeklyValues _agents;
    private CallSlot[] _calls = new CallSlot[64];
    private int[] _freeSlots = new int[64];
    private int _freeCount;
    private int _slotsUsed;
    private int[] _line = new int[64];
    private long[] _lineEntries = new long[64];
    private int _lineHead;
    private int _lineTail;
    private long _entrySequence;
    private int _staffed;
    private int _busy;
    private long _now;
    private int _active;
    private bool _arrivalsDone;

    public BareWeek(Scenario scenario, CompiledLine line, int week, long maxCalls, int seed, bool stale)
    {
        _scenario = scenario;
        _seed = seed;
        _maxCalls = maxCalls;
        _stale = stale;
        var start = scenario.WeekStart(week);
        var stop = scenario.WeekStart(week + 1);
        _now = start.ToDateTimeOffset().UtcTicks;
        _arrivals = new ArrivalProcess(scenario, start, stop, SimulationSeeds.For(seed, 0));
        _agentRandom = new Random(SimulationSeeds.For(seed, 2));
        _think = scenario.Callers.Think.BclCompatibleTicks;
        _noInput = line.NoInputTimeout[line.StartNode].Ticks;
        _menuTime = line.MaxMenuTime.Ticks;
        _escapeAtOnce = scenario.Callers.EscapeAtOnce;
        _patience = scenario.Callers.Patience;
        var queue = line.Teams[0];
        _handleTime = line.QueueHandleTime[queue]!;
        _wrapUp = line.QueueWrapUp[queue].BclCompatibleTicks;
        _agents = scenario.Queues[line.QueueIds[queue]].Agents;
    }

    public long Calls { get; private set; }

    public long Answered { get; private set; }

    public long Abandoned { get; private set; }

    public long Pushed { get; private set; }

    public long Live { get; private set; }

    public long Popped { get; private set; }

    public void Run()
    {
        StartInterval();
        ScheduleArrival();
        var events = _events;
        while (events.Count > 0)
        {
            var e = events.Pop();
            Popped++;
            _now = e.Due;
            Fire(e);
            if (_arrivalsDone && _active == 0) break;
        }
    }

    private void Fire(in KernelEvent e)
    {
        ref var call = ref _calls[e.Subject];
        switch (e.Kind)
        {
            case KernelEventKind.Arrival:
                Live++;
                Arrive();
                break;
            case KernelEventKind.Interval:
                Live++;
                StartInterval();
                break;
            case KernelEventKind.Act when call.ActTimer == e.Sequence:
                Live++;
                call.ActTimer = -1;
                Act(e.Subject);
                break;
            case KernelEventKind.Patience when call.PatienceTimer == e.Sequence:
                Live++;
                call.PatienceTimer = -1;
                if (call.Waiting) Abandon(e.Subject);
                break;
            case KernelEventKind.Connect:
                Live++;
                Connect((int)e.Check);
                break;
            case KernelEventKind.TalkEnd:
                Live++;
                Hangs(e.Subject);
                break;
            case KernelEventKind.WrapUpEnd:
                Live++;
                _busy--;
                Route();
                break;
        }
    }

    private long Push(long due, KernelEventKind kind, int subject, long check = 0)
    {
        Pushed++;
        return _events.Push(due, kind, subject, check);
    }

    private void StartInterval()
    {
        var now = Instant.FromUnixTimeTicks(_now - EpochTicks);
        var (interval, end) = _scenario.Grid.NextBoundary(now, _scenario.Menu.TimeZone);
        _staffed = (int)_agents[interval];
        Push(_now + (end - now).BclCompatibleTicks, KernelEventKind.Interval, 0);
        Route();
    }

    private void ScheduleArrival()
    {
        if (Calls >= _maxCalls || _arrivals.Next() is not { } at)
        {
            _arrivalsDone = true;
            return;
        }
        Push(Math.Max(_now, at.ToDateTimeOffset().UtcTicks), KernelEventKind.Arrival, 0);
    }

    private void Arrive()
    {
        var slot = TakeSlot();
        ref var call = ref _calls[slot];
        call = default;
        call.Random = unchecked((ulong)SimulationSeeds.Caller(_seed, Calls++));
        call.ActTimer = call.InputTimer = call.MenuTimer = call.PatienceTimer = -1;
        // Escapers go to the queue after one prompt, the others after two: the kernel's peer run makes 1.9 a call.
        call.EscapeAsks = CallerRandom.NextDouble(ref call.Random) < _escapeAtOnce ? 1 : 2;
        if (_stale) call.MenuTimer = Push(_now + _menuTime, KernelEventKind.MenuTime, slot);
        _active++;
        Prompt(slot);
        ScheduleArrival();
    }

    private void Prompt(int slot)
    {
        ref var call = ref _calls[slot];
        Pushed++;
        _events.Reschedule(ref call.ActTimer, _now + _think, KernelEventKind.Act, slot);
        if (!_stale) return;
        Pushed++;
        _events.Reschedule(ref call.InputTimer, _now + _noInput, KernelEventKind.NoInput, slot);
    }

    private void Act(int slot)
    {
        ref var call = ref _calls[slot];
        _events.Cancel(ref call.InputTimer);
        if (--call.EscapeAsks > 0)
        {
            Prompt(slot);
            return;
        }
        _events.Cancel(ref call.MenuTimer);
        if (_lineTail == _line.Length) Grow();
        call.EntrySequence = _entrySequence++;
        call.Waiting = true;
        _line[_lineTail] = slot;
        _lineEntries[_lineTail++] = call.EntrySequence;
        if (_patience is { } patience)
        {
            call.PatienceTimer = Push(_now + patience.Sample(new SlotRandom(_calls, slot)).BclCompatibleTicks, KernelEventKind.Patience, slot);
        }
        Route();
    }

    /// <summary>Free agents take the longest-waiting callers; each is put through at the clock's next turn, as the kernel's Connect.</summary>
    private void Route()
    {
        while (_busy < _staffed && _lineHead < _lineTail)
        {
            var slot = _line[_lineHead];
            var entry = _lineEntries[_lineHead++];
            ref var call = ref _calls[slot];
            if (!call.Waiting || call.EntrySequence != entry) continue;
            call.Waiting = false;
            _busy++;
            Push(_now, KernelEventKind.Connect, 0, slot);
        }
        if (_lineHead == _lineTail) _lineHead = _lineTail = 0;
    }

    private void Connect(int slot)
    {
        ref var call = ref _calls[slot];
        _events.Cancel(ref call.PatienceTimer);
        Answered++;
        Push(_now + _handleTime.Sample(_agentRandom).BclCompatibleTicks, KernelEventKind.TalkEnd, slot);
    }

    private void Hangs(int slot)
    {
        Push(_now + _wrapUp, KernelEventKind.WrapUpEnd, 0);
        End(slot);
    }

    private void Abandon(int slot)
    {
        _calls[slot].Waiting = false;
        Abandoned++;
        End(slot);
    }

    private void End(int slot)
    {
        ref var call = ref _calls[slot];
        _events.Cancel(ref call.ActTimer);
        _events.Cancel(ref call.InputTimer);
        _events.Cancel(ref call.MenuTimer);
        _events.Cancel(ref call.PatienceTimer);
        _active--;
        _freeSlots[_freeCount++] = slot;
    }

    private int TakeSlot()
    {
        if (_freeCount > 0) return _freeSlots[--_freeCount];
        if (_slotsUsed == _calls.Length)
        {
            Array.Resize(ref _calls, _calls.Length * 2);
            Array.Resize(ref _freeSlots, _calls.Length);
        }
        return _slotsUsed++;
    }

    private void Grow()
    {
        if (_lineHead > _line.Length / 2)
        {
            Array.Copy(_line, _lineHead, _line, 0, _lineTail - _lineHead);
            Array.Copy(_lineEntries, _lineHead, _lineEntries, 0, _lineTail - _lineHead);
            _lineTail -= _lineHead;
            _lineHead = 0;
            return;
        }
        Array.Resize(ref _line, _line.Length * 2);
        Array.Resize(ref _lineEntries, _line.Length);
    }
}
