using IvrEngine.Cli;

namespace IvrEngine.Tests.Cli;

/// <summary>Output paths are checked before the work starts: a bad one is one usage line (exit 2), never a stack trace after the run.</summary>
public sealed class OutputPathTests
{
    private static readonly string NoSuchFolder = Path.Combine(Path.GetTempPath(), $"ivr-no-such-{Guid.NewGuid():N}");

    private static string Flow => Path.Combine(RepoPaths.Menus, "carrier-support.flows", "hours.flow");

    [Test]
    public async Task Test_JUnitInAFolderThatDoesNotExist_FailsBeforeAnyFlowRuns()
    {
        var (exit, output, error) = await RunAsync("test", Flow, "--junit", Path.Combine(NoSuchFolder, "results.xml"));

        Assert.That(exit, Is.EqualTo(2), error);
        Assert.That(error, Does.StartWith($"ivr test: --junit: cannot write '{Path.Combine(NoSuchFolder, "results.xml")}': "));
        Assert.That(error.TrimEnd('\n'), Does.Not.Contain('\n'), "one line");
        Assert.That(output, Does.Not.Contain("PASS"), "no flow ran");
    }

    [Test]
    public async Task Test_JUnitAtAFolder_FailsBeforeAnyFlowRuns()
    {
        var (exit, output, error) = await RunAsync("test", Flow, "--junit", Path.GetTempPath());

        Assert.That(exit, Is.EqualTo(2), error);
        Assert.That(error, Is.EqualTo($"ivr test: --junit: '{Path.GetTempPath()}' is a folder; give a file name such as results.xml\n"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public async Task Test_TranscriptsAtAFile_FailsBeforeAnyFlowRuns()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exit, output, error) = await RunAsync("test", Flow, "--transcripts", file);

            Assert.That(exit, Is.EqualTo(2), error);
            Assert.That(error, Is.EqualTo($"ivr test: --transcripts {file} is a file; give a folder (it is created if missing).\n"));
            Assert.That(output, Is.Empty);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Call_RecordInAFolderThatDoesNotExist_FailsBeforeTheCall()
    {
        var (exit, output, error) = await RunAsync("call", RepoPaths.BundledMenu, "--record", Path.Combine(NoSuchFolder, "my.flow"));

        Assert.That(exit, Is.EqualTo(2), error);
        Assert.That(error, Does.StartWith($"ivr call: --record: cannot write '{Path.Combine(NoSuchFolder, "my.flow")}': "));
        Assert.That(output, Does.Not.Contain("Calling"), "the call never started");
    }

    [Test]
    [Platform("Linux")]
    public async Task Call_TranscriptToADevice_FailsBeforeTheCall()
    {
        var (exit, output, error) = await RunAsync("call", RepoPaths.BundledMenu, "--transcript", "/dev/full");

        Assert.That(exit, Is.EqualTo(2), error);
        Assert.That(error, Is.EqualTo("ivr call: --transcript: '/dev/full' is a device; give a regular file such as call.jsonl\n"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    [Platform("Linux")]
    public async Task Test_JUnitToADevice_FailsBeforeAnyFlowRuns()
    {
        var (exit, output, error) = await RunAsync("test", Flow, "--junit", "/dev/full");

        Assert.That(exit, Is.EqualTo(2), error);
        Assert.That(error, Is.EqualTo("ivr test: --junit: '/dev/full' is a device; give a regular file such as results.xml\n"));
        Assert.That(output, Is.Empty);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IvrCommandLine.InvokeAsync(args, new StringReader("hangup\n"), output, error, inputIsTerminal: false);
        return (exit, output.ToString(), error.ToString());
    }
}
