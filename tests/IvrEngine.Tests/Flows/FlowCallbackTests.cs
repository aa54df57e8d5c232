using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Flows;
using NodaTime;

namespace IvrEngine.Tests.Flows;

/// <summary>
/// <c>expect callback</c> on the bundled line: on Sunday at 23:45 the representatives are closed, and
/// the general queue offers a callback when it opens, to the flow's <c>caller-id:</c>.
/// </summary>
public sealed class FlowCallbackTests
{
    private static string Header => $"menu: {RepoPaths.BundledMenu}\nat: 2026-11-29 23:45 America/New_York\ncaller-id: +12025550143\nseed: 7\n";

    private const string Book = "press 0\npress 1\npress 1\n";

    [TestCase("expect callback")]
    [TestCase("expect callback at tomorrow 9:00 AM")]
    [TestCase("expect callback at TOMORROW 9:00 am eastern")]
    [TestCase("expect callback at \"at 9:00 AM Eastern Time\"")]
    [TestCase("expect outcome callback general")]
    public void Passes_WhenACallbackWasBookedForThatTime(string step)
    {
        using var folder = new FlowFolder();

        var result = folder.Run("pass.flow", Header + Book + step).Single();

        Assert.That(result.Failure, Is.Null, result.Failure);
    }

    [TestCase(Book + "expect callback at today 9:00 AM", "expected a callback booked for today 9:00 AM", "but      the callback was booked for \"tomorrow at 9:00 AM Eastern Time\" (reference ")]
    [TestCase(Book + "expect callback at 9:00 AM tomorrow", "expected a callback booked for 9:00 AM tomorrow", "but      the callback was booked for \"tomorrow at 9:00 AM Eastern Time\"")]
    [TestCase(Book + "expect callback at \"tomorrow 9:00\"", "expected a callback booked for a time saying \"tomorrow 9:00\"", "but      the callback was booked for \"tomorrow at 9:00 AM Eastern Time\"")]
    [TestCase("press 0\nexpect callback", "expected a callback booked", "but      no callback was booked; the call has not ended (at node 'main', offering-callback)")]
    [TestCase("press 0\npress 9\nexpect callback at tomorrow", "expected a callback booked for tomorrow", "but      no callback was booked; the call ended: closed")]
    [TestCase("press 0\npress 2\npress 1\nexpect callback at tomorrow 9:00 AM", "expected a callback booked for tomorrow 9:00 AM", "but      the callback was booked for \"tomorrow at 9:30 AM Eastern Time\"")]
    public void Fails_WithAMessageSayingWhatWasBooked(string steps, string expected, string actual)
    {
        using var folder = new FlowFolder();

        var result = folder.Run("fail.flow", Header + steps).Single();

        folder.AssertFailedAtLastStep(result, "fail.flow", Header, steps, expected, actual);
    }

    [TestCase("expect callback soon", "write 'expect callback' (any callback booked), 'expect callback at tomorrow 9:00 AM' or 'expect callback at \"9:00 AM Eastern\"'")]
    [TestCase("expect callback at", "write 'expect callback' (any callback booked), 'expect callback at tomorrow 9:00 AM' or 'expect callback at \"9:00 AM Eastern\"'")]
    [TestCase("expect callback at \"9:00", "write 'expect callback' (any callback booked), 'expect callback at tomorrow 9:00 AM' or 'expect callback at \"9:00 AM Eastern\"'")]
    public void MalformedCallbackSteps_AreReported(string step, string message)
    {
        using var folder = new FlowFolder();
        var path = folder.Write("bad.flow", Header + step + "\n");

        var suite = new FlowLoader().Load([path]);

        Assert.That(suite.Diagnostics.Select(d => (d.Code, d.Message)), Is.EqualTo(new[] { (FlowCodes.BadValue, message) }));
    }

