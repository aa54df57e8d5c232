using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Kernel;

namespace IvrEngine.Tests.Simulation.Kernel;

/// <summary>
/// Collectors in the places the generated lines do not put them: a collector's next action that goes
/// back or repeats it, the time budget running out during the pause that ends an entry, a closed
/// collector, a default entry its pattern refuses. Both executors give the same calls and files.
/// </summary>
[TestFixture]
public sealed class KernelCollectorDifferentialTests
{
    [TestCase("collectors.scenario.json", 1)]
    [TestCase("collectors.scenario.json", 2)]
    [TestCase("collector-moves.scenario.json", 1)]
    [TestCase("collector-moves.scenario.json", 2)]
    public void A_line_whose_collectors_go_back_repeat_and_pause_gives_the_same_calls_and_files_on_both_executors(string file, int seed)
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Root, "tests", "IvrEngine.Tests", "Simulation", "Kernel", file));
        Assert.That(loaded.Diagnostics.Where(d => d.Severity == IvrEngine.Menus.DiagnosticSeverity.Error), Is.Empty);
        var scenario = loaded.Scenario!;
        Assert.That(KernelSupport.WhyNot(scenario), Is.Null);
        var calls = Differential.AssertSame(scenario, SimulationLength.OfCalls(3_000), seed);
        Assert.That(calls, Is.GreaterThan(2_500), "most callers ended and were compared");
    }
}
