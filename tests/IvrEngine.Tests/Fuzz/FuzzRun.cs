using System.Globalization;

namespace IvrEngine.Tests.Fuzz;

/// <summary>
/// How many cases and from which seed: a bounded default for <c>dotnet test</c>, more on demand with
/// IVR_FUZZ_CASES and IVR_FUZZ_SEED (docs/fuzzing.md). Each case runs under a hang guard and an
/// allocation ceiling, and every failure is collected with the seed and case that replay it.
/// </summary>
internal sealed class FuzzRun
{
    /// <summary>A case that takes this long is stuck (a hang guard, far above any real case).</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    /// <summary>Bytes one case may allocate: a file of at most 4 MiB must not cost gigabytes.</summary>
    private const long AllocationCeiling = 512L * 1024 * 1024;

    private readonly List<string> _failures = [];

    private FuzzRun(int seed, int cases)
    {
        Seed = seed;
        Cases = cases;
    }

    public int Seed { get; }

    public int Cases { get; }

    /// <summary>The run for a target: <paramref name="defaultCases"/> cases unless IVR_FUZZ_CASES says more; seed 1 unless IVR_FUZZ_SEED says otherwise.</summary>
    public static FuzzRun For(int defaultCases) => new(
        Read("IVR_FUZZ_SEED") ?? 1,
        Read("IVR_FUZZ_CASES") ?? defaultCases);

    /// <summary>The mutator of case <paramref name="index"/>: its own seed, so one case replays alone.</summary>
    public Mutator MutatorFor(int index) => new(HashCode.Combine(Seed, index));

    /// <summary>Runs one case; an exception, a hang or an allocation past the ceiling is recorded, not thrown.</summary>
    public void Case(int index, string what, Action body)
    {
        var task = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            body();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        });
        try
        {
            if (!task.Wait(HangGuard))
            {
                _failures.Add($"case {index} ({what}): still running after {HangGuard.TotalSeconds} s");
                return;
            }
            if (task.Result > AllocationCeiling) _failures.Add($"case {index} ({what}): allocated {task.Result / (1024 * 1024)} MiB");
        }
        catch (AggregateException exception)
        {
            _failures.Add($"case {index} ({what}): {exception.InnerException!.GetType().Name}: {exception.InnerException.Message}");
        }
    }

    /// <summary>Records a failure the case found itself (a wrong exit code).</summary>
    public void Fail(int index, string what, string problem) => _failures.Add($"case {index} ({what}): {problem}");

    /// <summary>Fails the test listing every failing case, with what replays it.</summary>
    public void AssertNoFailures() =>
        Assert.That(_failures, Is.Empty, $"replay with IVR_FUZZ_SEED={Seed} IVR_FUZZ_CASES={Cases}");

    private static int? Read(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
