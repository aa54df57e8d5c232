using IvrEngine.Queues;
using NodaTime;

namespace IvrEngine.Simulation;

/// <summary>
/// Every queue's <see cref="IntervalFigures"/> for each interval of the week, fed by the call
/// centre as an <see cref="IQueueObserver"/>. Its size is fixed by queues × intervals, whatever
/// the number of calls: a ten-million-call run needs no more memory than a thousand-call one.
/// </summary>
public sealed class SimulationFigures : IQueueObserver
{
    private readonly Dictionary<string, IntervalFigures[]> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Duration> _thresholds;
    private readonly DateTimeZone _zone;
    private readonly WeekGrid _grid;
    private readonly int[] _weeksCovered;

    // The intervals last looked up, with their bounds: nearly every event falls in the current one, and
    // the rest in the interval its caller joined in, mostly the one before (a wait counts where it began).
    private readonly KnownInterval[] _known = [KnownInterval.None, KnownInterval.None];

    // The queue last told of, by reference: callers of a line come mostly through one queue at a time,
    // and its name is the same string each time, so most events skip hashing it.
    private string? _lastQueue;
    private IntervalFigures[] _lastIntervals = [];

    // A run cut short by its call count: calls answered after its last caller arrived are the drain's, not the hours measured.
    private Instant _handledUntil = Instant.MaxValue;

    /// <param name="serviceLevelThreshold">Counts service levels against this threshold in every queue instead of each queue's own (a staffing target's).</param>
    public SimulationFigures(Scenario scenario, Duration? serviceLevelThreshold = null)
    {
        _zone = scenario.Menu.TimeZone;
        _grid = scenario.Grid;
        _thresholds = scenario.Menu.Queues.ToDictionary(q => q.Key, q => serviceLevelThreshold ?? q.Value.ServiceLevelThreshold, StringComparer.Ordinal);
        foreach (var queue in scenario.Menu.Queues.Keys.Order(StringComparer.Ordinal))
        {
            _queues[queue] = [.. Enumerable.Range(0, _grid.IntervalsPerWeek).Select(_ => new IntervalFigures())];
        }
        _weeksCovered = new int[_grid.IntervalsPerWeek];
    }

    /// <summary>
    /// Back to what a new instance holds — no calls, no weeks, every count and histogram empty — keeping
    /// its tables, so a finished week's figures can be filled again by a later week instead of new ones
    /// allocated (what a long run allocates is what its process's peak grows with).
    /// </summary>
    public void Clear()
    {
        Calls = 0;
        EndedInMenus = 0;
        Array.Clear(_weeksCovered);
        foreach (var intervals in _queues.Values)
        {
            foreach (var figures in intervals) figures.Clear();
        }
        _known[0] = _known[1] = KnownInterval.None;
        _handledUntil = Instant.MaxValue;
    }

    /// <summary>
    /// How many simulated weeks had <paramref name="interval"/> within their arrivals. Zero for the
    /// intervals only a run's drain reached (the callbacks and overflows after a part-week run's
    /// last caller): they are not hours anybody called in.
    /// </summary>
    public int WeeksCovering(int interval) => _weeksCovered[interval];

    /// <summary>Notes that one more simulated week had <paramref name="interval"/> within its arrivals.</summary>
    public void Covered(int interval) => _weeksCovered[interval]++;

    public WeekGrid Grid => _grid;

    public IEnumerable<string> Queues => _queues.Keys;

    /// <summary>Calls that reached the line (whether or not they reached a queue).</summary>
    public long Calls { get; set; }

    /// <summary>Calls that ended in the menus without joining a queue (hung up, served by the menu, closed).</summary>
    public long EndedInMenus { get; set; }

    public Duration ServiceLevelThreshold(string queue) => _thresholds[queue];

    public IntervalFigures this[string queue, int interval] => _queues[queue][interval];

    /// <summary>A queue's figures over the whole week.</summary>
    public IntervalFigures Total(string queue)
    {
        var total = new IntervalFigures();
        foreach (var figures in _queues[queue]) total.Merge(figures);
        total.Weeks = _queues[queue].Max(f => f.Weeks);
        return total;
    }

    /// <summary>Adds another run's counts (another week) to these.</summary>
    public void Merge(SimulationFigures other)
    {
        Calls += other.Calls;
        EndedInMenus += other.EndedInMenus;
        for (var i = 0; i < _weeksCovered.Length; i++) _weeksCovered[i] += other._weeksCovered[i];
        foreach (var (queue, intervals) in _queues)
        {
            for (var i = 0; i < intervals.Length; i++) intervals[i].Merge(other._queues[queue][i]);
        }
    }

