using System.Collections.Immutable;
using System.Globalization;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Hosting.Callbacks;
using IvrEngine.Queues;
using IvrEngine.Queues.Staffing;
using IvrEngine.Simulation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IvrEngine.Hosting.Simulation;

/// <summary>
/// One week of a scenario, from an empty line at Monday 00:00: a <see cref="CallHost"/> on a virtual
/// clock, the menu's real <see cref="CallCenter"/> with the week's staffing, the real
/// <see cref="CallbackDialer"/> over an in-memory store, and a <see cref="SimulatedCaller"/> on a real
/// <see cref="CallSession"/> for every arrival. After the last arrival the week runs on, without new
/// callers, until every call and promised callback is settled.
/// </summary>
internal sealed class SimulatedWeek
{
    // Calls still in the line and callbacks still promised get this long after the last arrival to settle.
    private static readonly Duration DrainLimit = Duration.FromDays(3);

    private readonly Scenario _scenario;
    private readonly Instant _start;
    private readonly Instant _arrivalsStop;
    private readonly long _maxCalls;
    private readonly int _seed;
    private readonly Action<long> _onCalls;
    private readonly Duration? _serviceLevelThreshold;
    private readonly int _index;
    private readonly Action<CallRecord>? _onRecord;

    /// <param name="week">0-based: the week starting <see cref="Scenario.WeekOf"/> plus this many weeks (holidays fall where the calendar puts them).</param>
    /// <param name="arrivalsStop">No new callers from this instant (the end of the week, or of a shorter run).</param>
    /// <param name="maxCalls">No new callers after this many.</param>
    /// <param name="onCalls">Told of arrivals in batches, for a progress bar; called on the simulation's thread.</param>
    /// <param name="serviceLevelThreshold">Counts service levels against this threshold instead of each queue's own.</param>
    /// <param name="onRecord">Told of every caller as they end (the differential test); null keeps nothing.</param>
    public SimulatedWeek(Scenario scenario, int week, Instant arrivalsStop, long maxCalls, int seed, Action<long> onCalls, Duration? serviceLevelThreshold = null,
        Action<CallRecord>? onRecord = null)
    {
        _index = week;
        _onRecord = onRecord;
        _serviceLevelThreshold = serviceLevelThreshold;
        _scenario = scenario;
        _start = scenario.WeekStart(week);
        _arrivalsStop = arrivalsStop;
        _maxCalls = maxCalls;
        _seed = seed;
        _onCalls = onCalls;
    }

    /// <summary>The arrivals this week's run will have: the same draws the run makes.</summary>
    public static ArrivalProcess Arrivals(Scenario scenario, Instant start, Instant stop, int seed) => new(scenario, start, stop, SeedFor(seed, 0));

