using System.Text;
using IvrEngine.Cli;
using IvrEngine.Tests.Cli;

namespace IvrEngine.Tests.Fuzz;

/// <summary>
/// Seeded caller input piped to <c>ivr call</c> on the bundled line (with its agents): odd keys, long
/// words, control characters, waits of every size. Exit codes stay 0, 1 or 2 and no stack trace is printed.
/// </summary>
[NonParallelizable]
public sealed class CallerInputFuzzTests
{
    [Test]
    public void PipedCallerInput_InProcess_EndsEveryCallCleanly()
    {
        var run = FuzzRun.For(defaultCases: 40);
        var database = Path.Combine(Path.GetTempPath(), $"ivr-fuzz-{Guid.NewGuid():N}.db");
        try
        {
            for (var i = 0; i < run.Cases; i++)
            {
                var input = Input(run.MutatorFor(i));
                var index = i;
                run.Case(i, "call", () =>
                {
                    using var output = new StringWriter();
                    using var error = new StringWriter();
                    var exit = IvrCommandLine.InvokeAsync(Args(index, database), new StringReader(input), output, error, inputIsTerminal: false).GetAwaiter().GetResult();
                    Check(run, index, exit, output.ToString() + error);
                });
            }
            run.AssertNoFailures();
        }
        finally
        {
            File.Delete(database);
        }
    }

    [Test]
    public async Task PipedCallerInput_RealProcess_EndsEveryCallCleanly()
    {
        var run = FuzzRun.For(defaultCases: 3);
        var database = Path.Combine(Path.GetTempPath(), $"ivr-fuzz-{Guid.NewGuid():N}.db");
        try
        {
            for (var i = 0; i < Math.Min(run.Cases, 10); i++)
            {
                var result = await IvrProcess.RunAsync(Input(run.MutatorFor(i)), Args(i, database));
                Check(run, i, result.ExitCode, result.Output + result.Error);
            }
            run.AssertNoFailures();
        }
        finally
        {
            File.Delete(database);
        }
    }

    private static string[] Args(int index, string database) =>
        ["call", RepoPaths.BundledMenu, "--seed", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "--at", "2026-11-30T10:00 America/New_York", "--callbacks-db", database, "--caller-id", "+12025550143"];

    private static string Input(Mutator mutator)
    {
        var text = new StringBuilder();
        var lines = mutator.Next(40) + 1;
        for (var line = 0; line < lines; line++) text.Append(mutator.CallerLine()).Append('\n');
        return text.ToString();
    }

    private static void Check(FuzzRun run, int index, int exit, string printed)
    {
        if (exit is not (0 or 1 or 2)) run.Fail(index, "call", $"exit {exit}");
        if (printed.Contains("Unhandled exception", StringComparison.Ordinal) || printed.Contains("\n   at ", StringComparison.Ordinal)) run.Fail(index, "call", "printed a stack trace");
    }
}