    [Test]
    public void ExpectCallback_WithoutAgents_IsReportedBeforeAnythingRuns()
    {
        using var folder = new FlowFolder();
        var path = folder.Write("none.flow", "menu: test-line.json\npress 0\nexpect callback\n");

        var suite = new FlowLoader().Load([path]);

        Assert.That(suite.Diagnostics.Select(d => d.Message), Is.EqualTo(new[] { "`expect callback` needs simulated agents, and this flow has none (no test-line.staffing.json beside the menu); give it a staffing: file" }));
    }

    [Test]
    public void FlowsThatDoNotExpectACallback_RunWithoutAStore_AndTheClosedQueueTurnsTheCallerAway()
    {
        using var folder = new FlowFolder();

        var result = folder.Run("closed.flow", Header + "press 0\nexpect outcome closed").Single();

        Assert.That(result.Failure, Is.Null, result.Failure);
    }

    [Test]
    public void ExpectingTheOffer_RunsWithAStore_SoAFlowCanDecline()
    {
        using var folder = new FlowFolder();

        var result = folder.Run("offer.flow", Header + "press 0\nexpect state offering-callback\npress 9\nexpect outcome closed").Single();

        Assert.That(result.Failure, Is.Null, result.Failure);
    }

    [Test]
    public void ExpectingTheOffer_WithoutAgents_IsReportedBeforeAnythingRuns()
    {
        using var folder = new FlowFolder();
        var path = folder.Write("none.flow", "menu: test-line.json\npress 0\nexpect state offering-callback\n");

        var suite = new FlowLoader().Load([path]);

        Assert.That(suite.Diagnostics.Select(d => d.Message), Is.EqualTo(new[] { "`expect state offering-callback` needs simulated agents, and this flow has none (no test-line.staffing.json beside the menu); give it a staffing: file" }));
    }

    [Test]
    public void InMemoryStore_KeepsOneOpenCallbackPerNumberAndQueue()
    {
        var store = new InMemoryCallbackStore();
        var now = Instant.FromUtc(2026, 11, 30, 14, 0);
        var first = new CallbackRequest(ReferenceNumber.Create(new Random(1)), "general", "+12025550143", CallbackKind.Scheduled, "en-US", now, now, now + Duration.FromDays(1));
        var again = first with { Reference = ReferenceNumber.Create(new Random(2)) };
        // Its own reference: a store refuses a reference another callback holds, as SQLite's key does.
        var otherQueue = again with { Queue = "billing", Reference = ReferenceNumber.Create(new Random(3)) };

        Assert.That(store.Schedule(first), Is.EqualTo(first));
        Assert.That(store.Schedule(again), Is.EqualTo(first), "the same number and queue: the pending callback");
        Assert.That(store.Schedule(otherQueue), Is.EqualTo(otherQueue));

        var claimed = store.ClaimDue(now, "dialer", Duration.FromMinutes(5), 10);
        Assert.That(claimed.Select(c => (c.Reference, c.State, c.LeaseOwner)), Is.EqualTo(new[] { (first.Reference, CallbackState.Dialing, (string?)"dialer"), (otherQueue.Reference, CallbackState.Dialing, "dialer") }));
        Assert.That(store.ClaimDue(now, "other", Duration.FromMinutes(5), 10), Is.Empty, "claimed callbacks are leased");
        Assert.That(store.Schedule(again), Is.EqualTo(claimed[0]), "a dialing callback is still open");

        store.RecordAttempt(new CallbackAttempt(first.Reference, 1, now, "completed"), CallbackState.Completed);
        Assert.That(store.Find(first.Reference)!.LeaseOwner, Is.Null);
        Assert.That(store.Schedule(again), Is.EqualTo(again), "once the first is done, a new one is booked");
        Assert.That(store.Attempts(first.Reference).Select(a => a.Result), Is.EqualTo(new[] { "completed" }));
        Assert.That(store.Cancel(again.Reference, now, "operator"), Is.True);
        Assert.That(store.Cancel(again.Reference, now, "operator"), Is.False);
        Assert.That(store.List(CallbackState.Cancelled).Select(c => c.Reference), Is.EqualTo(new[] { again.Reference }));
    }
}
