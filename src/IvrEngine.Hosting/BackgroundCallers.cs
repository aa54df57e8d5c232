using System.Collections.Immutable;
using System.Globalization;
using IvrEngine.Calls;
using IvrEngine.Menus;
using IvrEngine.Queues;
using IvrEngine.Queues.Staffing;
using IvrEngine.Simulation;
using NodaTime;

namespace IvrEngine.Hosting;

/// <summary>
/// Other people calling the same line (<c>ivr call --busy N</c>): N callers an hour, arriving at random
/// (a Poisson process), each a real <see cref="CallSession"/> on the same <see cref="CallHost"/>,
/// clock and <see cref="CallCenter"/> as the console's caller, played by the load simulator's
/// <see cref="SimulatedCaller"/>. They all want a person: each presses the escape key at the first
/// prompt, waits in the queue it leads to, declines a callback and hangs up when their patience runs
/// out. So the console's caller queues behind them, served by agents busy with them, and hears a real
/// position, expected wait and virtual-hold offer. Everything random is drawn from the seed.
/// </summary>
public sealed class BackgroundCallers : IDisposable
{
    /// <summary>How the background callers act: straight to a person, on hold until answered or out of patience (10 min on average).</summary>
    public static readonly CallerBehaviour Behaviour = new(
        EscapeAtOnce: 1,
        Think: Duration.FromSeconds(2),
        Choices: ImmutableDictionary<string, ChoiceTable>.Empty,
        Entries: ImmutableDictionary<string, string>.Empty,
        Patience: new HandleTime(HandleTimeDistribution.LogNormal, Duration.FromMinutes(10), Duration.FromMinutes(5)),
        AcceptCallback: 0,
        AnswerCallback: 0,
        Locales: []);

    // Their reference numbers are counted from here: far from any the console's caller is likely to get.
    private const long FirstSequence = 70_000_000;

    private readonly CallHost _host;
    private readonly Menu _menu;
    private readonly CallCenter _center;
    private readonly Duration _meanGap;
    private readonly int _seed;
    private readonly Random _gaps;
    private readonly TimeProvider _time;
    private ITimer? _next;
    private bool _stopped;

    /// <param name="perHour">Arrivals an hour, above zero.</param>
    public BackgroundCallers(CallHost host, Menu menu, CallCenter center, double perHour, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perHour);
        _host = host;
        _menu = menu;
        _center = center;
        _meanGap = Duration.FromHours(1) / perHour;
        _seed = seed;
        _gaps = new Random(SimulationSeeds.For(seed, 0));
        _time = new DispatchingTime(host);
    }

    /// <summary>Callers who have arrived so far.</summary>
    public long Arrived { get; private set; }

    /// <summary>Starts the arrivals (the first one a random gap from now).</summary>
    public Task StartAsync() => _host.InvokeAsync(ScheduleNext);

    /// <summary>No one else arrives; callers already on the line carry on.</summary>
    public void Dispose()
    {
        _stopped = true;
        _next?.Dispose();
    }

    private void ScheduleNext()
    {
        if (_stopped) return;
        // Exponential gaps between arrivals: a Poisson process of the given rate.
        var gap = _meanGap * -Math.Log(1 - _gaps.NextDouble());
        _next ??= _time.CreateTimer(static state => ((BackgroundCallers)state!).Arrive(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _next.Change(gap.ToTimeSpan(), Timeout.InfiniteTimeSpan);
    }

    private void Arrive()
    {
        if (_stopped) return;
        var sequence = Arrived++;
        var call = _host.AnswerQuietCall(_menu, _center, ReferenceNumber.FromSequence(FirstSequence + sequence), CallerIdFor(sequence));
        // Each caller draws from their own stream, as in the load simulator.
        _ = new SimulatedCaller(call, _center, Behaviour, _time, new CallerRandom(SimulationSeeds.Caller(_seed, sequence)), static _ => { });
        call.Start();
        ScheduleNext();
    }

    /// <summary>A distinct New York number per caller.</summary>
    private static string CallerIdFor(long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"+1646{2_000_000 + (sequence % 8_000_000)}");

    /// <summary>
    /// The host's clock, with every timer's callback run on the calls' thread, as the calls' own timers
    /// are: the simulated callers act on their sessions only from there (inline in virtual time).
    /// </summary>
    private sealed class DispatchingTime(CallHost host) : TimeProvider
    {
        private readonly TimeProvider _inner = host.Clock.Time;

        public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

        public override long TimestampFrequency => _inner.TimestampFrequency;

        public override long GetTimestamp() => _inner.GetTimestamp();

        public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            _inner.CreateTimer(s => host.Post(() => callback(s)), state, dueTime, period);
    }
}