    /// <summary>The interval of the week <paramref name="at"/> falls in, in the line's zone.</summary>
    public int IntervalOf(Instant at)
    {
        if (_known[0].Holds(at)) return _known[0].Interval;
        if (_known[1].Holds(at))
        {
            (_known[0], _known[1]) = (_known[1], _known[0]);
            return _known[0].Interval;
        }
        var (interval, start, end) = _grid.Locate(at, _zone);
        _known[1] = _known[0];
        // Bounds that do not hold the instant (a DST gap or overlap) are not kept.
        _known[0] = at >= start && at < end ? new KnownInterval(interval, start, end) : KnownInterval.None;
        return interval;
    }

    private readonly record struct KnownInterval(int Interval, Instant Start, Instant End)
    {
        public static KnownInterval None => new(0, Instant.MaxValue, Instant.MinValue);

        public bool Holds(Instant at) => at >= Start && at < End;
    }

    /// <summary>Records the agents logged in to <paramref name="queue"/> for <paramref name="length"/> of <paramref name="interval"/>.</summary>
    public void Staffed(string queue, int interval, int agents, Duration length, bool newWeekOfInterval)
    {
        var figures = _queues[queue][interval];
        figures.StaffedSeconds += agents * length.TotalSeconds;
        if (newWeekOfInterval) figures.Weeks++;
    }

    /// <summary>
    /// The run's last caller arrived at <paramref name="at"/>, within <paramref name="interval"/> that
    /// ends at <paramref name="intervalEnd"/>: the agents of <paramref name="staffing"/> are no longer
    /// counted as staffed after it, nor the calls answered after it as handled, so occupancy is that of
    /// the hours callers came in (not a full interval of agents for part of one of calls).
    /// </summary>
    public void ArrivalsEnded(Instant at, int interval, Instant intervalEnd, IEnumerable<(string Queue, int Agents)> staffing)
    {
        _handledUntil = at;
        foreach (var (queue, agents) in staffing) _queues[queue][interval].StaffedSeconds -= agents * (intervalEnd - at).TotalSeconds;
    }

    private IntervalFigures JoinedAt(string queue, Instant now, Duration waited) => Intervals(queue)[IntervalOf(now - waited)];

    private IntervalFigures[] Intervals(string queue)
    {
        if (!ReferenceEquals(queue, _lastQueue))
        {
            _lastIntervals = _queues[queue];
            _lastQueue = queue;
        }
        return _lastIntervals;
    }

    void IQueueObserver.Offered(string queue, Instant at) => Intervals(queue)[IntervalOf(at)].Offered++;

    void IQueueObserver.Answered(string queue, Instant at, Duration wait, bool callbackLeg)
    {
        var figures = JoinedAt(queue, at, wait);
        if (callbackLeg)
        {
            // The callee already left the queue once (counted then); this is the promise kept.
            figures.CallbacksCompleted++;
            return;
        }
        var seconds = wait.TotalSeconds;
        figures.Answered++;
        if (wait <= _thresholds[queue]) figures.AnsweredInTime++;
        figures.AnswerWaitSeconds += seconds;
        figures.Waited(seconds);
    }

    void IQueueObserver.Abandoned(string queue, Instant at, Duration wait)
    {
        var figures = JoinedAt(queue, at, wait);
        figures.Abandoned++;
        figures.Waited(wait.TotalSeconds);
    }

    void IQueueObserver.Overflowed(string queue, Instant at, Duration wait, bool turnedAway)
    {
        var figures = JoinedAt(queue, at, wait);
        if (turnedAway)
        {
            figures.TurnedAway++;
            return;
        }
        figures.Overflowed++;
        figures.Waited(wait.TotalSeconds);
    }

    void IQueueObserver.CallbackOffered(string queue, Instant at, Duration waited) => JoinedAt(queue, at, waited).CallbacksOffered++;

    void IQueueObserver.CallbackAccepted(string queue, Instant at, Duration waited)
    {
        var figures = JoinedAt(queue, at, waited);
        figures.CallbacksAccepted++;
        figures.Waited(waited.TotalSeconds);
    }

    void IQueueObserver.Handled(string queue, Instant answeredAt, Duration talkAndWrapUp)
    {
        if (answeredAt > _handledUntil) return;
        Intervals(queue)[IntervalOf(answeredAt)].HandledSeconds += talkAndWrapUp.TotalSeconds;
    }
}
