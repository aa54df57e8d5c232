namespace IvrEngine.Tests.Cli;

/// <summary>`ivr call` into the bundled line with its simulated agents, as a child process.</summary>
public sealed class QueueCallEndToEndTests
{
    private const string MondayMorning = "2026-11-30T09:15 America/New_York";

    private static Task<IvrResult> CallAsync(string input, params string[] options) =>
        IvrProcess.RunAsync(input, ["call", "--at", MondayMorning, "--seed", "7", .. options]);

    [Test]
    public async Task Zero_QueuesTheCaller_WhoHearsAnnouncements_AndIsConnectedToAnAgent()
    {
        var result = await CallAsync("0\nwait 20\nwhere\nwait 20m\n");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("[0:00] · joined queue general at position 1"));
        Assert.That(result.Output, Does.Contain("[0:00] IVR: You are number 1 in line."));
        Assert.That(result.Output, Does.Contain("[0:00] · ♪ hold music (carrier-default)"));
        Assert.That(result.Output, Does.Contain("(Queued), 0:20 into the call, path main, reference ").And.Contain("; queue general, position 1, expected wait no estimate yet"));
        Assert.That(result.Output, Does.Match(@"\[0:\d\d\] · ringing agent "));
        Assert.That(result.Output, Does.Match(@"· connected to agent [A-Za-z0-9 ]+ after \d+ s in queue general"));
        Assert.That(result.Output, Does.Contain("Outcome: answered in queue general"));
        Assert.That(result.Output, Does.Match(@"Queue: general, joined at position 1, answered by [A-Za-z0-9 ]+ after \d+ s"));
    }

    /// <summary>With an agent free at once, the ring comes at the same instant as the transfer: after the call is queued.</summary>
    [Test]
    public async Task AnAgentFreeAtOnce_IsRungAfterTheCallIsQueued_NotBefore()
    {
        using var staffing = IvrProcess.WriteTempFile("""{ "agents": [ { "name": "Ana", "queues": { "general": 1 } } ] }""");

        var result = await CallAsync("0\nwait 1m\n", "--staffing", staffing.Path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("[0:00] · joined queue general at position 1\n[0:00] · state Transferring -> Queued\n[0:00] · ringing agent Ana\n"));
        Assert.That(result.Output, Does.Contain("Queue: general, joined at position 1, answered by Ana after 3 s"));
    }

    [Test]
    public async Task HangingUpWhileWaiting_IsAnAbandon()
    {
        var result = await CallAsync("0\nwait 10\nhangup\n");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Outcome: abandoned in queue general (after 10 s)"));
        Assert.That(result.Output, Does.Contain("Queue: general, joined at position 1, abandoned after 10 s"));
    }

    [Test]
    public async Task TheAgentCanHandTheCallerToAnotherQueue_WithTheSameReference()
    {
        var result = await CallAsync("0\nwait 40\ntransfer retention\nwait 20\nhangup\n");

        Assert.That(result.Output, Does.Contain("(the agent transfers you to retention)"), result.ToString());
        Assert.That(result.Output, Does.Match(@"· the agent transfers you to queue retention \(from [A-Za-z0-9 ]+, reference (\d{3}-\d{3}-\d{3}) kept\)"));
        Assert.That(result.Output, Does.Contain("joined queue retention at position 1"));
        Assert.That(result.Output, Does.Contain("Queue: retention, joined at position 1"));
    }

    [Test]
    public async Task QueueLogs_AreWrittenAsJsonLinesAndAsAsteriskQueueLog()
    {
        using var json = IvrProcess.WriteTempFile(null, ".jsonl");
        using var asterisk = IvrProcess.WriteTempFile(null, ".log");

        var result = await CallAsync("0\nwait 10\nhangup\n", "--queue-log", json.Path, "--asterisk-queue-log", asterisk.Path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var reference = System.Text.RegularExpressions.Regex.Match(result.Output, @"Reference: (\S+)").Groups[1].Value;
        Assert.That(File.ReadAllLines(json.Path)[0], Does.Contain($"\"event\":\"ENTERQUEUE\",\"queue\":\"general\",\"reference\":\"{reference}\""));
        Assert.That(File.ReadAllLines(asterisk.Path)[^1], Does.Match($@"^\d+\|{reference}\|general\|NONE\|ABANDON\|1\|1\|10$"));
    }

    [Test]
    public async Task WithoutStaffing_ATransferEndsTheCallAtTheQueue()
    {
        var result = await CallAsync("0\n", "--staffing", "none");

        Assert.That(result.Output, Does.Contain("No staffing file: a transfer ends the call at the queue."));
        Assert.That(result.Output, Does.Contain("Outcome: transferred to queue general (asked for a human)"));
    }

    [Test]
    public async Task ABrokenStaffingFile_IsRefusedWithLocatedErrors()
    {
        using var staffing = IvrProcess.WriteTempFile("""{ "agents": [ { "name": "X", "queues": { "nowhere": 1 } } ] }""");

        var result = await CallAsync("0\n", "--staffing", staffing.Path);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("error IVR0014: queues of agents[0] names queue 'nowhere'"));
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task Where_WithAnAgent_NamesTheAgentAndTheQueue()
    {
        var result = await CallAsync("press 0\nwait\nwhere\nhangup\n");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Match(@"\ntalking to Tech 1 of queue general; node 'main' \(WithAgent\), 0:\d\d into the call"));
    }

    [Test]
    public async Task QuietEvents_ShowsOnlyWhatTheCallerHears_InPlainText()
    {
        var result = await CallAsync("0\nwait\nhangup\n", "--quiet-events");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("[0:00] IVR: You are number 1 in line."));
        Assert.That(result.Output.Split('\n').Where(l => l.Contains(" · ", StringComparison.Ordinal)), Has.All.Contains("· call ended: "));
        Assert.That(result.Output.Contains('\u001b', StringComparison.Ordinal), Is.False, "no colour codes in piped output");
        Assert.That(result.Output, Does.Contain("Outcome: "));
    }
}
