using System.Text.RegularExpressions;
using IvrEngine.Callbacks;
using IvrEngine.Hosting.Callbacks;
using Microsoft.Data.Sqlite;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// The dialer through the built ivr, in virtual time: <c>ivr serve --clock virtual</c> moved by
/// <c>wait</c> lines, <c>ivr callbacks run</c> over a span of hours, a virtual-hold callback that
/// survives SIGKILL, several lines on one store, and a graceful stop that gives its claims back.
/// </summary>
public sealed partial class CallbackDialerEndToEndTests
{
    private const string MondayTen = "2026-11-30T10:00 America/New_York";

    [Test]
    public async Task ServeInVirtualTime_MovesWithWait_AndTheDialerPlacesADueCallbackThen()
    {
        using var line = new HoldLineFolder();
        await using var ivr = LiveIvrProcess.Start(HoldLineFolder.AnsweringCallees, "serve", line.MenuPath, "--clock", "virtual", "--at", MondayTen, "--callbacks-db", line.Database);
        await ivr.OutputLineAsync("Serving hold-line");

        var confirmed = await ivr.AskAsync("callback +12025550143 general");
        var reference = confirmed["confirmed ".Length..];
        Assert.That(await ivr.ListCallbacksAsync(), Is.EqualTo(new[] { $"callback {reference} pending attempts 0" }), "no time has passed: no poll yet");

        // The poll at 10:00:05 claims it; the callee answers after a few rings; the agent talks two minutes.
        Assert.That(await ivr.AskAsync("wait 6"), Is.EqualTo("now 2026-11-30 10:00:06 America/New_York"));
        Assert.That(await ivr.ListCallbacksAsync(), Is.EqualTo(new[] { $"callback {reference} dialing attempts 0" }));
        Assert.That(await ivr.AskAsync("wait 3m"), Is.EqualTo("now 2026-11-30 10:03:06 America/New_York"));
        Assert.That(await ivr.ErrorLineAsync("dialed "), Is.EqualTo($"dialed {reference} attempt 1: answered"));
        Assert.That(await ivr.ListCallbacksAsync(), Has.Count.EqualTo(1).And.One.StartsWith($"callback {reference} completed attempts 1 (answered in queue general (by Steady"));
        Assert.That(await ivr.CloseInputAndWaitAsync(), Is.Zero);
    }

