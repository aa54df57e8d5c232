using IvrEngine.Calls;
using IvrEngine.Queues;

namespace IvrEngine.Tests.Queues;

public sealed class CallCenterTests
{
    [Test]
    public void AnEscapedCaller_WaitsInTheQueue_IsAnswered_AndTheAgentEndsTheCall()
    {
        var center = new TestCenter(TestCenter.Agent("Maria", talkSeconds: 60));
        var call = center.Call("0");

        Assert.That(call.State, Is.EqualTo(CallState.Queued));
        center.Wait(2);
        Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
        center.Wait(60);

        Assert.That(call.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.AnsweredByAgent));
        Assert.That(call.Outcome.Reason, Is.EqualTo("by Maria after 2 s, talked 1:00"));
        Assert.That(center.Center.Log.Events.Select(e => e.Type), Is.EqualTo(new[]
        {
            QueueEventType.EnterQueue, QueueEventType.Ring, QueueEventType.Connect, QueueEventType.CompleteAgent,
        }));
    }
}
