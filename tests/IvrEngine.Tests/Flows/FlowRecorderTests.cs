using IvrEngine.Calls;
using IvrEngine.Flows;
using IvrEngine.Tests.Calls;
using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Tests.Flows;

public sealed class FlowRecorderTests
{
    [TestCase("en-US")]
    [TestCase("ru-RU")]
    public void ARecordedCall_RunsAsAFlow_AndPasses(string locale)
    {
        using var folder = new FlowFolder();
        var call = new TestCall(TestMenus.Load(), locale, seed: 7);
        call.Say(locale == "en-US" ? "orders" : "заказ").Press("1234#").Wait(5).Press("3").Wait(2).Press("2").Press("1").Session.HangUp();

        var flow = FlowRecorder.Write(call.Session, "test-line.json", seed: 7, PromptPacing.Instant);
        var results = folder.Run("recorded.flow", flow);

        Assert.That(results.Single().Failure, Is.Null, flow);
        Assert.That(flow, Does.Contain("\npress 1234#\n").And.Contain("\nwait 5s\n").And.Contain("expect outcome hung-up"));
        Assert.That(results.Single().Call.Transcript.ToJsonLines(), Is.EqualTo(call.Session.Transcript.ToJsonLines()), "the replay is the same call");
    }

    [Test]
    public void ARecordingWithoutASeed_ExpectsTheReference_NotItsDigits()
    {
        using var folder = new FlowFolder();
        var call = new TestCall(TestMenus.Load(), seed: 99);
        call.Press("11");

        var flow = FlowRecorder.Write(call.Session, "test-line.json", seed: null, PromptPacing.Instant);

        Assert.That(flow, Does.Contain("expect prompt \"Your balance is 40 dollars.\"\nexpect reference\n"));
        Assert.That(flow, Does.Not.Contain(call.Session.Reference.Digits[..3]));
        Assert.That(folder.Run("noseed.flow", flow).Single().Failure, Is.Null);
    }

    [Test]
    public void ARealClockRecording_ReplaysAsPass_EachExpectationAfterTheStepItAnswers()
    {
        using var folder = new FlowFolder();
        var clock = new VirtualClock(TestCall.MondayMorning);
        var session = new CallSession(TestMenus.Load(), new CallSettings("en-US", null, Seed: 7, Pacing: PromptPacing.Spoken), new JitteryClock(clock, TimeSpan.FromMilliseconds(3)));
        session.Start();
        clock.Advance(Duration.FromSeconds(2.738));
        session.Press("1");
        // Idle until the billing menu's no-input reprompt and a little more, then choose; then idle and hang up.
        clock.Advance(Duration.FromSeconds(40.2));
        session.Press("9");
        clock.Advance(Duration.FromSeconds(0.4));
        session.HangUp();

        var flow = FlowRecorder.Write(session, "test-line.json", seed: 7, PromptPacing.Spoken);
        var results = folder.Run("real.flow", flow);

        Assert.That(results.Single().Failure, Is.Null, flow);
        Assert.That(flow, Does.Not.Match(@"wait 0"), "no wait under a second: it is the line's own delay, noise");
        var steps = flow[flow.IndexOf("\n\n", StringComparison.Ordinal)..];
        Assert.That(steps, Does.StartWith("\n\nexpect prompt \"Main menu. For billing, press 1.\"\nexpect node main\n\nwait 2s\npress 1\nexpect prompt \"Billing. For your balance, press 1.\"\nexpect node billing\n"), flow);
        Assert.That(steps, Does.Contain("\n\nwait\nexpect prompt \"Sorry"), "the reprompt is waited for, not timed to the millisecond");
        Assert.That(steps, Does.Contain("\npress 9\n"));
        Assert.That(steps, Does.EndWith("\nhangup\nexpect outcome hung-up\n"), flow);
    }
}
