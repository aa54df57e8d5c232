using System.Globalization;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Kernel;

namespace IvrEngine.Tests.Simulation.Kernel;

/// <summary>
/// A week run in the workspace and figures an earlier week left (what a long run does, to allocate
/// next to nothing a week) gives the figures it gives run fresh: nothing of the earlier week shows through.
/// </summary>
[TestFixture]
public sealed class KernelWorkspaceTests
{
    // The peer line with virtual hold (callback lists, kept places, legs) and without.
    [TestCase("two-level.scenario.json")]
    [TestCase("two-level-plain.scenario.json")]
    public void A_week_run_after_another_in_its_workspace_and_figures_has_the_figures_it_has_run_fresh(string file)
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Root, "tests", "IvrEngine.Benchmarks", "peer", file)).Scenario!;
        var reused = CallKernel.TryCompile(scenario, out var whyNot);
        Assert.That(whyNot, Is.Null);

        // The earlier week is cut short by its call count (its staffing and handled time cut at its last caller), and busier than
        // the one after it in the state it leaves: the later week is a whole one from another seed.
        var earlier = reused!.RunWeek(3, scenario.WeekStart(4), 12_000, seed: 41, _ => { });
        Assert.That(earlier, Is.Not.Null, "the earlier week ran on the kernel");
        var again = reused.RunWeek(5, scenario.WeekStart(6), long.MaxValue, seed: 42, _ => { }, reuse: earlier);
        var fresh = CallKernel.TryCompile(scenario, out _)!.RunWeek(5, scenario.WeekStart(6), long.MaxValue, seed: 42, _ => { });

        Assert.That(again, Is.SameAs(earlier), "the earlier week's figures were filled again");
        Assert.That(Describe(again!), Is.EqualTo(Describe(fresh!)));
    }

    /// <summary>Every figure of the week, one line each, doubles to the last bit.</summary>
    private static List<string> Describe(SimulationFigures figures)
    {
        var lines = new List<string> { $"calls {figures.Calls}, ended in menus {figures.EndedInMenus}" };
        var properties = typeof(IntervalFigures).GetProperties().Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < figures.Grid.IntervalsPerWeek; i++)
        {
            lines.Add($"interval {i}: weeks covering {figures.WeeksCovering(i)}");
            foreach (var queue in figures.Queues)
            {
                var f = figures[queue, i];
                lines.Add($"{queue} {i}: " + string.Join(", ", properties.Select(p => $"{p.Name}={Format(p.GetValue(f))}")));
            }
        }
        return lines;
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
