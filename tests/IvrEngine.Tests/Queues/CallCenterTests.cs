using IvrEngine.Calls;
using IvrEngine.Queues;
using IvrEngine.Tests.Calls;
using NodaTime;

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

    [Test]
    public void AnAgentWhoAnswersAtOnce_TakesTheCallerOnceTheyHaveJoined_AtTheSameInstant()
    {
        // No ring time: the ring completes without waiting, but the caller is put through only after
        // their own move into the queue, so the call is never "with an agent" before it was "queued".
        var center = new TestCenter(TestCenter.Agent("Maria", talkSeconds: 60, answerSeconds: 0));
        var call = center.Call("0");
        center.Wait(0);

        Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
        var events = call.Transcript.Events.Select(e => e.Type).ToList();
        Assert.That(events.IndexOf(CallEventType.QueueJoined), Is.LessThan(events.IndexOf(CallEventType.AgentConnected)));
        Assert.That(events, Does.Not.Contain(CallEventType.InputIgnored));
        Assert.That(center.Events(QueueEventType.Connect).Single().Wait, Is.EqualTo(Duration.Zero));
        center.Wait(60);
        Assert.That(call.Outcome!.Reason, Is.EqualTo("by Maria after 0 s, talked 1:00"));
    }

    [Test]
    public void AnAgentWhoAnswersAtOnce_IsReleased_WhenTheCallerHangsUpAtThatInstant()
    {
        var center = new TestCenter(TestCenter.Agent("Maria", talkSeconds: 60, answerSeconds: 0));
        var call = center.Call("0");
        call.HangUp();
        center.Wait(0);

        Assert.That(call.Outcome!.Kind, Is.Not.EqualTo(CallOutcomeKind.AnsweredByAgent));
        Assert.That(center.Center.Agents.Single().State, Is.EqualTo(AgentState.Available));
        var next = center.Call("0");
        center.Wait(0);
        Assert.That(next.State, Is.EqualTo(CallState.WithAgent), "the agent takes the next caller");
    }

    [Test]
    public void AnAgentWhoAnswersAtOnce_AsTheCallerOverflowsToAnotherQueue_TakesThemThereWithoutLeavingAPlaceBehind()
    {
        // At 60 s the agent comes free (and answers at once) just as the caller's maximum wait in A
        // sends them on to B: the answer for A must not connect the caller, who now waits in B.
        var agent = TestCenter.Agent("Solo", "a,b", talkSeconds: 600, answerSeconds: 0) with { BusyAtStart = Duration.FromSeconds(60) };
        var center = new TestCenter(QueueMenus.With("\"maxWaitSeconds\": 60, \"overflow\": { \"queue\": \"b\" }"), agent);
        var call = center.Call("1");

        center.Wait(60);

        Assert.Multiple(() =>
        {
            Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
            Assert.That(center.Center.Waiting("a"), Is.Zero);
            Assert.That(center.Center.Waiting("b"), Is.Zero, "no place is left behind in B");
            Assert.That(center.Events(QueueEventType.Connect).Single().Queue, Is.EqualTo("b"));
        });
    }

    [Test]
    public void CallersAreServedFifoWithinAPriority_AndHigherPriorityQueuesFirst_OverRandomArrivals()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var center = new TestCenter(QueueMenus.With("\"priority\": 0", "\"priority\": 5"), TestCenter.Agent("Solo", "a,b", talkSeconds: 30));
            var calls = new List<(CallSession Call, int Priority, int Arrival)>();
            for (var i = 0; i < 12; i++)
            {
                var toB = random.Next(2) == 1;
                calls.Add((center.Call(toB ? "2" : "1", seed: i), toB ? 5 : 0, i));
                center.Wait(random.NextDouble() * 3);
            }
            center.Wait(3600);

            var served = center.Events(QueueEventType.Connect).Select(e => e.Reference).ToList();
            Assert.That(calls.All(c => c.Call.Outcome?.Kind == CallOutcomeKind.AnsweredByAgent), Is.True, $"seed {seed}");
            Assert.That(IsServiceOrder(center, calls), Is.True, $"seed {seed}: served {string.Join(", ", served)}");
        }
    }

    /// <summary>Each connect went to the best caller waiting at that moment: highest priority, then earliest.</summary>
    private static bool IsServiceOrder(TestCenter center, List<(CallSession Call, int Priority, int Arrival)> calls)
    {
        var joined = center.Events(QueueEventType.EnterQueue).ToDictionary(e => e.Reference, e => e.At);
        var connected = center.Events(QueueEventType.Connect).ToDictionary(e => e.Reference, e => e.At);
        foreach (var (call, priority, arrival) in calls)
        {
            var reference = call.Reference.ToString();
            var servedAt = connected[reference];
            var ringStarted = servedAt - Duration.FromSeconds(2);
            var betterWaiting = calls.Any(other =>
                other.Call != call
                && joined[other.Call.Reference.ToString()] < ringStarted
                && connected[other.Call.Reference.ToString()] > servedAt
                && (other.Priority > priority || (other.Priority == priority && other.Arrival < arrival)));
            if (betterWaiting) return false;
        }
        return true;
    }

    [TestCase("longest-idle", "Bo")]
    [TestCase("linear", "Abe")]
    [TestCase("fewest-calls", "Dee")]
    [TestCase("round-robin", "Cara")]
    public void EachStrategy_RingsItsAgent(string strategy, string expected)
    {
        // By t = 100 s: Abe took a call and was free at 52 s, Bo took one and was free at 13 s (rung
        // last); Cara logged in at 20 s and Dee at 15 s, neither has taken a call.
        var center = new TestCenter(QueueMenus.With($"\"strategy\": \"{strategy}\""),
            TestCenter.Agent("Abe", "a", talkSeconds: 50), TestCenter.Agent("Bo", "a", talkSeconds: 10),
            TestCenter.Agent("Cara", "a"), TestCenter.Agent("Dee", "a"));
        center.Center.SetAway("Cara", away: true);
        center.Center.SetAway("Dee", away: true);
        center.Call("1", seed: 1);
        center.Wait(1);
        center.Call("1", seed: 2);
        center.Wait(14);
        center.Center.SetAway("Dee", away: false);
        center.Wait(5);
        center.Center.SetAway("Cara", away: false);
        center.Wait(80);

        center.Call("1", seed: 3);

        Assert.That(center.Events(QueueEventType.Ring).Select(e => e.Agent).Take(2), Is.EqualTo(new[] { "Abe", "Bo" }));
        Assert.That(center.Events(QueueEventType.Ring).Last().Agent, Is.EqualTo(expected));
    }

    [Test]
    public void RingAll_RingsEveryFreeAgent_AndTheFirstToAnswerTakesTheCall()
    {
        var center = new TestCenter(QueueMenus.With("\"strategy\": \"ring-all\""),
            TestCenter.Agent("Slow", "a", answerSeconds: 5), TestCenter.Agent("Quick", "a", answerSeconds: 1));
        var call = center.Call("1");
        center.Wait(1);

        Assert.That(center.Events(QueueEventType.Ring).Select(e => e.Agent), Is.EquivalentTo(new[] { "Slow", "Quick" }));
        Assert.That(center.Events(QueueEventType.Connect).Single().Agent, Is.EqualTo("Quick"));
        Assert.That(center.Center.Agents.Single(a => a.Name == "Slow").State, Is.EqualTo(AgentState.Available));
        Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
    }

    [Test]
    public void Random_IsRepeatableForASeed()
    {
        static string[] Rung()
        {
            var center = new TestCenter(QueueMenus.With("\"strategy\": \"random\""),
                TestCenter.Agent("A", "a", talkSeconds: 5), TestCenter.Agent("B", "a", talkSeconds: 5), TestCenter.Agent("C", "a", talkSeconds: 5));
            for (var i = 0; i < 10; i++)
            {
                center.Call("1", seed: i);
                center.Wait(10);
            }
            return [.. center.Events(QueueEventType.Ring).Select(e => e.Agent!)];
        }

        var first = Rung();
        Assert.That(Rung(), Is.EqualTo(first));
        Assert.That(first.Distinct().Count(), Is.GreaterThan(1), "random spreads calls over agents");
    }

    [Test]
    public void TheNextTier_JoinsOnlyAfterTheConfiguredWait()
    {
        var center = new TestCenter(QueueMenus.With("\"nextTierAfterSeconds\": 30"),
            TestCenter.Agent("First", "a:1", talkSeconds: 300), TestCenter.Agent("Second", "a:2"));
        center.Call("1", seed: 1);
        center.Wait(5);
        var waiting = center.Call("1", seed: 2);

        center.Wait(29.9);
        Assert.That(waiting.State, Is.EqualTo(CallState.Queued), "tier 2 may not take the call yet");
        center.Wait(0.1 + 2);

        Assert.That(waiting.State, Is.EqualTo(CallState.WithAgent));
        Assert.That(center.Events(QueueEventType.Connect).Last().Agent, Is.EqualTo("Second"));
    }

    [Test]
    public void AFullQueue_SendsNewCallersToItsOverflow()
    {
        var center = new TestCenter(QueueMenus.With("\"maxLength\": 1, \"overflow\": { \"queue\": \"b\" }"), TestCenter.Agent("Busy", "a,b", talkSeconds: 600));
        center.Call("1", seed: 1);
        center.Wait(3);
        var second = center.Call("1", seed: 2);
        var third = center.Call("1", seed: 3);

        Assert.That(second.QueueVisits.Single().Queue, Is.EqualTo("a"));
        Assert.That(third.QueueVisits.Select(v => v.Queue), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(third.QueueVisits[0].Result, Is.EqualTo("queue full (1 waiting)"));
        Assert.That(center.Events(QueueEventType.Full).Single().Reference, Is.EqualTo(third.Reference.ToString()));
    }

    [Test]
    public void CallersReachingTheMaximumWait_LeaveForTheOverflow()
    {
        var center = new TestCenter(QueueMenus.With("\"maxWaitSeconds\": 120, \"overflow\": { \"goto\": \"bye\" }"), TestCenter.Agent("Busy", "a", talkSeconds: 600));
        center.Call("1", seed: 1);
        center.Wait(3);
        var waiting = center.Call("1", seed: 2);

        center.Wait(120);

        var exit = center.Events(QueueEventType.ExitWithTimeout).Single();
        Assert.That((exit.Position, exit.OriginalPosition, exit.Wait), Is.EqualTo((1, 1, Duration.FromSeconds(120))));
        Assert.That(waiting.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.CompletedInSelfService), "the overflow node says goodbye");
        Assert.That(waiting.Path[^1], Is.EqualTo("bye"));
    }

    [Test]
    public void WithNoAgentLoggedIn_AQueueSetToOverflow_TurnsCallersAway_WithItsMessage()
    {
        var center = new TestCenter(QueueMenus.With("\"whenNoAgents\": \"overflow\""), TestCenter.Agent("Off", "a"));
        center.Center.SetAway("Off", away: true);

        var call = center.Call("1");

        Assert.That(center.Events(QueueEventType.JoinEmpty), Has.Exactly(1).Items);
        Assert.That(call.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.CompletedInSelfService));
        Assert.That(TestCenter.Prompts(call).Last(), Does.StartWith("We're sorry, no one can take your call right now."));
    }

    [Test]
    public void WithNoAgentLoggedIn_ADefaultQueue_LetsCallersJoinAndWait()
    {
        var center = new TestCenter(QueueMenus.With(), TestCenter.Agent("Later", "a"));
        center.Center.SetAway("Later", away: true);
        var call = center.Call("1");
        center.Wait(300);
        Assert.That(call.State, Is.EqualTo(CallState.Queued));

        center.Center.SetAway("Later", away: false);
        center.Wait(2);

        Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
    }

    [Test]
    public void WhenTheLastAgentLogsOut_AQueueSetToLeaveWhenEmpty_SendsItsCallersOut()
    {
        var center = new TestCenter(QueueMenus.With("\"leaveWhenEmpty\": true, \"overflow\": { \"goto\": \"bye\" }"), TestCenter.Agent("Only", "a", talkSeconds: 60));
        center.Call("1", seed: 1);
        center.Wait(3);
        var waiting = center.Call("1", seed: 2);
        center.Wait(60);
        Assert.That(waiting.State, Is.EqualTo(CallState.Queued), "the only agent is still on the first call");

        var late = center.Call("1", seed: 3);
        center.Center.SetAway("Only", away: true);

        Assert.That(center.Events(QueueEventType.ExitEmpty), Is.Empty, "an agent on a call finishes it before logging out");
        center.Wait(62);

        Assert.That(center.Center.Agents.Single().State, Is.EqualTo(AgentState.Away));
        Assert.That(center.Events(QueueEventType.ExitEmpty).Single().Reference, Is.EqualTo(late.Reference.ToString()));
        Assert.That(late.Path[^1], Is.EqualTo("bye"));
    }

    [Test]
    public void AnUnansweredRing_TimesOut_AndTheCallIsRedirectedToTheNextAgent()
    {
        var center = new TestCenter(QueueMenus.With("\"ringSeconds\": 10, \"strategy\": \"linear\""),
            TestCenter.Agent("Away", "a", noAnswer: 1), TestCenter.Agent("There", "a"));
        var call = center.Call("1");

        center.Wait(9.9);
        Assert.That(center.Events(QueueEventType.RingNoAnswer), Is.Empty);
        center.Wait(0.1);
        Assert.That(center.Events(QueueEventType.RingNoAnswer).Single().Agent, Is.EqualTo("Away"));
        Assert.That(center.Events(QueueEventType.RingNoAnswer).Single().Ring, Is.EqualTo(Duration.FromSeconds(10)));
        center.Wait(2);

        Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
        Assert.That(center.Events(QueueEventType.Connect).Single().Agent, Is.EqualTo("There"));
    }

    [Test]
    public void AnAgentWhoKeepsNotAnswering_IsTakenOutOfRotation_AndComesBackLater()
    {
        var center = new TestCenter(QueueMenus.With("\"ringSeconds\": 5, \"ringAttempts\": 1"), TestCenter.Agent("Napping", "a", noAnswer: 1));
        var call = center.Call("1");

        center.Wait(15);
        Assert.That(center.Events(QueueEventType.RingNoAnswer).Count(), Is.EqualTo(3));
        Assert.That(center.Events(QueueEventType.Pause).Single().Agent, Is.EqualTo("Napping"));

        center.Wait(299);
        Assert.That(center.Events(QueueEventType.Ring).Count(), Is.EqualTo(3), "out of rotation for five minutes");

        center.Wait(1);
        Assert.That(center.Events(QueueEventType.Ring).Count(), Is.EqualTo(4), "back in rotation for a trial ring");
        Assert.That(call.State, Is.EqualTo(CallState.Queued));
    }

    [Test]
    public void AnAgentTransfer_KeepsTheReferenceNumber_AndTheTranscriptShowsTheHandOff()
    {
        var center = new TestCenter(QueueMenus.With(), TestCenter.Agent("Front", "a", talkSeconds: 600), TestCenter.Agent("Retention", "b", talkSeconds: 60));
        var call = center.Call("1");
        var reference = call.Reference;
        center.Wait(30);

        center.Center.TransferByAgent(call, "b");
        center.Wait(2);

        Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
        Assert.That(call.Reference, Is.EqualTo(reference));
        var handOff = call.Transcript.Events.Single(e => e.Type == CallEventType.AgentHandOff);
        Assert.That((handOff.Text, handOff.Detail), Is.EqualTo(("b", $"from Front, reference {reference} kept")));
        var transfer = center.Events(QueueEventType.Transfer).Single();
        Assert.That((transfer.Queue, transfer.Agent, transfer.Detail, transfer.Talk), Is.EqualTo(("a", "Front", "b", Duration.FromSeconds(28))));
        Assert.That(center.Events(QueueEventType.Connect).Last().Reference, Is.EqualTo(reference.ToString()));
    }

    [Test]
    public void AHangUpWhileWaiting_IsAnAbandonWithTheWaitSoFar()
    {
        var center = new TestCenter(QueueMenus.With(), TestCenter.Agent("Busy", "a", talkSeconds: 600));
        center.Call("1", seed: 1);
        center.Wait(3);
        var quitter = center.Call("1", seed: 2);
        var early = center.Call("1", seed: 3);
        center.Wait(3);
        early.HangUp();
        center.Wait(40);

        quitter.HangUp();

        var abandons = center.Events(QueueEventType.Abandon).ToList();
        Assert.That(abandons.Select(a => (a.Position, a.OriginalPosition, a.Wait)), Is.EqualTo(new[]
        {
            ((int?)2, (int?)2, (Duration?)Duration.FromSeconds(3)),
            (1, 1, Duration.FromSeconds(43)),
        }));
        Assert.That(quitter.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.AbandonedInQueue));
        var figures = center.Center.Statistics("a");
        Assert.That((figures.Abandoned, figures.AbandonedWithin5Seconds), Is.EqualTo((2, 1)));
    }

    [Test]
    public void Announcements_ComeOnJoiningAndThenEveryInterval_BetweenHoldMusic()
    {
        var center = new TestCenter(QueueMenus.With("\"announce\": { \"everySeconds\": 30, \"music\": \"jazz\" }"), TestCenter.Agent("Busy", "a", talkSeconds: 600));
        center.Call("1", seed: 1);
        center.Wait(3);
        var call = center.Call("1", seed: 2);
        center.Wait(65);

        var queueEvents = call.Transcript.Events
            .SkipWhile(e => e.Type != CallEventType.QueueJoined)
            .Where(e => e.Type is CallEventType.Prompt or CallEventType.HoldMusic)
            .Select(e => ((int)(e.At - call.StartedAt).TotalSeconds, e.Type == CallEventType.HoldMusic ? $"music {e.Text}" : e.Text))
            .ToList();
        Assert.That(queueEvents, Is.EqualTo(new[]
        {
            ((int, string?))(0, "You are number 1 in line."),
            (0, "We can't estimate your wait just yet. Thank you for holding."),
            (0, "music jazz"),
            (30, "You are number 1 in line."),
            (30, "We can't estimate your wait just yet. Thank you for holding."),
            (30, "music jazz"),
            (60, "You are number 1 in line."),
            (60, "We can't estimate your wait just yet. Thank you for holding."),
            (60, "music jazz"),
        }));
    }

    [Test]
    public void OnceThereIsHistory_AnnouncementsGiveAnExpectedWait()
    {
        var center = new TestCenter(QueueMenus.With(), TestCenter.Agent("Steady", "a", talkSeconds: 120));
        for (var i = 0; i < 3; i++)
        {
            center.Call("1", seed: i);
            center.Wait(130);
        }
        center.Call("1", seed: 10);
        center.Wait(32);

        var call = center.Call("1", seed: 11);

        // The agent started 30 s ago on a 2-minute average call: free in about 90 s.
        Assert.That(TestCenter.Prompts(call), Does.Contain("Your expected wait is about 2 minutes."));
        Assert.That(center.Center.ExpectedWaitOf(call), Is.EqualTo(Duration.FromSeconds(90)));
    }

    [Test]
    public void ServiceLevels_FollowTheirThreeDefinitions()
    {
        var center = new TestCenter(QueueMenus.With("\"serviceLevelSeconds\": 20, \"maxWaitSeconds\": 300, \"overflow\": { \"goto\": \"bye\" }"),
            TestCenter.Agent("One", "a", talkSeconds: 100));
        center.Call("1", seed: 1);            // answered after 2 s (in time)
        center.Wait(1);
        var late = center.Call("1", seed: 2); // answered after ~101 s (late)
        var quick = center.Call("1", seed: 3);
        center.Wait(10);
        quick.HangUp();                       // abandoned after 10 s (in time)
        var timeout = center.Call("1", seed: 4);
        center.Wait(1000);                    // answered at 206 s, before its 300 s maximum wait

        var figures = center.Center.Statistics("a");
        Assert.That(figures.Offered, Is.EqualTo(4));
        Assert.That(figures.Answered, Is.EqualTo(3));
        Assert.That(figures.Abandoned, Is.EqualTo(1));
        Assert.That(figures.ServiceLevelOfAnswered, Is.EqualTo(1.0 / 3).Within(1e-9));
        Assert.That(figures.ServiceLevelOfAnsweredAndAbandoned, Is.EqualTo(2.0 / 4).Within(1e-9));
        Assert.That(figures.ServiceLevelOfRemoved, Is.EqualTo(2.0 / 4).Within(1e-9));
        // The first answered after 2 s; "late" when the first call ends, 103 s after it joined; "timeout" at 206 s, 195 s after it joined.
        Assert.That(center.Events(QueueEventType.Connect).Select(e => e.Wait), Is.EqualTo(new Duration?[] { Duration.FromSeconds(2), Duration.FromSeconds(103), Duration.FromSeconds(195) }));
        Assert.That(figures.AverageSpeedOfAnswer, Is.EqualTo(Duration.FromSeconds(100)), "(2 + 103 + 195) / 3");
        Assert.That(late.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.AnsweredByAgent));
        Assert.That(timeout.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.AnsweredByAgent));
        // Three 100 s calls in the 1,011 s the agent was logged in (1 + 10 + 1,000 s of waiting).
        Assert.That(figures.Occupancy, Is.EqualTo(300.0 / 1011).Within(1e-12));
    }

    [Test]
    public void TheQueueLog_IsWrittenInAsterisksQueueLogFormat()
    {
        var center = new TestCenter(QueueMenus.With(), TestCenter.Agent("Maria", "a", talkSeconds: 60));
        var call = center.Call("1");
        center.Wait(62);

        var epoch = TestCall.MondayMorning.ToUnixTimeSeconds();
        var reference = call.Reference.ToString();
        Assert.That(center.Center.Log.ToAsteriskQueueLog().Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            $"{epoch}|{reference}|a|NONE|ENTERQUEUE||",
            $"{epoch}|{reference}|a|Maria|RING",
            $"{epoch + 2}|{reference}|a|Maria|CONNECT|2||2",
            $"{epoch + 62}|{reference}|a|Maria|COMPLETEAGENT|2|60|1",
        }));
        Assert.That(center.Center.Log.ToJsonLines(), Does.StartWith($"{{\"at\":\"2026-11-30T14:15:00Z\",\"event\":\"ENTERQUEUE\",\"queue\":\"a\",\"reference\":\"{reference}\",\"position\":1}}\n"));
    }

    [Test]
    public void WithoutACallCenter_ATransferStillEndsTheCallAtTheQueue()
    {
        var call = new TestCall().Press("0");

        Assert.That(call.Session.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.TransferredToQueue));
    }

    [Test]
    public void EveryQueueEvent_HappensOnTheThreadThatMovesTheClock()
    {
        // Polly runs some callbacks on the thread pool; the centre must not use them, or virtual
        // time stops being deterministic and calls see two threads.
        var center = new TestCenter(QueueMenus.With("\"strategy\": \"linear\", \"ringSeconds\": 5"),
            TestCenter.Agent("Napping", "a", noAnswer: 1), TestCenter.Agent("Awake", "a,b", talkSeconds: 30));
        var thread = Environment.CurrentManagedThreadId;
        var elsewhere = 0;
        center.Center.EventRecorded += _ => elsewhere += Environment.CurrentManagedThreadId == thread ? 0 : 1;
        for (var i = 0; i < 20; i++)
        {
            var call = center.Call("1", seed: i);
            center.Wait(3);
            if (i % 3 == 0) center.Center.TransferByAgent(call, "b");
            center.Wait(60);
        }

        Assert.That(elsewhere, Is.Zero);
        Assert.That(center.Events(QueueEventType.Pause), Is.Not.Empty, "the napping agent left rotation");
    }
}
