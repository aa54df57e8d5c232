using IvrEngine.Calls;
using IvrEngine.Flows;
using IvrEngine.Tests.Calls;

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
}
