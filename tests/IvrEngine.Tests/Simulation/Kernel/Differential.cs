using System.Text;
using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Kernel;

namespace IvrEngine.Tests.Simulation.Kernel;

/// <summary>
/// Runs one scenario through both executors — the reference engine and the compiled kernel — with
/// the same seed, and requires the same record for every caller and byte-identical KPI files.
/// </summary>
internal static class Differential
{
    /// <summary>Both runs' records and files, for the caller to compare (or <see cref="AssertSame"/>).</summary>
    public static (List<CallRecord> Reference, List<CallRecord> Kernel, string ReferenceFiles, string KernelFiles, List<int> ReferenceWeeks) Run(
        Scenario scenario, SimulationLength length, int seed)
    {
        var kernel = CallKernel.TryCompile(scenario, out var whyNot) ?? throw new AssertionException($"the kernel refuses the scenario: {whyNot}");
        var reference = new List<CallRecord>();
        var compiled = new List<CallRecord>();
        var fellBack = new List<int>();
        var referenceFigures = LoadSimulation.RunAsync(scenario, length, seed, parallelism: 1, onRecord: reference.Add).GetAwaiter().GetResult();
        var kernelFigures = LoadSimulation.RunAsync(scenario, length, seed, parallelism: 1, kernel: kernel, onRecord: compiled.Add, onReferenceWeek: (week, _) => fellBack.Add(week))
            .GetAwaiter().GetResult();
        return (reference, compiled, Files(referenceFigures, scenario, seed), Files(kernelFigures, scenario, seed), fellBack);
    }

    /// <summary>Asserts the two executors agree call for call and byte for byte; returns how many calls were compared.</summary>
    /// <param name="mayHandBack">Whether the kernel may hand a week back to the reference engine (calls still unsettled at the drain limit: a line nobody staffs, callers who never give up).</param>
    public static int AssertSame(Scenario scenario, SimulationLength length, int seed, bool mayHandBack = false)
    {
        var (reference, kernel, referenceFiles, kernelFiles, fellBack) = Run(scenario, length, seed);
        Sort(reference);
        Sort(kernel);
        for (var i = 0; i < Math.Min(reference.Count, kernel.Count); i++)
        {
            if (reference[i] != kernel[i]) Assert.Fail($"seed {seed}, call {i} differs:\n  reference: {reference[i]}\n  kernel:    {kernel[i]}");
        }
        Assert.That(kernel, Has.Count.EqualTo(reference.Count), $"seed {seed}: the number of calls that ended");
        Assert.That(kernelFiles, Is.EqualTo(referenceFiles), $"seed {seed}: intervals.csv and summary.json");
        if (!mayHandBack) Assert.That(fellBack, Is.Empty, $"seed {seed}: weeks the kernel handed back to the reference engine");
        return reference.Count;
    }

    private static void Sort(List<CallRecord> records) => records.Sort((a, b) => a.Week != b.Week ? a.Week.CompareTo(b.Week) : a.Sequence.CompareTo(b.Sequence));

    private static string Files(SimulationFigures figures, Scenario scenario, int seed)
    {
        var csv = new StringWriter { NewLine = "\n" };
        SimulationReport.WriteIntervalsCsv(csv, figures);
        using var json = new MemoryStream();
        SimulationReport.WriteJson(json, figures, scenario, seed);
        return csv + "\n" + Encoding.UTF8.GetString(json.ToArray());
    }
}