    public async Task<SimulationFigures> RunAsync(CancellationToken cancellationToken)
    {
        var ivrOptions = new IvrOptions { Clock = ClockMode.Virtual, Seed = SeedFor(_seed, 1) };
        var callbackOptions = new CallbackOptions
        {
            AnswerProbability = _scenario.Callers.AnswerCallback,
            BusyProbability = 0,
            PollSeconds = SimulatedDialing.PollSeconds,
            RingSeconds = SimulatedDialing.RingSeconds,
            MaxAttempts = SimulatedDialing.MaxAttempts,
            MinimumIntervalSeconds = SimulatedDialing.MinimumIntervalSeconds,
        };
        var host = new CallHost(CallClock.VirtualAt(_start), Options.Create(ivrOptions), Options.Create(callbackOptions), NullLogger<CallHost>.Instance);
        using var dialer = new CallbackDialer(host, new InMemoryCallbackStore(keepClosed: false), Options.Create(callbackOptions), Options.Create(ivrOptions), NullLogger<CallbackDialer>.Instance);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The whole week is one work item on the host's loop: every timer, dial and call runs inline on it.
            return await host.InvokeAsync(() => new Run(this, host, dialer, cancellationToken).Simulate()).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            host.Dispose();
        }
    }

    /// <summary>A seed for one random stream of a week (arrivals, callers and agents, the dialer).</summary>
    internal static int SeedFor(int seed, int stream) => SimulationSeeds.For(seed, stream);

    /// <summary>A caller's 64-bit seed, from their place in the week's arrivals.</summary>
    internal static long CallerSeed(int seed, long sequence) => SimulationSeeds.Caller(seed, sequence);

    private sealed class Run
    {
        private const int ProgressBatch = 1024;

        private readonly SimulatedWeek _week;
        private readonly CallHost _host;
        private readonly CallbackDialer _dialer;
        private readonly CancellationToken _cancellation;
        private readonly Time.VirtualClock _clock;
        private readonly Scenario _scenario;
        private readonly SimulationFigures _figures;
        private readonly CallCenter _center;
        private readonly ArrivalProcess _arrivals;
        private readonly ImmutableArray<(string Queue, int First, int Count)> _teams;
        private readonly int[] _loggedIn;
        private readonly Action<SimulatedCaller> _callerEnded;
        private readonly EngineCallRecorder? _recorder;
        private ITimer? _arrivalTimer;
        private Instant? _nextArrival;
        private long _calls;
        private int _interval;
        private Instant _intervalEnd;
        private long _unreported;
        private int _active;

        public Run(SimulatedWeek week, CallHost host, CallbackDialer dialer, CancellationToken cancellation)
        {
            _week = week;
            _host = host;
            _dialer = dialer;
            _cancellation = cancellation;
            _clock = host.Clock.Virtual!;
            _scenario = week._scenario;
            _figures = new SimulationFigures(_scenario, week._serviceLevelThreshold);
            _arrivals = Arrivals(_scenario, week._start, week._arrivalsStop, week._seed);
            var (plan, teams) = Staff(_scenario);
            _teams = teams;
            // Every agent starts logged in; the first interval logs out the seats it does not staff.
            _loggedIn = [.. teams.Select(t => t.Item3)];
            _center = new CallCenter(_scenario.Menu, plan, _clock, SeedFor(week._seed, 2), callbacks: dialer.Store, observer: _figures, keepLog: false);
            _recorder = week._onRecord is { } onRecord ? new EngineCallRecorder(week._index, _center, dialer.Store, onRecord) : null;
            _callerEnded = caller =>
            {
                _recorder?.Ended(caller.Call, _clock.Now);
                _active--;
                if (caller.Call.QueueVisits.Count == 0) _figures.EndedInMenus++;
            };
        }

        public SimulationFigures Simulate()
        {
            _dialer.Serve(_center);
            _ = _dialer.StartAsync(_cancellation);
            StartInterval();
            ScheduleArrival();
            var drainUntil = _week._arrivalsStop + DrainLimit;
            while (!_cancellation.IsCancellationRequested && _clock.RunNext())
            {
                // A week runs to its end (its later intervals are staffed and counted even without callers),
                // unless it was cut short by the call count; then on until everything is settled.
                if (_nextArrival is null && (Settled() && (_calls >= _week._maxCalls || _clock.Now >= _week._arrivalsStop) || _clock.Now > drainUntil)) break;
            }
            _week._onCalls(_unreported);
            _dialer.Dispose();
            return _figures;
        }

        private bool Settled() => _active == 0 && _host.ActiveCalls == 0 && _dialer.Store is InMemoryCallbackStore { OpenCount: 0 };

        /// <summary>One agent profile per seat a queue ever needs in the week; the interval's staffing logs the first N in.</summary>
        private static (StaffingPlan, ImmutableArray<(string, int, int)>) Staff(Scenario scenario)
        {
            var agents = ImmutableArray.CreateBuilder<AgentProfile>();
            var teams = ImmutableArray.CreateBuilder<(string, int, int)>();
            foreach (var (id, staffing) in scenario.Queues.OrderBy(q => q.Key, StringComparer.Ordinal))
            {
                var seats = (int)staffing.Agents.Max;
                teams.Add((id, agents.Count, seats));
                for (var i = 1; i <= seats; i++)
                {
                    agents.Add(new AgentProfile(string.Create(CultureInfo.InvariantCulture, $"{id} {i}"), ImmutableDictionary<string, int>.Empty.Add(id, 1),
                        staffing.HandleTime, staffing.WrapUp, staffing.AnswerDelay, NoAnswerProbability: 0, TransferProbability: 0, TransferTo: null, BusyAtStart: Duration.Zero));
                }
            }
            return (new StaffingPlan(agents.ToImmutable()), teams.ToImmutable());
        }

        /// <summary>At each boundary: log agents in or out to the interval's staffing, and note it for occupancy.</summary>
        private void StartInterval()
        {
            var now = _clock.Now;
            var (interval, end) = _scenario.Grid.NextBoundary(now, _scenario.Menu.TimeZone);
            (_interval, _intervalEnd) = (interval, end);
            // A run cut short by its call count measures no interval after its last caller's (the drain's).
            var counted = now < _week._arrivalsStop && _calls < _week._maxCalls;
            // Covered: callers still arrive in it (a --calls week stops arriving at its N-th caller).
            if (counted && _calls < _week._maxCalls) _figures.Covered(interval);
            for (var t = 0; t < _teams.Length; t++)
            {
                var (queue, first, seats) = _teams[t];
                var wanted = (int)_scenario.Queues[queue].Agents[interval];
                for (var seat = Math.Min(wanted, _loggedIn[t]); seat < Math.Max(wanted, _loggedIn[t]) && seat < seats; seat++)
                {
                    _center.SetAway(_center.Agents[first + seat], away: seat >= wanted);
                }
                _loggedIn[t] = wanted;
                if (counted) _figures.Staffed(queue, interval, wanted, end - now, newWeekOfInterval: true);
            }
            _clock.CreateTimer(static state => ((Run)state!).StartInterval(), this, (end - now).ToTimeSpan(), Timeout.InfiniteTimeSpan);
        }

        private void ScheduleArrival()
        {
            _nextArrival = _calls < _week._maxCalls ? _arrivals.Next() : null;
            if (_nextArrival is not { } at) return;
            _arrivalTimer ??= _clock.CreateTimer(static state => ((Run)state!).Arrive(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _arrivalTimer.Change((at - _clock.Now).ToTimeSpan(), Timeout.InfiniteTimeSpan);
        }

        private void Arrive()
        {
            var sequence = _calls++;
            _figures.Calls++;
            if (_calls == _week._maxCalls)
            {
                _figures.ArrivalsEnded(_clock.Now, _interval, _intervalEnd, _teams.Select((team, t) => (team.Queue, _loggedIn[t])));
            }
            if (++_unreported == ProgressBatch)
            {
                _week._onCalls(_unreported);
                _unreported = 0;
            }
            // Each caller draws from their own stream, seeded by their place in the week's arrivals: the
            // same caller makes the same choices under another staffing (common random numbers).
            var random = new CallerRandom(CallerSeed(_week._seed, sequence));
            var settings = new CallSettings(PickLocale(random), SimulationSeeds.CallerId(sequence), ReferenceNumber.FromSequence(sequence), CallCenter: _center, Quiet: true);
            var call = new CallSession(_scenario.Menu, settings, _clock);
            _recorder?.Started(call, sequence);
            _active++;
            _ = new SimulatedCaller(call, _center, _scenario.Callers, _clock, random, _callerEnded);
            call.Start();
            ScheduleArrival();
        }

        private string? PickLocale(CallerRandom random)
        {
            var locales = _scenario.Callers.Locales;
            if (locales.IsDefaultOrEmpty) return null;
            var total = 0.0;
            foreach (var (_, share) in locales) total += share;
            var pick = random.NextDouble() * total;
            foreach (var (locale, share) in locales)
            {
                if ((pick -= share) < 0) return locale;
            }
            return locales[^1].Locale;
        }
    }
}
