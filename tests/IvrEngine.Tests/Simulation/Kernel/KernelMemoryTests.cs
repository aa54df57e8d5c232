using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Kernel;

namespace IvrEngine.Tests.Simulation.Kernel;

/// <summary>
/// What the kernel keeps alive is fixed by the line (queues × intervals) and the week in flight, not
/// by how many calls it has run: the process's peak grows with a run's length only by the
/// collector's young generation filling up (docs/simulation.md, "Memory and determinism").
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class KernelMemoryTests
{
    [Test]
    public async Task The_live_heap_at_the_last_week_of_ten_times_the_calls_is_what_it_was_at_the_last_week_of_one_time_them()
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Root, "tests", "IvrEngine.Benchmarks", "peer", "two-level-plain.scenario.json"));
        var scenario = loaded.Scenario!;
        var kernel = CallKernel.TryCompile(scenario, out var whyNot);
        Assert.That(whyNot, Is.Null);

        // 5 and 50 weeks of the peer line (about 18,400 calls a week), one thread.
        var (fewWeeks, few) = await LiveAtLastWeekAsync(scenario, kernel!, 90_000);
        var (manyWeeks, many) = await LiveAtLastWeekAsync(scenario, kernel!, 900_000);

        Assert.That((fewWeeks, manyWeeks), Is.EqualTo((5, 50)), "the runs had the weeks meant");
        // A week's own figures hold about 0.4 MB (its tables and wait histograms): keeping each finished
        // week's made the difference 17 MB when tried, and one byte a call would be 0.8 MB. What may
        // differ is the total's histograms meeting rarer waits (at most 8 KB an interval); it was 7 KB.
        Assert.That(many - few, Is.LessThan(400_000), $"live heap after 90,000 calls {few:N0} B, after 900,000 {many:N0} B");
    }

    /// <summary>The managed heap after a full collection, taken as the run's last week is handed over (that week's figures and the run's total still alive).</summary>
    private static async Task<(int Weeks, long Live)> LiveAtLastWeekAsync(Scenario scenario, CallKernel kernel, long calls)
    {
        var weeks = 0;
        long live = 0;
        var total = await LoadSimulation.RunAsync(scenario, SimulationLength.OfCalls(calls), seed: 1, parallelism: 1, kernel: kernel,
            onReferenceWeek: (week, why) => Assert.Fail($"week {week} ran on the reference engine: {why}"),
            onWeek: _ =>
            {
                weeks++;
                live = GC.GetTotalMemory(forceFullCollection: true);
            });
        Assert.That(total.Calls, Is.EqualTo(calls));
        return (weeks, live);
    }
}