    [Test]
    public async Task Serve_WithABadAt_IsAUsageError()
    {
        using var line = new HoldLineFolder();

        var result = await IvrProcess.RunAsync("", "serve", line.MenuPath, "--clock", "virtual", "--at", "next tuesday");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1).And.All.StartWith("ivr serve: --at: "));
    }

    [Test]
    public async Task CallbacksRun_PostponesWhileTheQueueIsClosed_ThenDialsAtOpening_AndPrintsEveryAttempt()
    {
        using var line = new HoldLineFolder();
        var menu = Path.Combine(IvrProcess.OutputDirectory, "menus", "carrier-support.json");
        // Booked on the line, due at once, on Sunday night when customer care is closed (it opens Monday 09:00).
        await using (var serve = LiveIvrProcess.Start("serve", menu, "--clock", "virtual", "--at", "2026-11-29T23:45 America/New_York", "--callbacks-db", line.Database, "--staffing", "none"))
        {
            await serve.OutputLineAsync("Serving carrier-support");
            Assert.That(await serve.AskAsync("callback +12025550143 general"), Does.StartWith("confirmed "));
            Assert.That(await serve.CloseInputAndWaitAsync(), Is.Zero);
        }
        var reference = SqliteCallbackStore.OpenReadOnly(line.Database).List().Single().Reference;

        var hourly = new Dictionary<string, string>(HoldLineFolder.AnsweringCallees) { ["IVR_Ivr__Callbacks__PollSeconds"] = "60" };
        var run = await IvrProcess.RunAsync("", hourly, "callbacks", "run", menu, "--from", "2026-11-29T23:45 America/New_York", "--until", "2026-11-30T09:30 America/New_York", "--db", line.Database);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            $"Dialing the callbacks of carrier-support in {line.Database} from 2026-11-29 23:45:00 America/New_York until 2026-11-30 09:30:00 America/New_York (virtual time).",
            $"2026-11-29 23:46:00 America/New_York  postponed {reference} until 2026-11-30 09:00:00 America/New_York: queue closed",
            $"2026-11-30 09:00:00 America/New_York  dialed {reference} attempt 1: answered",
            "1 attempts; callbacks of carrier-support now: 1 completed.",
        }));
    }

    [Test]
    public async Task CallbacksList_ShowsTheNextAttemptAndWhy_AfterTheDialerPostponedOne()
    {
        using var line = new HoldLineFolder();
        var menu = Path.Combine(IvrProcess.OutputDirectory, "menus", "carrier-support.json");
        await using (var serve = LiveIvrProcess.Start("serve", menu, "--clock", "virtual", "--at", "2026-11-29T23:45 America/New_York", "--callbacks-db", line.Database))
        {
            await serve.OutputLineAsync("Serving carrier-support");
            Assert.That(await serve.AskAsync("callback +12025550143 general"), Does.StartWith("confirmed "));
            Assert.That(await serve.AskAsync("wait 10"), Does.StartWith("now "));
            Assert.That(await serve.CloseInputAndWaitAsync(), Is.Zero);
        }
        var reference = SqliteCallbackStore.OpenReadOnly(line.Database).List().Single().Reference;

        var list = await IvrProcess.RunAsync("", "callbacks", "list", "--db", line.Database);
        var show = await IvrProcess.RunAsync("", "callbacks", "show", reference.ToString(), "--db", line.Database);

        Assert.That(list.Output, Does.Contain($"{reference}  pending    general        2026-11-30 14:00      0  +1 ••••••••43   queue closed\n"), list.ToString());
        Assert.That(show.Output, Does.Contain("  next attempt 2026-11-30 14:00 (UTC): queue closed\n"), show.ToString());
    }

    [Test]
    public async Task AVirtualHoldCallback_KeptInLineWhenTheServerIsKilled_IsDialedAfterTheRestart()
    {
        using var line = new HoldLineFolder();
        string reference;
        await using (var first = LiveIvrProcess.Start(HoldLineFolder.AnsweringCallees, "serve", line.MenuPath, "--clock", "virtual", "--at", MondayTen, "--callbacks-db", line.Database))
        {
            await first.OutputLineAsync("Serving hold-line");
            // Three two-minute calls give the queue a handle time to estimate waits with; a fourth keeps the one agent busy.
            for (var i = 0; i < 3; i++)
            {
                await first.AskAsync("call 1");
                await first.AskAsync("wait 130");
            }
            await first.AskAsync("call 1");
            await first.AskAsync("wait 10");

            // The caller waits behind it, takes virtual hold, keys in a number and confirms: their place is kept.
            reference = CallReference(await first.AskAsync("call 1"));
            await first.AskAsync($"press {reference} 1");
            await first.AskAsync($"press {reference} 2025550143#");
            Assert.That(await first.AskAsync($"press {reference} 1"), Is.EqualTo($"call {reference} version {HoldLineVersion} ended: callback scheduled in queue general (callback {reference}, place 1 kept)"));

            // The process dies with the place kept in line.
            Assert.That(await first.ListCallbacksAsync(), Is.EqualTo(new[] { $"callback {reference} pending attempts 0" }));
            await first.KillAsync();
        }

        await using (var second = LiveIvrProcess.Start(HoldLineFolder.AnsweringCallees, "serve", line.MenuPath, "--clock", "virtual", "--at", "2026-11-30T10:08 America/New_York", "--callbacks-db", line.Database))
        {
            await second.OutputLineAsync("Serving hold-line");
            // The place is put back in line at once and comes up (the agent is free): the callee rings within seconds.
            await second.AskAsync("wait 20");
            Assert.That(await second.ErrorLineAsync("dialed "), Is.EqualTo($"dialed {reference} attempt 1: answered"), second.Transcript());
            await second.AskAsync("wait 3m");
            Assert.That(await second.ListCallbacksAsync(), Has.Count.EqualTo(1).And.One.StartsWith($"callback {reference} completed attempts 1"));
            Assert.That(await second.CloseInputAndWaitAsync(), Is.Zero);
        }
    }

    [Test]
    public async Task TwoLinesOnOneStore_EachDialerPlacesOnlyItsOwnCallbacks()
    {
        using var line = new HoldLineFolder();
        var carrier = Path.Combine(IvrProcess.OutputDirectory, "menus", "carrier-support.json");
        await using (var serve = LiveIvrProcess.Start("serve", carrier, "--clock", "virtual", "--at", MondayTen, "--callbacks-db", line.Database, "--staffing", "none"))
        {
            await serve.OutputLineAsync("Serving carrier-support");
            Assert.That(await serve.AskAsync("callback +12025550143 billing"), Does.StartWith("confirmed "));
            Assert.That(await serve.AskAsync("callback +12025550144 general"), Does.StartWith("confirmed "));
            Assert.That(await serve.CloseInputAndWaitAsync(), Is.Zero);
        }

        // The other line has a queue "general" too, and no "billing": neither callback is its to place.
        var other = await IvrProcess.RunAsync("", HoldLineFolder.AnsweringCallees, "callbacks", "run", line.MenuPath, "--from", MondayTen, "--until", "2026-11-30T10:10 America/New_York", "--db", line.Database);
        Assert.That(other.Output, Does.Not.Contain("dialed").And.Contain("0 attempts; callbacks of hold-line now: none."), other.ToString());
        Assert.That(SqliteCallbackStore.OpenReadOnly(line.Database).List().Select(c => (c.Line, c.Queue, c.State)), Is.EqualTo(new[]
        {
            ("carrier-support", "billing", CallbackState.Pending), ("carrier-support", "general", CallbackState.Pending),
        }));

        var own = await IvrProcess.RunAsync("", HoldLineFolder.AnsweringCallees, "callbacks", "run", carrier, "--from", MondayTen, "--until", "2026-11-30T10:10 America/New_York", "--db", line.Database);
        Assert.That(Regex.Matches(own.Output, " dialed [0-9-]+ attempt 1: answered").Count, Is.EqualTo(2), own.ToString());
    }

    [Test]
    public async Task AGracefulStop_GivesBackTheCallbacksBeingDialed()
    {
        using var line = new HoldLineFolder();
        var ringingOut = new Dictionary<string, string>(HoldLineFolder.AnsweringCallees) { ["IVR_Ivr__Callbacks__AnswerProbability"] = "0" };
        await using var ivr = LiveIvrProcess.Start(ringingOut, "serve", line.MenuPath, "--clock", "virtual", "--at", MondayTen, "--callbacks-db", line.Database);
        await ivr.OutputLineAsync("Serving hold-line");
        var reference = (await ivr.AskAsync("callback +12025550143 general"))["confirmed ".Length..];

        // The poll at 10:00:05 claims it; the phone rings (30 s before it counts as unanswered) when the line stops.
        await ivr.AskAsync("wait 10");
        Assert.That(await ivr.ListCallbacksAsync(), Is.EqualTo(new[] { $"callback {reference} dialing attempts 0" }));
        Assert.That(await ivr.CloseInputAndWaitAsync(), Is.Zero);

        SqliteConnection.ClearAllPools();
        var stored = SqliteCallbackStore.OpenReadOnly(line.Database).List().Single();
        Assert.That((stored.State, stored.LeaseOwner, stored.LeaseUntil), Is.EqualTo((CallbackState.Pending, (string?)null, (NodaTime.Instant?)null)));
    }

    private static readonly string HoldLineVersion = IvrEngine.Menus.MenuLoader.Load(HoldLineFolder.Menu, "x").Menu!.Version;

    private static string CallReference(string reply) => CallRegex().Match(reply) is { Success: true } m ? m.Groups[1].Value : throw new AssertionException($"not a call reply: {reply}");

    [GeneratedRegex("^call ([0-9]{3}-[0-9]{3}-[0-9]{3}) ")]
    private static partial Regex CallRegex();
}
