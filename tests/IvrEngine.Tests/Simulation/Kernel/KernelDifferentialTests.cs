using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Kernel;

namespace IvrEngine.Tests.Simulation.Kernel;

/// <summary>
/// The kernel is proven equal to the reference engine, not assumed: every bundled and example
/// scenario it accepts gives the same record for every caller and the same KPI files on both, for
/// several seeds; every one it refuses is refused for the reason named here.
/// </summary>
[TestFixture]
public sealed class KernelDifferentialTests
{
    private static IEnumerable<TestCaseData> Supported()
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            yield return new TestCaseData(Path.Combine("tests", "IvrEngine.Tests", "Simulation", "Fidelity", "erlang-c.scenario.json"), seed);
            yield return new TestCaseData(Path.Combine("tests", "IvrEngine.Tests", "Simulation", "Fidelity", "erlang-a.scenario.json"), seed);
            yield return new TestCaseData(Path.Combine("tests", "IvrEngine.Tests", "Simulation", "Staffing", "staffing-line.scenario.json"), seed);
            // The peer benchmark without virtual hold: the kernel's speed figures (docs/simulation.md, "Speed") are taken on it.
            yield return new TestCaseData(Path.Combine("tests", "IvrEngine.Benchmarks", "peer", "two-level-plain.scenario.json"), seed);
            // The peer benchmark itself: virtual-hold offers, bookings, kept places, the dialer's calls and the legs put through.
            yield return new TestCaseData(Path.Combine("tests", "IvrEngine.Benchmarks", "peer", "two-level.scenario.json"), seed);
        }
    }

    [TestCaseSource(nameof(Supported))]
    public void A_supported_example_scenario_gives_the_same_calls_and_files_on_both_executors(string file, int seed)
    {
        var scenario = LoadFile(file);
        var calls = Differential.AssertSame(scenario, SimulationLength.OfCalls(10_000), seed);
        Assert.That(calls, Is.GreaterThan(9_000), "most of the 10,000 callers ended and were compared");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void A_line_with_business_hours_gives_the_same_calls_and_files_on_both_executors_over_a_week_with_a_holiday_and_a_clock_change(int seed)
    {
        // A whole week, so the holiday (Saturday) and the autumn change (Sunday) are reached.
        var scenario = LoadFile(Path.Combine("tests", "IvrEngine.Tests", "Simulation", "Kernel", "opening-hours.scenario.json"));
        Assert.That(KernelSupport.WhyNot(scenario), Is.Null);
        var calls = Differential.AssertSame(scenario, SimulationLength.Of(NodaTime.Duration.FromDays(7)), seed);
        Assert.That(calls, Is.GreaterThan(12_000), "the week's callers ended and were compared");
    }

    [TestCase("menus/carrier-support.scenario.json", "node accessibility: repeat actions")]
    [TestCase("tests/IvrEngine.Tests/Simulation/Scenarios/tiny-line.scenario.json", "node account: digit collection")]
    public void An_example_scenario_the_kernel_does_not_model_is_refused_with_the_reason(string file, string reason)
    {
        Assert.That(KernelSupport.WhyNot(LoadFile(file)), Is.EqualTo(reason));
    }

    private static Scenario LoadFile(string file)
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Root, file));
        Assert.That(loaded.Diagnostics.Where(d => d.Severity == IvrEngine.Menus.DiagnosticSeverity.Error), Is.Empty);
        return loaded.Scenario!;
    }
}
