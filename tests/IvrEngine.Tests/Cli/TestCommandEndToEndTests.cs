using IvrEngine.Tests.Flows;

namespace IvrEngine.Tests.Cli;

/// <summary><c>ivr test</c> and <c>ivr call --record</c> as a user runs them: the built ivr as a child process.</summary>
[NonParallelizable]
public sealed class TestCommandEndToEndTests
{
    [Test]
    public async Task PassingFlows_ExitZero_WithOneLinePerRunAndASummary()
    {
        using var folder = new FlowFolder();
        var flow = folder.Write("ok.flow", "menu: test-line.json\nlocale: en-US, ru-RU\npress 1\nexpect node billing\n");

        var result = await IvrProcess.RunAsync("", "test", folder.Path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.StartWith($"PASS {flow}: ok [en-US]\nPASS {flow}: ok [ru-RU]\n\n2 passed, 0 failed: 2 runs of 1 flow file in "));
    }

    [Test]
    public async Task AFailingFlow_ExitsOne_WithTheMessage_AndJUnitAndTranscriptsAreWritten()
    {
        using var folder = new FlowFolder();
        folder.Write("fails.flow", "menu: test-line.json\npress 1\nexpect node plans\n");
        var junit = Path.Combine(folder.Path, "out", "results.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(junit)!);
        var transcripts = Path.Combine(folder.Path, "transcripts");

        var result = await IvrProcess.RunAsync("", "test", Path.Combine(folder.Path, "*.flow"), "--junit", junit, "--transcripts", transcripts);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("FAIL ").And.Contain("`expect node plans` failed in fails [en-US]").And.Contain("expected the caller at node 'plans'"));
        Assert.That(File.ReadAllText(junit), Does.Contain("<failure message="));
        Assert.That(Directory.GetFiles(transcripts, "*.jsonl"), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task ABadFlowFile_ExitsTwo_WithCompilerFormatLines()
    {
        using var folder = new FlowFolder();
        var flow = folder.Write("bad.flow", "menu: test-line.json\nexpect nod main\n");

        var result = await IvrProcess.RunAsync("", "test", flow);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Output, Does.Contain($"{flow}(2,8): error FLOW0002: unknown expectation 'nod'; did you mean 'node'?"));
        Assert.That(result.Error, Does.Contain("1 of 1 flow file invalid"));
    }

    [Test]
    public async Task Coverage_IsPrinted_AndMinCoverageFailsTheRunBelowIt()
    {
        using var folder = new FlowFolder();
        folder.Write("one.flow", "menu: test-line.json\npress 12\n");

        var result = await IvrProcess.RunAsync("", "test", folder.Path, "--min-coverage", "50");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("options by key *                  2     14    14.2"));
        Assert.That(result.Error, Does.Contain("options and escapes of test-line are 6.0 % covered, below --min-coverage 50."));
    }

    [Test]
    public async Task ARecordedConsoleCall_PassesAsAFlow()
    {
        using var folder = new FlowFolder();
        var menu = Path.Combine(folder.Path, "test-line.json");
        var recording = Path.Combine(folder.Path, "recorded.flow");

        var call = await IvrProcess.RunAsync("say orders\n1234#\nwait 5\n3\n0\n", "call", menu, "--seed", "7", "--at", "2026-11-30T09:15 America/New_York", "--record", recording);
        var test = await IvrProcess.RunAsync("", "test", recording);

        Assert.That(call.ExitCode, Is.Zero, call.ToString());
        Assert.That(call.Output, Does.Contain($"Flow: {recording}"));
        Assert.That(File.ReadAllText(recording), Does.StartWith("# Recorded with 'ivr call --record'.").And.Contain("menu: test-line.json\nlocale: en-US\nat: 2026-11-30T09:15:00 America/New_York\nseed: 7\n"));
        Assert.That(test.ExitCode, Is.Zero, test + "\n" + File.ReadAllText(recording));
    }

