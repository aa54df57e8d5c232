using BenchmarkDotNet.Attributes;
using IvrEngine.Calls;
using IvrEngine.Menus;
using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Benchmarks;

/// <summary>
/// What one call through the real engine costs in virtual time: the figure load simulation and
/// QA flows multiply by millions.
/// </summary>
[MemoryDiagnoser]
public class CallBenchmarks
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 30, 14, 15);
    private Menu _menu = null!;

    [GlobalSetup]
    public void Setup() => _menu = BundledMenu.Load();

    [Benchmark(Description = "answer, press 0: transferred")]
    public CallOutcome? EscapeAtOnce()
    {
        var call = new CallSession(_menu, new CallSettings(Seed: 1), new VirtualClock(Start));
        call.Start();
        call.Press('0');
        return call.Outcome;
    }

    [Benchmark(Description = "say track my order, key 7 digits, no-input, 0: transferred")]
    public CallOutcome? TrackOrderThenAgent()
    {
        var clock = new VirtualClock(Start);
        var call = new CallSession(_menu, new CallSettings(Seed: 1), clock);
        call.Start();
        call.Say("I want to track my order");
        call.Press("1234567#");
        clock.Advance(Duration.FromSeconds(5));
        call.Press('0');
        return call.Outcome;
    }
}
