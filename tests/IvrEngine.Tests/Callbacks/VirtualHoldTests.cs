using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Hosting.Callbacks;
using IvrEngine.Queues;
using IvrEngine.Tests.Calls;
using IvrEngine.Tests.Queues;

namespace IvrEngine.Tests.Callbacks;

/// <summary>A caller facing a long wait keeps their place, hangs up, and is called when it comes up.</summary>
public sealed class VirtualHoldTests
{
    private const string Number = "+12025550143";

    [Test]
    public void ALongWait_BringsTheOffer_AndTheNumberIsReadBackBeforeAnythingIsPromised()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var center = CallbackLines.BusyLine(store);

        var call = center.Call("1", seed: 1, callerId: Number);
        Assert.That(TestCenter.Prompts(call).Last(), Is.EqualTo("To keep your place in line and have us call you back instead, press 1."));

        call.Press('1');
        Assert.That(TestCenter.Prompts(call).Last(), Is.EqualTo("We'll call you back at 2 0 2, 5 5 5, 0 1 4 3. To confirm, press 1. To stay on the line, press 2. To give us a different number, press 3."));
        Assert.That(store.List(), Is.Empty, "nothing is stored before the caller confirms");
    }

    [Test]
    public void Confirming_StoresTheCallbackBeforeTheCallerIsTold_AndEndsTheCall()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var center = CallbackLines.BusyLine(store);
        var call = center.Call("1", seed: 1, callerId: Number);
        CallbackRequest? storedWhenTold = null;
        call.EventRecorded += e =>
        {
            if (e.Type == CallEventType.Prompt && e.Text!.StartsWith("Your callback is booked", StringComparison.Ordinal)) storedWhenTold = store.Find(call.Reference);
        };

        call.Press("11");

        Assert.That(storedWhenTold, Is.Not.Null, "the callback was on disk when the caller heard the confirmation");
        Assert.That((storedWhenTold!.PhoneNumber, storedWhenTold.Queue, storedWhenTold.Kind, storedWhenTold.State), Is.EqualTo((Number, "a", CallbackKind.VirtualHold, CallbackState.Pending)));
        Assert.That(call.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.CallbackScheduled));
        Assert.That(center.Events(QueueEventType.ExitWithKey).Single().Reference, Is.EqualTo(call.Reference.ToString()));
        Assert.That(center.Center.Statistics("a").CallbacksAccepted, Is.EqualTo(1));
    }

    [Test]
    public void PressingTwo_KeepsTheCallerWaiting_AndTheOfferIsNotRepeated()
    {
        using var database = new TempDatabase();
        var center = CallbackLines.BusyLine(new SqliteCallbackStore(database.Path));
        var call = center.Call("1", seed: 1, callerId: Number);

        call.Press("12");
        center.Wait(45);

        Assert.That(call.State, Is.EqualTo(CallState.Queued));
        Assert.That(TestCenter.Prompts(call).Count(p => p.StartsWith("To keep your place", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public void WithoutAUsableCallerId_TheCallerIsAskedToKeyInANumber_AndKeepsTheirPlaceMeanwhile()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var center = CallbackLines.BusyLine(store);
        var call = center.Call("1", seed: 1, callerId: "12345");

        call.Press('1');

        Assert.That(TestCenter.Prompts(call).TakeLast(2), Is.EqualTo(new[]
        {
            "We don't have a number to call you back on.",
            "Please enter the phone number we should call, starting with the area code, then press the pound key. To cancel, press star.",
        }));
        Assert.That(call.State, Is.EqualTo(CallState.Queued));
        Assert.That(center.Center.PositionOf(call), Is.EqualTo(1));
        Assert.That(store.List(), Is.Empty);
    }

    [Test]
    public void TheKeptPlace_IsCalledBackExactlyWhenItComesUp_AndTheCallersBehindWait()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var center = CallbackLines.BusyLine(store);
        var held = center.Call("1", seed: 1, callerId: Number);
        held.Press("11");
        var behind = center.Call("1", seed: 2);
        Assert.That(center.Center.PositionOf(behind), Is.EqualTo(2), "the callback keeps its place in front");
        CallbackRequest? due = null;
        center.Center.CallbackDue += request => due = request;

        center.Wait(115);

        // The agent answered the call before this one 8 s before it joined and talks 120 s: free 112 s later, the kept place is up then.
        var dueEvent = center.Events(QueueEventType.CallbackDue).Single();
        Assert.That(dueEvent.At, Is.EqualTo(center.Events(QueueEventType.CompleteAgent).Last().At));
        Assert.That(due!.Reference, Is.EqualTo(held.Reference));
        Assert.That(store.Find(held.Reference)!.DueAt, Is.EqualTo(dueEvent.At));
        Assert.That(behind.State, Is.EqualTo(CallState.Queued), "the caller behind does not take the kept place");
        Assert.That(center.Center.Agents.Single().State, Is.EqualTo(AgentState.Available));

        center.Center.ReleasePlace(held.Reference);
        center.Wait(2);
        Assert.That(behind.State, Is.EqualTo(CallState.WithAgent), "once the callee is not reached, the place is released");
    }

    [Test]
    public void AfterARestart_TheKeptPlacesArePutBackByTheirJoinTimes_AheadOfCallersWhoCameLater()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var before = CallbackLines.BusyLine(store);
        var first = before.Call("1", seed: 1, callerId: Number);
        first.Press("11");
        before.Wait(5);
        var second = before.Call("1", seed: 2, callerId: "+12025550144");
        second.Press("11");
        var joined = store.List().Select(c => c.JoinedAt).ToList();
        Assert.That(joined, Is.EqualTo(new NodaTime.Instant?[] { TestCall.MondayMorning + NodaTime.Duration.FromSeconds(400), TestCall.MondayMorning + NodaTime.Duration.FromSeconds(405) }),
            "the join times are stored with the callbacks");

        // The process dies; a new one starts on the same store an hour on, its one agent away for now.
        var after = new TestCenter(before.Menu, store, TestCenter.Agent("Steady", "a", talkSeconds: 120));
        after.Wait(3600);
        after.Center.SetAway("Steady", away: true);
        var line = new CallbackLine(after.Menu.Name, [.. after.Menu.Queues.Keys]);
        var restored = after.Center.RestorePlaces(store.KeptPlaces(line));
        Assert.That(restored, Is.EqualTo(new[] { first.Reference, second.Reference }));
        Assert.That(store.MakeKeptPlacesDue(line, after.Clock.Now, restored), Is.Zero, "every kept place was put back, none is made due");
        var newcomer = after.Call("1", seed: 3);
        Assert.That(after.Center.PositionOf(newcomer), Is.EqualTo(3), "the kept places are ahead of the caller who came after the restart");

        var due = new List<ReferenceNumber>();
        after.Center.CallbackDue += request => due.Add(request.Reference);
        after.Center.SetAway("Steady", away: false);

        Assert.That(due, Is.EqualTo(new[] { first.Reference }), "the earliest kept place comes up first, and the callers behind it wait");
        Assert.That(newcomer.State, Is.EqualTo(CallState.Queued));
    }

    [Test]
    public void ASecondRequestFromTheSameNumber_IsToldTheExistingCallback_AndLoggedAsExisting_NotAsANewBooking()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var center = CallbackLines.BusyLine(store);
        var first = center.Call("1", seed: 1, callerId: Number);
        first.Press("11");

        var again = center.Call("1", seed: 2, callerId: Number);
        again.Press("11");

        Assert.That(TestCenter.Prompts(again).Last(), Does.StartWith("You already have a callback booked for ").And.EndWith(
            $"; we'll keep that one. Your reference number is {string.Join(", ", first.Reference.ToString().Split('-').Select(g => string.Join(' ', g.ToCharArray())))}. Goodbye."));
        Assert.That(store.List().Select(c => c.Reference), Is.EqualTo(new[] { first.Reference }));
        Assert.That(again.Transcript.Events.Where(e => e.Type is CallEventType.CallbackBooked or CallEventType.CallbackExisting).Select(e => (e.Type, e.Text, e.Detail)),
            Is.EqualTo(new[] { (CallEventType.CallbackExisting, (string?)first.Reference.ToString(), (string?)"virtual hold") }));
        Assert.That(again.Outcome!.Reason, Is.EqualTo($"existing callback {first.Reference} kept, nothing new booked"));
        Assert.That(center.Events(QueueEventType.ExitWithKey).Select(e => (e.Reference, e.Detail)), Is.EqualTo(new[]
        {
            (first.Reference.ToString(), (string?)"callback to +1 ••••••••43, place kept"),
            (again.Reference.ToString(), (string?)$"existing callback {first.Reference} to +1 ••••••••43 kept, nothing new booked"),
        }));
        Assert.That(center.Center.PositionOf(again), Is.Null, "the caller left the line: no second place is kept");
    }

    [Test]
    public void WhenTheStoreFails_NothingIsPromised_AndTheCallerKeepsWaiting()
    {
        var center = CallbackLines.BusyLine(new FailingCallbackStore());
        var call = center.Call("1", seed: 1, callerId: Number);

        Assert.DoesNotThrow(() => call.Press("11"));

        Assert.That(TestCenter.Prompts(call).Last(), Is.EqualTo("Sorry, we can't book a callback right now."));
        Assert.That(call.State, Is.EqualTo(CallState.Queued));
    }

    [Test]
    public void WhenTheStoreFails_TheFailureIsInTheQueueLogAndTheTranscript_AsAtAClosedQueue()
    {
        var center = CallbackLines.BusyLine(new FailingCallbackStore());
        var call = center.Call("1", seed: 1, callerId: Number);

        call.Press("11");

        var noted = call.Transcript.Events.Single(e => e.Type == CallEventType.InputIgnored && e.Text == "callback");
        Assert.That(noted.Detail, Is.EqualTo("not booked: the store failed (disk I/O error)"));
        var logged = center.Center.Log.Events.Single(e => e.Type == QueueEventType.CallbackNotBooked);
        Assert.That((logged.Queue, logged.Reference, logged.Detail), Is.EqualTo(("a", call.Reference.ToString(), "not booked: the store failed (disk I/O error)")));
        Assert.That(center.Center.Log.ToAsteriskQueueLog(), Does.Contain("|CALLBACKNOTBOOKED|not booked: the store failed (disk I/O error)\n"));
    }

    [Test]
    public void AtAClosedQueue_WhenTheStoreFails_TheFailureIsNotedInTheTranscript()
    {
        var center = CallbackLines.ClosedLine(new FailingCallbackStore());
        var call = center.Call("1", seed: 1, callerId: Number);

        call.Press("11");

        var noted = call.Transcript.Events.Single(e => e.Type == CallEventType.InputIgnored && e.Text == "callback");
        Assert.That(noted.Detail, Is.EqualTo("not booked: the store failed (disk I/O error)"));
    }

    [Test]
    public void AtAClosedQueue_WhenTheStoreFails_TheCallerIsToldAndTheLineCloses()
    {
        var center = CallbackLines.ClosedLine(new FailingCallbackStore());
        var call = center.Call("1", seed: 1, callerId: Number);

        Assert.That(call.State, Is.EqualTo(CallState.OfferingCallback));
        Assert.DoesNotThrow(() => call.Press("11"));

        Assert.That(TestCenter.Prompts(call), Does.Contain("Sorry, we can't book a callback right now."));
        Assert.That(call.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.ClosedByHours));
    }
}