    [Test]
    public async Task ARecording_NamesTheMenuAsTyped_FromAnotherFolder_AndAClosedQueuesCallbackOfferReplays()
    {
        using var folder = new FlowFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "menus"));
        foreach (var file in new[] { "carrier-support.json", "carrier-support.staffing.json" })
        {
            File.Copy(Path.Combine(IvrProcess.OutputDirectory, "menus", file), Path.Combine(folder.Path, "menus", file));
        }
        Directory.CreateDirectory(Path.Combine(folder.Path, "out"));

        // Saturday 08:03: billing opens at 9, so choosing it offers a callback; the caller hangs up on the offer.
        var call = await IvrProcess.RunInAsync(folder.Path, "1\n3\nhangup\n", "call", "menus/carrier-support.json", "--at", "2026-12-05T08:03 America/New_York", "--callbacks-db", "cb.db", "--record", "out/rec.flow");
        var recording = File.ReadAllText(Path.Combine(folder.Path, "out", "rec.flow"));
        var test = await IvrProcess.RunInAsync(folder.Path, "", "test", "out/rec.flow");

        Assert.That(call.ExitCode, Is.Zero, call.ToString());
        Assert.That(recording, Does.Contain("\nmenu: ../menus/carrier-support.json\n"));
        Assert.That(recording, Does.Contain("\npress 3\nexpect prompt \"Sorry, we're closed right now.\"\nexpect prompt \"If you'd like us to call you back when we're open,\"\nexpect state offering-callback\n"));
        Assert.That(test.ExitCode, Is.Zero, test + "\n" + recording);
    }

    [Test]
    public async Task ARecordingOfTheBundledMenu_NamesItByItsFullPath()
    {
        using var folder = new FlowFolder();
        var recording = Path.Combine(folder.Path, "rec.flow");

        var call = await IvrProcess.RunAsync("hangup\n", "call", "--at", "2026-11-30T09:15 America/New_York", "--staffing", "none", "--record", recording);

        Assert.That(call.ExitCode, Is.Zero, call.ToString());
        Assert.That(File.ReadAllText(recording), Does.Contain($"\nmenu: {Path.Combine(IvrProcess.OutputDirectory, "menus", "carrier-support.json").Replace('\\', '/')}\n"));
        Assert.That((await IvrProcess.RunAsync("", "test", recording)).ExitCode, Is.Zero);
    }

    [Test]
    public async Task Filter_RunsOnlyTheFlowsItNames_AndAFilterMatchingNothingIsAUsageError()
    {
        using var folder = new FlowFolder();
        var flow = folder.Write("two.flow", "menu: test-line.json\n\nflow: billing by key\npress 1\nexpect node billing\n\nflow: plans by key\npress 3\nexpect node plans\n");

        var some = await IvrProcess.RunAsync("", "test", folder.Path, "--filter", "BILLING");
        var none = await IvrProcess.RunAsync("", "test", folder.Path, "--filter", "orders");

        Assert.That(some.ExitCode, Is.Zero, some.ToString());
        Assert.That(some.Output, Does.StartWith($"PASS {flow}: billing by key [en-US]\n\n1 passed, 0 failed: 1 run of 1 flow file in "));
        Assert.That(none.ExitCode, Is.EqualTo(2));
        Assert.That(none.Error, Is.EqualTo("ivr test: --filter 'orders' matches no flow of 1 flow file; it is matched against flow names and file names, ignoring case.\n"));
    }

    [Test]
    public async Task KeepGoing_PrintsEveryFailedExpectationOfARun()
    {
        using var folder = new FlowFolder();
        folder.Write("many.flow", "menu: test-line.json\npress 1\nexpect node plans\nexpect prompt \"nope\"\n");

        var result = await IvrProcess.RunAsync("", "test", folder.Path, "--keep-going");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("many.flow(3,1): `expect node plans` failed").And.Contain("many.flow(4,1): `expect prompt \"nope\"` failed"));
    }

    [Test]
    public async Task Update_RewritesFailedExpectationsToWhatTheLineSays_ShowsTheDiff_AndTheFlowThenPasses()
    {
        using var folder = new FlowFolder();
        var flow = folder.Write("old.flow", "menu: test-line.json\npress 1\nexpect prompt \"Billing. For your bill\"\nexpect node plans\nexpect prompt /Billing/\n");

        var update = await IvrProcess.RunAsync("", "test", flow, "--update");
        var again = await IvrProcess.RunAsync("", "test", flow);

        Assert.That(update.ExitCode, Is.EqualTo(1), update.ToString());
        Assert.That(update.Output, Does.Contain($"\n{flow}(3,1):\n-expect prompt \"Billing. For your bill\"\n+expect prompt \"Billing. For your balance, press 1.\"\n{flow}(4,1):\n-expect node plans\n+expect node billing\nUpdated 2 steps; run again to check them.\n"));
        Assert.That(File.ReadAllText(flow), Is.EqualTo("menu: test-line.json\npress 1\nexpect prompt \"Billing. For your balance, press 1.\"\nexpect node billing\nexpect prompt /Billing/\n"));
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
    }
}
