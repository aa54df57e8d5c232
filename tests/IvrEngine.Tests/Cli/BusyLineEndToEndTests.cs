using System.Text.RegularExpressions;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// <c>ivr call --busy N</c> as a developer runs it (the built ivr, piped input, virtual time): other callers
/// on the same line and agents, so escaping to an agent means a real queue, with an expected wait and
/// the virtual-hold callback offer that a caller alone never hears.
/// </summary>
public sealed class BusyLineEndToEndTests
{
    private const string MondayMorning = "2026-11-30T09:15 America/New_York";

    private static async Task<IvrResult> CallAsync(string input, params string[] options)
    {
        using var store = IvrProcess.WriteTempFile(null, ".db");
        return await IvrProcess.RunAsync(input, ["call", "--at", MondayMorning, "--seed", "7", "--callbacks-db", store.Path, .. options]);
    }

    [Test]
    public async Task WithBusy_EscapingToAnAgent_QueuesBehindOthers_AndHearsAnExpectedWaitAndTheCallbackOffer()
    {
        using var transcript = IvrProcess.WriteTempFile(null, ".jsonl");

        var result = await CallAsync("0\nwait 1m\nhangup\n", "--busy", "200", "--transcript", transcript.Path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Match(@"Busy line: 200 other callers an hour; \d{3} called in the hour before yours: \d+ waiting in general\."));
        var position = int.Parse(Regex.Match(result.Output, @"joined queue general at position (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(position, Is.GreaterThan(1), result.Output);
        Assert.That(result.Output, Does.Contain($"[0:00] IVR: You are number {position} in line."));
        Assert.That(result.Output, Does.Match(@"\[0:00\] IVR: Your expected wait is about \d+ minutes\."));
        Assert.That(result.Output, Does.Contain("[0:00] IVR: To keep your place in line and have us call you back instead, press 1."));
        Assert.That(File.ReadLines(transcript.Path).First(), Does.StartWith("{\"at\":\"2026-11-30T14:15:00Z\",\"type\":\"call-started\""), "the others call in the hour before; the call itself starts at --at");
    }

    [Test]
    public async Task WithBusy_OnTheRealClock_TheLineHasHadItsHourToo_SoTheFirstAnnouncementHasAnEstimate()
    {
        var result = await CallAsync("0\nwait 10\nhangup\n", "--busy", "200", "--clock", "real", "--speed", "100");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("real time at 100× speed"));
        Assert.That(result.Output, Does.Match(@"Busy line: 200 other callers an hour; \d{3} called in the hour before yours: \d+ waiting in general\."));
        Assert.That(result.Output, Does.Match(@"IVR: Your expected wait is about \d+ minutes\."));
        Assert.That(result.Output, Does.Contain("IVR: To keep your place in line and have us call you back instead, press 1."));
    }

    [Test]
    public async Task WithoutBusy_TheSameCall_IsFirstInLine_WithNoEstimate_AndNoOffer()
    {
        var result = await CallAsync("0\nwait 1m\nhangup\n");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Not.Contain("Busy line"));
        Assert.That(result.Output, Does.Contain("[0:00] IVR: You are number 1 in line."));
        Assert.That(result.Output, Does.Not.Contain("Your expected wait is about").And.Not.Contain("call you back instead"));
    }

    [Test]
    public async Task WithBusy_TheCallerCanTakeTheVirtualHoldOffer_AndKeepTheirPlace()
    {
        var result = await CallAsync("0\n1\n1\n", "--busy", "200", "--caller-id", "+12025550143");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("IVR: We'll call you back at 2 0 2, 5 5 5, 0 1 4 3. To confirm, press 1."));
        Assert.That(result.Output, Does.Match(@"Outcome: callback scheduled in queue general \(callback \d{3}-\d{3}-\d{3}, place \d+ kept\)"));
    }

    [Test]
    public async Task WithBusy_TheSameSeed_GivesTheSameCall()
    {
        var first = await CallAsync("0\nwait 3m\nhangup\n", "--busy", "150");
        var second = await CallAsync("0\nwait 3m\nhangup\n", "--busy", "150");

        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(second.Output, Is.EqualTo(first.Output));
    }

    [Test]
    public async Task Busy_WithoutAgents_IsAUsageError()
    {
        var result = await CallAsync("0\n", "--busy", "100", "--staffing", "none");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Is.EqualTo("ivr call: --busy needs agents to queue for, and this call has none (no staffing file beside the menu, or --staffing none); name one with --staffing FILE.\n"));
    }

    [Test]
    public async Task Busy_WithRecord_IsAUsageError_SinceAFlowReplaysAlone()
    {
        using var flow = IvrProcess.WriteTempFile(null, ".flow");

        var result = await CallAsync("0\n", "--busy", "100", "--record", flow.Path);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Is.EqualTo("ivr call: --record writes a flow, and a flow replays without the --busy callers; drop one of them.\n"));
    }

    [Test]
    public async Task CallHelp_DescribesBusy()
    {
        var result = await IvrProcess.RunAsync(string.Empty, "call", "--help");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("--busy <N>").And.Contain("Other callers on the line: N an hour"));
    }
}
