using System.Text;
using BenchmarkDotNet.Attributes;
using IvrEngine.Flows;

namespace IvrEngine.Benchmarks;

/// <summary>
/// What a QA flow costs: parsing a flow file, and parsing plus running it on the bundled menu in
/// virtual time (the per-flow figure behind "1,000 flows in under 10 s").
/// </summary>
[MemoryDiagnoser]
public class FlowBenchmarks
{
    private const string FlowText = """
        menu: carrier-support.json
        at: Monday 09:15 America/New_York
        seed: 7
        say I want to track my order
        press 1234567#
        expect node order-status
        wait 5s
        expect prompt "Sorry, I didn't hear anything."
        press 9
        press 2
        press 0
        expect outcome transferred general
        expect reference
        """;

    private static readonly string FlowPath = Path.Combine(Path.GetDirectoryName(BundledMenu.Path)!, "benchmark.flow");
    // The runner's stopwatch only fills reports' run times, which BenchmarkDotNet measures itself: a still clock will do.
    private readonly FlowRunner _runner = new(new IvrEngine.Time.VirtualClock(NodaTime.Instant.FromUtc(2026, 11, 30, 14, 0)));
    private readonly FlowLoader _loader = new();
    private FlowSuite _suite = null!;

    [GlobalSetup]
    public void Setup()
    {
        File.WriteAllText(FlowPath, FlowText);
        _suite = _loader.Load([FlowPath]);
        if (!_suite.Diagnostics.IsEmpty) throw new InvalidOperationException(string.Join('\n', _suite.Diagnostics));
    }

    [Benchmark(Description = "parse a 13-line flow")]
    public FlowParseResult Parse() => FlowParser.Parse(FlowPath, _ => Encoding.UTF8.GetBytes(FlowText));

    [Benchmark(Description = "run a parsed flow (track order, no-input, billing, escape)")]
    public bool Run() => _runner.Run(_suite.Cases[0]).Passed;
}
