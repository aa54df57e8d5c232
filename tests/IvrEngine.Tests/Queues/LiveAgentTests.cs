using System.Text;
using IvrEngine.Calls;
using IvrEngine.Queues;
using IvrEngine.Queues.Agents;
using IvrEngine.Queues.Staffing;

namespace IvrEngine.Tests.Queues;

/// <summary>
/// Live agents at the call-centre level: a person at a seat is offered calls only when signed in and
/// ready, and the Polly ring pipeline decides what an unanswered or declined ring leads to, exactly as
/// for simulated agents.
/// </summary>
public sealed class LiveAgentTests
{
    private static AgentProfile Seat(string name, string queues = "general") => TestCenter.Agent(name, queues, wrapUpSeconds: 30) with { Live = true };

    [Test]
    public void ALiveSeat_IsNeverOffered_UntilItsPersonSignsIn_AndIsReady()
    {
        var center = new TestCenter(Seat("Lena"));
        var live = center.Center.Live;
        var lena = live.Find("Lena")!;
        var call = center.Call("0");
        center.Wait(120);
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.SignedOut));
        Assert.That(lena.State, Is.EqualTo(AgentState.Away));

        Assert.That(live.SignIn(lena), Is.True);
        center.Wait(120);
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.NotReady));
        Assert.That(center.Events(QueueEventType.Ring), Is.Empty, "nobody rings a seat that is not ready");
        Assert.That(call.State, Is.EqualTo(CallState.Queued));

        Assert.That(live.Ready(lena), Is.True);
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.Ringing));
        var offered = live.OfferedTo(lena)!;
        Assert.That(offered.Reference, Is.EqualTo(call.Reference.ToString()));
        Assert.That(offered.Queue, Is.EqualTo("general"));
        Assert.That(offered.Path, Is.EqualTo(new[] { "main" }));
    }

    [Test]
    public void TheOfferShowsTheAgent_TheCallersPathThroughTheMenu_AndTheDigitsTheyKeyedIn()
    {
        var center = new TestCenter(Seat("Lena"));
        var (live, lena) = ReadySeat(center, "Lena");
        var call = new CallSession(center.Menu, new CallSettings(CallerId: "+12025550143", Seed: 1, CallCenter: center.Center), center.Clock);
        call.Start();
        call.Press("2");
        call.Press("1234#");
        center.Wait(10);
        call.Press("0");

        var offered = live.OfferedTo(lena)!;

        Assert.That(offered.Path.Take(3), Is.EqualTo(new[] { "main", "order-number", "order-status" }));
        Assert.That(offered.Digits, Is.EqualTo(new[] { new CollectedDigits("order-number", "orderNumber", "1234") }));
        Assert.That(offered.CallerId, Is.EqualTo("+12025550143"));
    }

    [Test]
    public void AcceptingTalks_UntilTheAgentHangsUp_ThenWrapUpLastsUntilTheySayItIsDone()
    {
        var center = new TestCenter(Seat("Lena"));
        var (live, lena) = ReadySeat(center, "Lena");
        var call = center.Call("0");
        center.Wait(3);

        Assert.That(live.Accept(lena), Is.True);
        Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.OnCall));
        Assert.That(live.TalkingTo(lena)!.Reference, Is.EqualTo(call.Reference.ToString()));
        center.Wait(3600);
        Assert.That(call.State, Is.EqualTo(CallState.WithAgent), "a live agent talks as long as they like");

        Assert.That(live.HangUp(lena), Is.True);
        Assert.That(call.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.AnsweredByAgent));
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.WrapUp));
        center.Wait(3600);
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.WrapUp), "wrap-up lasts until the agent says it is done");

        Assert.That(live.WrapUpDone(lena), Is.True);
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.Ready));
        Assert.That(center.Center.Log.Events.Select(e => e.Type), Is.EqualTo(new[]
        {
            QueueEventType.EnterQueue, QueueEventType.Ring, QueueEventType.Connect, QueueEventType.CompleteAgent,
        }));
    }

    [Test]
    public void ARingNotAccepted_TimesOut_AndThePipelineRingsTheNextAgent()
    {
        var center = new TestCenter(Seat("Lena"), TestCenter.Agent("Sam", talkSeconds: 60));
        var (live, lena) = ReadySeat(center, "Lena");
        var call = center.Call("0");

        center.Wait(14);
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.Ringing));
        center.Wait(1);

        var ringOut = center.Events(QueueEventType.RingNoAnswer).Single();
        Assert.That((ringOut.Agent, ringOut.Ring!.Value.TotalSeconds), Is.EqualTo(("Lena", 15.0)));
        Assert.That(center.Events(QueueEventType.Ring).Select(e => e.Agent), Is.EqualTo(new[] { "Lena", "Sam" }));
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.Ready));
        Assert.That(live.Accept(lena), Is.False, "the offer is gone");
        center.Wait(2);
        Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
        Assert.That(center.Events(QueueEventType.Connect).Single().Agent, Is.EqualTo("Sam"));
    }

    [Test]
    public void ADeclinedRing_IsARingOutAtOnce_AndTheNextAgentIsRung()
    {
        var center = new TestCenter(Seat("Lena"), TestCenter.Agent("Sam", talkSeconds: 60));
        var (live, lena) = ReadySeat(center, "Lena");
        var seen = Record(live);
        center.Call("0");
        center.Wait(5);

        Assert.That(live.Decline(lena), Is.True);

        var ringOut = center.Events(QueueEventType.RingNoAnswer).Single();
        Assert.That((ringOut.Agent, ringOut.Detail), Is.EqualTo(("Lena", "declined")));
        Assert.That(center.Events(QueueEventType.Ring).Last().Agent, Is.EqualTo("Sam"));
        Assert.That(seen.Where(e => e.Kind != LiveAgentEventKind.StateChanged).Select(e => e.Kind), Is.EqualTo(new[] { LiveAgentEventKind.Offered, LiveAgentEventKind.Declined }));
    }

    [Test]
    public void AnAgentWhoDeclinesThreeTimes_IsTakenOutOfRotation_ByTheCircuitBreaker()
    {
        var center = new TestCenter(Seat("Lena"), TestCenter.Agent("Sam", talkSeconds: 1));
        var (live, lena) = ReadySeat(center, "Lena");
        for (var i = 0; i < 3; i++)
        {
            center.Call("0", seed: i + 1);
            center.Wait(1);
            Assert.That(live.Decline(lena), Is.True, $"offer {i + 1}");
            center.Wait(10);
        }

        center.Call("0", seed: 9);
        center.Wait(1);

        Assert.That(center.Events(QueueEventType.Pause).Single().Agent, Is.EqualTo("Lena"));
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.Ready));
        Assert.That(live.OfferedTo(lena), Is.Null, "out of rotation: not offered the fourth call");
    }

    [Test]
    public void InARingAll_TheFirstLiveAgentToAccept_TakesTheCall_AndTheOthersOfferIsWithdrawn()
    {
        var center = new TestCenter(QueueMenus.With("\"strategy\": \"ring-all\""), Seat("Lena", "a"), Seat("Omar", "a"));
        var (live, lena) = ReadySeat(center, "Lena");
        var (_, omar) = ReadySeat(center, "Omar");
        var seen = Record(live);
        var call = center.Call("1");
        center.Wait(2);
        Assert.That((live.StatusOf(lena), live.StatusOf(omar)), Is.EqualTo((LiveAgentStatus.Ringing, LiveAgentStatus.Ringing)));

        Assert.That(live.Accept(omar), Is.True);

        Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
        Assert.That((live.StatusOf(lena), live.StatusOf(omar)), Is.EqualTo((LiveAgentStatus.Ready, LiveAgentStatus.OnCall)));
        Assert.That(seen.Where(e => e.Kind is not LiveAgentEventKind.StateChanged and not LiveAgentEventKind.Offered).Select(e => $"{e.Kind} {e.Agent}"),
            Is.EquivalentTo(new[] { "OfferWithdrawn Lena", "Connected Omar" }));
        Assert.That(center.Events(QueueEventType.RingNoAnswer), Is.Empty, "a ring stopped by another's answer is no ring-out");
    }

    [Test]
    public void InARingAll_ASecondAcceptInTheSameTurn_IsRefused_AndThatAgentIsOfferedTheNextCaller()
    {
        // The calls' thread queues posted work: the stop sent to the other offers runs after this turn.
        var posted = new Queue<Action>();
        var center = new TestCenter(QueueMenus.With("\"strategy\": \"ring-all\""), posted.Enqueue, Seat("Lena", "a"), Seat("Omar", "a"));
        void RunPosted()
        {
            while (posted.TryDequeue(out var work)) work();
        }
        var (live, lena) = ReadySeat(center, "Lena");
        var (_, omar) = ReadySeat(center, "Omar");
        var first = center.Call("1");
        center.Wait(2);
        RunPosted();
        Assert.That((live.StatusOf(lena), live.StatusOf(omar)), Is.EqualTo((LiveAgentStatus.Ringing, LiveAgentStatus.Ringing)));

        // Both press accept; the requests reach the calls' thread in one turn.
        Assert.That(live.Accept(omar), Is.True);
        Assert.That(live.Accept(lena), Is.False, "the call is Omar's: Lena's offer was stopped, though the stop has not reached her seat yet");
        RunPosted();

        Assert.That(first.State, Is.EqualTo(CallState.WithAgent));
        Assert.That((live.StatusOf(lena), live.StatusOf(omar)), Is.EqualTo((LiveAgentStatus.Ready, LiveAgentStatus.OnCall)));
        center.Call("1", seed: 2);
        center.Wait(2);
        RunPosted();
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.Ringing), "Lena is offered the next caller");
    }

    [Test]
    public void AnAgentsTransfer_HandsTheCallerToTheOtherQueue_AndTheAgentWrapsUp()
    {
        var center = new TestCenter(Seat("Lena"), TestCenter.Agent("Rita", "retention", talkSeconds: 60));
        var (live, lena) = ReadySeat(center, "Lena");
        var seen = Record(live);
        var call = center.Call("0");
        center.Wait(2);
        live.Accept(lena);

        Assert.That(live.Transfer(lena, "retention"), Is.True);
        center.Wait(2);

        Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
        Assert.That(center.Events(QueueEventType.Connect).Last().Agent, Is.EqualTo("Rita"));
        Assert.That(center.Events(QueueEventType.Transfer).Single().Detail, Is.EqualTo("retention"));
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.WrapUp));
        Assert.That(seen.Single(e => e.Kind == LiveAgentEventKind.Ended).Detail, Is.EqualTo("transferred:retention"));
        Assert.That(live.Transfer(lena, "retention"), Is.False, "nobody to transfer in wrap-up");
    }

    [Test]
    public void SigningOutMidCall_EndsTheCallAnswered_AndTheSeatIsFreeForTheNextPerson()
    {
        var center = new TestCenter(Seat("Lena"));
        var (live, lena) = ReadySeat(center, "Lena");
        var call = center.Call("0");
        center.Wait(2);
        live.Accept(lena);

        Assert.That(live.SignOut(lena), Is.True);

        Assert.That(call.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.AnsweredByAgent));
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.SignedOut));
        Assert.That(lena.State, Is.EqualTo(AgentState.Away));
        var next = center.Call("0", seed: 2);
        center.Wait(60);
        Assert.That(next.State, Is.EqualTo(CallState.Queued), "nobody answers a signed-out seat");
        Assert.That(live.SignIn(lena), Is.True, "the seat takes the next person");
    }

    [Test]
    public void NotReadyWhileRinging_LetsTheCallGoToTheNextAgent_AndTheSeatStopsTakingCalls()
    {
        var center = new TestCenter(Seat("Lena"), TestCenter.Agent("Sam", talkSeconds: 60));
        var (live, lena) = ReadySeat(center, "Lena");
        var call = center.Call("0");
        center.Wait(1);

        Assert.That(live.NotReady(lena, "lunch"), Is.True);
        center.Wait(2);

        Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
        Assert.That(center.Events(QueueEventType.Connect).Single().Agent, Is.EqualTo("Sam"));
        Assert.That((live.StatusOf(lena), live.ReasonOf(lena)), Is.EqualTo((LiveAgentStatus.NotReady, "lunch")));
        Assert.That(lena.State, Is.EqualTo(AgentState.Away));
    }

    [Test]
    public void ActionsTheStatusCannotTake_AreRefused_AndChangeNothing()
    {
        var center = new TestCenter(Seat("Lena"), TestCenter.Agent("Sam"));
        var live = center.Center.Live;
        var lena = live.Find("Lena")!;

        Assert.That(live.Ready(lena), Is.False, "signed out");
        live.SignIn(lena);
        Assert.Multiple(() =>
        {
            Assert.That(live.SignIn(lena), Is.False, "already signed in");
            Assert.That(live.Accept(lena), Is.False);
            Assert.That(live.Decline(lena), Is.False);
            Assert.That(live.HangUp(lena), Is.False);
            Assert.That(live.WrapUpDone(lena), Is.False);
            Assert.That(live.SignIn(live.Find("Sam")!), Is.False, "a simulated agent is no seat");
        });
        Assert.That(live.StatusOf(lena), Is.EqualTo(LiveAgentStatus.NotReady));
    }

    [Test]
    public void APersonSigningInWithQueuesOfTheirOwn_JoinsThoseQueues()
    {
        var center = new TestCenter(TestCenter.Agent("Sam", "billing"));
        var live = center.Center.Live;
        var call = center.Call("0");

        var kim = live.SignInNew("Kim", new Dictionary<string, int> { ["general"] = 1 });
        live.Ready(kim);

        Assert.That(live.OfferedTo(kim)!.Reference, Is.EqualTo(call.Reference.ToString()));
        Assert.That(center.Center.Agents, Has.Member(kim));
    }

    [Test]
    public void AStaffingFile_MayMixLiveSeatsAndSimulatedAgents_AndALiveSeatTakesNoSimulatedTraits()
    {
        var menu = IvrEngine.Menus.MenuLoader.LoadFile(RepoPaths.BundledMenu).Menu!;
        var mixed = StaffingLoader.Load(Encoding.UTF8.GetBytes("""
            { "agents": [ { "name": "Desk", "count": 2, "live": true, "queues": { "general": 1 }, "wrapUpSeconds": 45 },
                          { "name": "Maria", "queues": { "general": 1 } } ] }
            """), "mixed.staffing.json", menu);
        Assert.That(mixed.Diagnostics, Is.Empty, string.Join("\n", mixed.Diagnostics));
        Assert.That(mixed.Plan!.Agents.Select(a => (a.Name, a.Live)), Is.EqualTo(new[] { ("Desk 1", true), ("Desk 2", true), ("Maria", false) }));

        var wrong = StaffingLoader.Load(Encoding.UTF8.GetBytes("""
            { "agents": [ { "name": "Desk", "live": true, "queues": { "general": 1 }, "answerSeconds": 4 },
                          { "name": "Olga", "live": "yes", "queues": { "general": 1 } } ] }
            """), "wrong.staffing.json", menu);
        Assert.That(wrong.Succeeded, Is.False);
        var found = wrong.Diagnostics.Select(d => $"{d.Code} {d.Line}:{d.Column} {d.Message}").ToList();
        Assert.That(found, Has.Count.EqualTo(2));
        Assert.That(found[0], Is.EqualTo("IVR0003 1:75 answerSeconds of agents[0] is for simulated agents; agents[0] is a live seat, whose person answers, talks and transfers themselves (wrapUpSeconds is the wrap-up wait estimates expect of them)"));
        Assert.That(found[1], Does.StartWith("IVR0002 2:41 live of agents[1] must be true or false"));
    }

    [Test]
    public void TheBundledDeskStaffing_Loads_AndMatchesTheSchema_WhichRefusesSimulatedTraitsOnALiveSeat()
    {
        var menu = IvrEngine.Menus.MenuLoader.LoadFile(RepoPaths.BundledMenu).Menu!;
        var path = Path.Combine(RepoPaths.Menus, "carrier-support.desk.staffing.json");
        var loaded = StaffingLoader.LoadFile(path, menu);
        Assert.That(loaded.Diagnostics, Is.Empty, string.Join("\n", loaded.Diagnostics));
        Assert.That(loaded.Plan!.Agents.Where(a => a.Live).Select(a => a.Name), Is.EqualTo(new[] { "Desk 1", "Desk 2" }));

        // A registry of its own, so building the schema never clashes with another test's registration of its $id.
        var schema = Json.Schema.JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Menus, "schema", "staffing.schema.json")),
            new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() });
        var options = new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path), options);
        Assert.That(schema.Evaluate(document.RootElement).IsValid, Is.True);
        using var wrong = System.Text.Json.JsonDocument.Parse("""{ "agents": [ { "name": "Desk", "live": true, "queues": { "general": 1 }, "answerSeconds": 4 } ] }""");
        Assert.That(schema.Evaluate(wrong.RootElement).IsValid, Is.False);
    }

    private static (LiveAgents Live, Agent Agent) ReadySeat(TestCenter center, string name)
    {
        var live = center.Center.Live;
        var agent = live.Find(name)!;
        Assert.That(live.SignIn(agent) && live.Ready(agent), Is.True);
        return (live, agent);
    }

    private static List<LiveAgentEvent> Record(LiveAgents live)
    {
        var seen = new List<LiveAgentEvent>();
        live.Happened += seen.Add;
        return seen;
    }
}
