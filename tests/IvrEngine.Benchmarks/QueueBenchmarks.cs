using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using IvrEngine.Calls;
using IvrEngine.Menus;
using IvrEngine.Queues;
using IvrEngine.Queues.Staffing;
using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Benchmarks;

/// <summary>
/// A busy hour through the real call centre in virtual time: 1,000 callers escape to the general
/// queue, 3 s apart, answered by 25 agents talking 60 s. Reported per run of 1,000 calls.
/// </summary>
[MemoryDiagnoser]
public class QueueBenchmarks
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 30, 15, 0);
    private Menu _menu = null!;
    private StaffingPlan _staffing = null!;

    [GlobalSetup]
    public void Setup()
    {
        _menu = BundledMenu.Load();
        _staffing = new StaffingPlan([.. Enumerable.Range(1, 25).Select(i => new AgentProfile(
            $"Agent {i}", ImmutableDictionary<string, int>.Empty.Add("general", 1), HandleTime.Fixed(Duration.FromSeconds(60)),
            Duration.FromSeconds(10), Duration.FromSeconds(2), NoAnswerProbability: 0.02, TransferProbability: 0, TransferTo: null, BusyAtStart: Duration.Zero))]);
    }

    [Benchmark(Description = "1,000 callers queued and answered (25 agents, virtual time)")]
    public int ThousandQueuedCalls()
    {
        var clock = new VirtualClock(Start);
        var center = new CallCenter(_menu, _staffing, clock, seed: 1);
        var answered = 0;
        for (var i = 0; i < 1000; i++)
        {
            var call = new CallSession(_menu, new CallSettings(Seed: i, CallCenter: center), clock);
            call.EventRecorded += e => answered += e.Type == CallEventType.AgentConnected ? 1 : 0;
            call.Start();
            call.Press('0');
            clock.Advance(Duration.FromSeconds(3));
        }
        clock.Advance(Duration.FromHours(2));
        return answered;
    }
}
