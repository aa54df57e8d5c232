using IvrEngine.Calls;
using IvrEngine.Time;

namespace IvrEngine.Tests.Calls;

/// <summary>Calls share configured state machines one at a time, and quiet calls format nothing.</summary>
[TestFixture]
public sealed class CallMachineReuseTests
{
    [Test]
    public void CallsOneAfterAnother_EachFollowTheirOwnPath()
    {
        // The second call gets the machine the first one gave back when it ended.
        var first = new TestCall().Press("0");
        first.Session.HangUp();
        var second = new TestCall();

        Assert.Multiple(() =>
        {
            Assert.That(first.Session.IsEnded, Is.True);
            Assert.That(second.Session.State, Is.EqualTo(CallState.InMenu));
            Assert.That(second.Session.Path, Has.Count.EqualTo(1), "the new call starts at the start node, not where the last one was");
        });
    }

    [Test]
    public void AKeyPressedAfterTheCallEnded_IsNotedAndDoesNotReachAnotherCall()
    {
        var ended = new TestCall();
        ended.Session.HangUp();
        var live = new TestCall();

        ended.Session.Press('1');

        Assert.Multiple(() =>
        {
            Assert.That(ended.Session.Transcript.Events[^1].Type, Is.EqualTo(CallEventType.InputIgnored));
            Assert.That(ended.Session.Transcript.Events[^1].Detail, Is.EqualTo("the call has ended"));
            Assert.That(live.Session.Transcript.Events.Any(e => e.Type == CallEventType.KeyPressed), Is.False, "the key went nowhere else");
        });
    }

    [Test]
    public void AQuietCall_KeepsNoTranscript_ButStillRaisesEveryEventByType()
    {
        var clock = new VirtualClock(TestCall.MondayMorning);
        var call = new CallSession(TestMenus.Load(), new CallSettings(Quiet: true), clock);
        var seen = new List<CallEvent>();
        call.EventRecorded += seen.Add;

        call.Start();
        call.Press('1');

        Assert.Multiple(() =>
        {
            Assert.That(call.Transcript.Events, Is.Empty);
            Assert.That(seen.Select(e => e.Type), Does.Contain(CallEventType.Prompt).And.Contain(CallEventType.KeyPressed));
            Assert.That(seen.Where(e => e.Type == CallEventType.Prompt).Select(e => e.Text), Is.All.Null, "prompts are not rendered");
            Assert.That(seen.Where(e => e.Type == CallEventType.StateChanged).Select(e => e.Detail), Is.Not.Empty.And.All.Null, "details that would be formatted are not");
        });
    }

    [Test]
    public void CallsRunOnOneThreadAfterAnother_ReuseTheMachinesTheEarlierThreadsGaveBack()
    {
        // A simulation's weeks run on whichever pool thread is free: machines given back on one
        // thread must serve calls on the next, or every thread that ever ran a week keeps its own pile.
        const int Concurrent = 40;
        const int Threads = 8;
        var menu = TestMenus.Load();
        void RunCalls()
        {
            var clock = new VirtualClock(TestCall.MondayMorning);
            var calls = Enumerable.Range(0, Concurrent).Select(_ => new CallSession(menu, new CallSettings(Quiet: true), clock)).ToList();
            foreach (var call in calls) call.Start();
            foreach (var call in calls) call.HangUp();
        }
        RunCalls();
        var before = CallSession.MachinesConfigured;

        for (var t = 0; t < Threads; t++)
        {
            var thread = new Thread(RunCalls);
            thread.Start();
            thread.Join();
        }

        Assert.That(CallSession.MachinesConfigured - before, Is.Zero, "the 40 machines given back before are enough for 40 calls at a time on any thread");
    }
}
