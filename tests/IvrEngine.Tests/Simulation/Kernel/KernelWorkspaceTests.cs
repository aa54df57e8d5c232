using System.Collections;
using System.Globalization;
using System.Reflection;
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

    // What a week leaves in a workspace that a later week could read before writing it (a queue's recent
    // handle times, an agent's state, a callback list...) does not show in every pair of weeks' figures:
    // emptied, the workspace must hold what a new one holds, except the room its growing arrays have.
    [TestCase("two-level.scenario.json")]
    [TestCase("two-level-plain.scenario.json")]
    public void A_workspace_emptied_after_a_week_holds_what_a_new_one_holds(string file)
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Root, "tests", "IvrEngine.Benchmarks", "peer", file)).Scenario!;
        var line = new CompiledLine(scenario);
        var used = new KernelWorkspace(line);
        // Cut short mid-Monday: calls still in the menus, queued, on callbacks and with agents when the week stops.
        var week = new KernelWeek(line, 0, scenario.WeekStart(1), 3_000, seed: 7, _ => { }, null, null, used);
        Assert.That(week.Run(CancellationToken.None), Is.Not.Null);
        Assert.That(Describe(used), Is.Not.EqualTo(Describe(Emptied(new KernelWorkspace(line)))), "the week left something to empty");

        Assert.That(Describe(Emptied(used)), Is.EqualTo(Describe(Emptied(new KernelWorkspace(line)))));
        Assert.That(used.Calls.All(call => call.Equals(default(CallSlot))), "every call slot is as new");
    }

    // The schedules' answers are kept from week to week: one that found no change in its two-year search must
    // not hold past a change that a later week's own search would find (here a closed day 2.5 years on).
    [Test]
    public void Schedule_answers_kept_from_week_to_week_are_the_answers_each_week_works_out_afresh()
    {
        var folder = Directory.CreateTempSubdirectory("kernel-hours-");
        try
        {
            var peer = Path.Combine(RepoPaths.Root, "tests", "IvrEngine.Benchmarks", "peer");
            var menu = File.ReadAllText(Path.Combine(peer, "two-level.json"));
            Assert.That(menu, Does.Contain("\"daily\": \"00:00-24:00\" }"));
            File.WriteAllText(Path.Combine(folder.FullName, "two-level.json"), menu.Replace("\"daily\": \"00:00-24:00\" }", "\"daily\": \"00:00-24:00\" }, \"closed\": [\"2029-06-01\"]", StringComparison.Ordinal));
            File.Copy(Path.Combine(peer, "two-level.scenario.json"), Path.Combine(folder.FullName, "two-level.scenario.json"));
            var scenario = ScenarioLoader.LoadFile(Path.Combine(folder.FullName, "two-level.scenario.json")).Scenario!;
            var line = new CompiledLine(scenario);
            Assert.That(line.ScheduleIds, Has.Length.EqualTo(1));

            var kept = new KernelHours(line);
            var differences = new List<string>();
            var closedHours = 0;
            // 150 weeks from 2026-11-30, each hour: the kept answers against a new KernelHours each week (as each week had one before).
            for (var week = 0; week < 150; week++)
            {
                var fresh = new KernelHours(line);
                for (var hour = 0; hour < 7 * 24; hour++)
                {
                    var at = scenario.WeekStart(week) + NodaTime.Duration.FromHours(hour);
                    var ticks = at.ToDateTimeOffset().UtcTicks;
                    var (keptOpen, freshOpen) = (kept.IsOpen(0, ticks, at), fresh.IsOpen(0, ticks, at));
                    if (!freshOpen) closedHours++;
                    if (keptOpen != freshOpen && differences.Count < 5) differences.Add($"{at}: kept says {(keptOpen ? "open" : "closed")}");
                }
            }
            Assert.That(closedHours, Is.EqualTo(24), "the closed day was met");
            Assert.That(differences, Is.Empty);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static KernelWorkspace Emptied(KernelWorkspace space)
    {
        space.Reset(keepsRecords: false);
        return space;
    }

    /// <summary>
    /// Everything a week reads of a workspace, as text: its per-agent and per-queue arrays, lists and the
    /// numbers inside its event heap and lines. The call slots (compared on their own, their arrays having grown)
    /// and the arrays a week writes before reading (free slots, paths, go-back history) are left out.
    /// </summary>
    private static List<string> Describe(KernelWorkspace space) =>
        [.. typeof(KernelWorkspace).GetProperties()
            .Where(p => p.Name is not (nameof(KernelWorkspace.Calls) or nameof(KernelWorkspace.FreeSlots) or nameof(KernelWorkspace.Paths) or nameof(KernelWorkspace.History)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}: {DescribeValue(p.GetValue(space))}")];

    private static string DescribeValue(object? value) => value switch
    {
        null => "null",
        IList list => "[" + string.Join(", ", list.Cast<object?>().Select(DescribeValue)) + "]",
        string or ValueType => Format(value),
        // An event heap, a waiting line: the counts and positions kept in its own fields.
        _ => "{" + string.Join(", ", value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.FieldType.IsPrimitive).OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Name}={Format(f.GetValue(value))}")) + "}",
    };

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
