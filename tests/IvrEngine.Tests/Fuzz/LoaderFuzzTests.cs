using IvrEngine.Flows;
using IvrEngine.Menus;
using IvrEngine.Menus.Diagrams;
using IvrEngine.Menus.Lint;
using IvrEngine.Queues.Staffing;
using IvrEngine.Simulation;

namespace IvrEngine.Tests.Fuzz;

/// <summary>
/// Mutated copies of the bundled menu, its staffing file, its scenario and its flows, loaded in
/// process: whatever the bytes, a loader answers with diagnostics, never an exception, a hang or
/// gigabytes of memory.
/// </summary>
[NonParallelizable]
public sealed class LoaderFuzzTests
{
    private static readonly byte[] BundledMenu = File.ReadAllBytes(RepoPaths.BundledMenu);

    private static string StaffingPath => Path.Combine(RepoPaths.Menus, "carrier-support.staffing.json");

    private static string ScenarioPath => Path.Combine(RepoPaths.Menus, "carrier-support.scenario.json");

    private static string FlowsFolder => Path.Combine(RepoPaths.Menus, "carrier-support.flows");

    [Test]
    public void MutatedMenus_LoadLintAndDrawWithoutThrowing()
    {
        var run = FuzzRun.For(defaultCases: 300);
        for (var i = 0; i < run.Cases; i++)
        {
            var bytes = run.MutatorFor(i).Mutate(BundledMenu);
            var lays = i % 20 == 0;
            run.Case(i, "menu", () =>
            {
                var loaded = MenuLoader.Load(bytes, "fuzz.json");
                if (loaded.Succeeded) MenuLinter.Lint(bytes, "fuzz.json");

                // What loads of a broken menu is drawn by 'ivr diagram'; the SVG layout is slow, so only some are laid out.
                if (loaded.Sketch is { } sketch)
                {
                    MermaidMenuWriter.Write(sketch);
                    DotMenuWriter.Write(sketch);
                    if (lays) SvgMenuWriter.Write(sketch);
                }
            });
        }
        run.AssertNoFailures();
    }

    [Test]
    public void MutatedStaffingFiles_LoadWithoutThrowing()
    {
        var menu = MenuLoader.Load(BundledMenu, RepoPaths.BundledMenu).Menu!;
        var staffing = File.ReadAllBytes(StaffingPath);
        var run = FuzzRun.For(defaultCases: 200);
        for (var i = 0; i < run.Cases; i++)
        {
            var bytes = run.MutatorFor(i).Mutate(staffing);
            run.Case(i, "staffing", () => StaffingLoader.Load(bytes, "fuzz.staffing.json", menu));
        }
        run.AssertNoFailures();
    }

    [Test]
    public void MutatedScenarios_LoadWithoutThrowing()
    {
        var scenario = File.ReadAllBytes(ScenarioPath);
        var run = FuzzRun.For(defaultCases: 150);
        for (var i = 0; i < run.Cases; i++)
        {
            var bytes = run.MutatorFor(i).Mutate(scenario);
            // Named beside the bundled menu, so its "menu" path resolves as the real scenario's does.
            run.Case(i, "scenario", () => ScenarioLoader.Load(bytes, ScenarioPath));
        }
        run.AssertNoFailures();
    }

    [Test]
    public void MutatedFlows_ParseLoadAndRunWithoutThrowing()
    {
        var flows = Directory.GetFiles(FlowsFolder, "*.flow").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var folder = Path.Combine(Path.GetTempPath(), $"ivr-fuzz-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "flows"));
        File.Copy(RepoPaths.BundledMenu, Path.Combine(folder, "carrier-support.json"));
        File.Copy(StaffingPath, Path.Combine(folder, "carrier-support.staffing.json"));
        try
        {
            var run = FuzzRun.For(defaultCases: 60);
            for (var i = 0; i < run.Cases; i++)
            {
                var mutator = run.MutatorFor(i);
                var path = Path.Combine(folder, "flows", $"case-{i}.flow");
                File.WriteAllBytes(path, mutator.Mutate(flows[mutator.Next(flows.Length)]));
                run.Case(i, Path.GetFileName(path), () =>
                {
                    var suite = new FlowLoader().Load([path]);
                    new FlowRunner(TimeProvider.System).RunAll(suite.Cases);
                });
                File.Delete(path);
            }
            run.AssertNoFailures();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
