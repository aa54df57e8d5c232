using IvrEngine.Calls;
using IvrEngine.Flows;

namespace IvrEngine.Tests.Flows;

/// <summary>
/// Flows with simulated agents behind the test line: Ann answers customer care (busy for the first
/// 30 s, picks up in 2 s, talks 10 min, 2 min wrap-up), Ben answers retention.
/// </summary>
public sealed class FlowQueueTests
{
    private const string Header = "menu: test-line.json\nat: 2026-11-30 09:15 America/New_York\nseed: 7\nstaffing: agents.json\n";

    private const string Staffing = """
        {
          "defaults": { "handleTime": { "distribution": "fixed", "meanSeconds": 600 }, "wrapUpSeconds": 120, "answerSeconds": 2, "noAnswerProbability": 0 },
          "agents": [
            { "name": "Ann", "queues": { "general": 1 }, "busyAtStartSeconds": 30 },
            { "name": "Ben", "queues": { "retention": 1, "billing": 1 } }
          ]
        }
        """;

    // Three calls of Ann's end in hand-offs back to customer care: the centre then has handle times
    // to estimate from, and the caller waits for Ann's 2-minute wrap-up.
    private const string ThreeHandOffs = "press 0\nwait 40s\ntransfer general\nwait 130s\ntransfer general\nwait 130s\ntransfer general\n";

    [TestCase("press 0\nexpect queued general\nexpect state queued\nexpect position 1\nexpect position <= 2\nexpect wait unknown")]
    [TestCase("press 0\nwait\nexpect agent\nexpect agent Ann\nexpect state with-agent")]
    [TestCase("press 0\nwait 40s\ntransfer retention\nexpect queued retention\nwait 10s\nexpect agent Ben")]
    [TestCase("press 0\nwait 20s\nhangup\nexpect outcome abandoned general\nexpect outcome abandoned")]
    [TestCase("press 0\nwait 40s\nwait 10m\nexpect outcome answered general\nexpect outcome answered")]
    [TestCase("press 0\nwait 40s\nhangup\nexpect outcome hung-up general")]
    [TestCase(ThreeHandOffs + "expect queued general\nexpect wait <= 3m")]
    public void Passes_WhenTheCallShowsIt(string steps)
    {
        using var folder = WithAgents();

        var result = folder.Run("pass.flow", Header + steps).Single();

        Assert.That(result.Failure, Is.Null, result.Failure);
    }

    [TestCase("press 0\nexpect queued billing", "expected the caller waiting in queue billing", "but      the caller is waiting in queue general at position 1")]
    [TestCase("press 1\nexpect queued general", "expected the caller waiting in queue general", "but      the call has not ended (at node 'billing', in-menu)")]
    [TestCase("press 0\nwait\nexpect queued general", "expected the caller waiting in queue general", "but      the caller is talking to Ann (answered in queue general)")]
    [TestCase("press 0\nexpect position 2", "expected the caller waiting at position 2", "but      the caller is waiting in queue general at position 1")]
    [TestCase("press 1\nexpect position <= 3", "expected the caller waiting at position <= 3", "but      the call has not ended (at node 'billing', in-menu)")]
    [TestCase("press 0\nexpect wait <= 5m", "expected an expected wait of at most 5m", "but      the line has no estimate yet (fewer than three finished calls in the queue); the caller is waiting in queue general at position 1")]
    [TestCase(ThreeHandOffs + "expect wait <= 1m", "expected an expected wait of at most 1m", "but      the line expects 2m; the caller is waiting in queue general at position 1")]
    [TestCase(ThreeHandOffs + "expect wait unknown", "expected no estimate of the wait yet (unknown)", "but      the line expects 2m")]
    [TestCase("press 0\nexpect agent", "expected the caller talking to an agent", "but      the caller is waiting in queue general at position 1")]
    [TestCase("press 0\nwait\nexpect agent Ben", "expected the caller talking to Ben", "but      the caller is talking to Ann (answered in queue general)")]
    [TestCase("press 0\nexpect outcome answered", "expected the call ended: answered", "but      the call has not ended (at node 'main', queued)")]
    [TestCase("press 0\nwait 20s\nhangup\nexpect outcome answered general", "expected the call ended: answered general", "but      the call ended: abandoned in queue general (after 20 s)")]
    [TestCase("press 0\nwait 40s\nwait 10m\nexpect outcome abandoned", "expected the call ended: abandoned", "but      the call ended: answered in queue general (by Ann after 32 s, talked 10:00)")]
    [TestCase("press 0\ntransfer retention", "expected an agent on the line to hand the caller to queue retention", "but      the caller is waiting in queue general at position 1")]
    public void Fails_WithAMessageNamingTheStep_WhatWasExpected_AndWhatHappened(string steps, string expected, string actual)
    {
        using var folder = WithAgents();

        var result = folder.Run("fail.flow", Header + steps).Single();

        folder.AssertFailedAtLastStep(result, "fail.flow", Header, steps, expected, actual);
    }

    [Test]
    public void FailureMessages_ShowTheQueuePartOfTheCall()
    {
        using var folder = WithAgents();

        var failure = folder.Run("tail.flow", Header + "press 0\nwait\nexpect agent Ben").Single().Failure;

        Assert.That(failure, Does.Contain("[0:00] joined queue 'general' (position 1)").And.Contain("[0:32] agent Ann answered (after 32 s in queue general)"));
    }

    [Test]
    public void TheStaffingFileBesideTheMenu_IsUsedByDefault_AndNoneTurnsItOff()
    {
        using var folder = WithAgents();
        folder.Write("test-line.staffing.json", Staffing);

        var byDefault = folder.Run("default.flow", "menu: test-line.json\npress 0\nexpect queued general\nexpect position 1\n").Single();
        var none = folder.Run("none.flow", "menu: test-line.json\nstaffing: none\npress 0\nexpect queued general\nexpect outcome transferred general\n").Single();

        Assert.That(byDefault.Failure, Is.Null, byDefault.Failure);
        Assert.That(byDefault.Call.State, Is.EqualTo(CallState.Queued));
        Assert.That(none.Failure, Is.Null, none.Failure);
    }

    [Test]
    public void WithoutAgents_ExpectQueued_KeepsMeaningTheTransfer()
    {
        using var folder = new FlowFolder();

        var result = folder.Run("plain.flow", "menu: test-line.json\npress 0\nexpect queued general\n").Single();

        Assert.That(result.Failure, Is.Null, result.Failure);
        Assert.That(result.Call.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.TransferredToQueue));
    }

    [Test]
    public void StepsThatNeedAgents_InAFlowWithout_AreReportedBeforeAnythingRuns()
    {
        using var folder = new FlowFolder();
        var path = folder.Write("no-agents.flow", "menu: test-line.json\npress 0\nexpect position 1\nexpect wait unknown\nexpect agent\ntransfer retention\nexpect outcome answered\nexpect state queued\nexpect outcome transferred\n");

        var suite = new FlowLoader().Load([path]);

        Assert.That(suite.Cases, Is.Empty);
        Assert.That(suite.Diagnostics.Select(d => $"{d.At.Line} {d.Code}"), Is.EqualTo(new[] { "3 FLOW0009", "4 FLOW0009", "5 FLOW0009", "6 FLOW0009", "7 FLOW0009", "8 FLOW0009" }));
        Assert.That(suite.Diagnostics[0].Message, Is.EqualTo("`expect position 1` needs simulated agents, and this flow has none (no test-line.staffing.json beside the menu); give it a staffing: file"));
    }

    [Test]
    public void StaffingProblems_AndNamesTheStaffingLacks_AreLocatedErrors()
    {
        using var folder = WithAgents();
        var missing = folder.Write("missing.flow", "menu: test-line.json\nstaffing: nobody.json\npress 0\n");
        var names = folder.Write("names.flow", Header + "press 0\nexpect agent Anne\ntransfer retension\n");
        folder.Write("bad.json", "{ \"agents\": [ { \"name\": \"X\", \"queues\": { \"nowhere\": 1 } } ] }");
        var bad = folder.Write("bad.flow", "menu: test-line.json\nstaffing: bad.json\npress 0\n");

        var suite = new FlowLoader().Load([missing, names, bad]);

        Assert.That(suite.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            $"{bad}(2,11): error FLOW0009: the staffing file '{Path.Combine(folder.Path, "bad.json")}' has 1 error(s), the first at line 1, column 42: queues of agents[0] names queue 'nowhere', which the menu does not declare",
            $"{missing}(2,11): error FLOW0009: there is no staffing file '{Path.Combine(folder.Path, "nobody.json")}'; name one, or write staffing: none",
            $"{names}(6,1): error FLOW0007: the staffing file has no agent 'Anne'; did you mean 'Ann'?",
            $"{names}(7,1): error FLOW0007: the menu has no queue 'retension'; did you mean 'retention'?",
        }));
    }

    [TestCase("expect position 0", "FLOW0003")]
    [TestCase("expect position < 3", "FLOW0003")]
    [TestCase("expect wait 5m", "FLOW0003")]
    [TestCase("expect wait <= soon", "FLOW0003")]
    [TestCase("expect agent \"\"", "FLOW0003")]
    [TestCase("expect outcome answered billing extra", "FLOW0003")]
    [TestCase("transfer", "FLOW0003")]
    [TestCase("transfer to retention", "FLOW0003")]
    [TestCase("expect queue general", "FLOW0002")]
    public void MalformedQueueSteps_AreReported(string step, string code)
    {
        using var folder = new FlowFolder();
        var path = folder.Write("bad.flow", "menu: test-line.json\n" + step + "\n");

        Assert.That(FlowParser.ParseFile(path).Diagnostics.Select(d => $"{d.At.Line} {d.Code}"), Is.EqualTo(new[] { $"2 {code}" }));
    }

    [Test]
    public void ARecordedCallThatQueued_RunsAsAFlow_AndPasses()
    {
        using var folder = WithAgents();
        // Record a call run by a flow (the same engine as the console), then replay the recording.
        var call = folder.Run("source.flow", Header + "press 0\nwait 40s\ntransfer retention\nwait 30s\nhangup\n").Single().Call;

        var flow = FlowRecorder.Write(call, "test-line.json", seed: 7, PromptPacing.Instant, staffing: "agents.json");
        var replay = folder.Run("recorded.flow", flow).Single();

        Assert.That(replay.Failure, Is.Null, flow);
        Assert.That(flow, Does.Contain("staffing: agents.json\n"));
        Assert.That(flow, Does.Contain("press 0\nexpect prompt \"Please hold while I connect you to customer care.\"\nexpect reference\n"));
        Assert.That(flow, Does.Contain("expect queued general\nexpect position 1\n\nwait 32s\nexpect agent Ann\n\nwait 8s\ntransfer retention\n"));
        Assert.That(flow, Does.Contain("expect queued retention\nexpect position 1\n\nwait 2s\nexpect agent Ben\n\nwait 28s\nhangup\nexpect outcome hung-up retention\n"));
        Assert.That(replay.Call.Transcript.ToJsonLines(), Is.EqualTo(call.Transcript.ToJsonLines()), "the replay is the same call");
    }

    [Test]
    public void Coverage_CountsHowCallsLeftEachQueueTheyWaitedIn()
    {
        using var folder = WithAgents();
        var results = folder.Run("outcomes.flow", Header + """
            flow: answered
            press 0
            wait 11m
            expect outcome answered general

            flow: abandoned
            press 0
            hangup

            flow: handed off
            press 0
            wait 40s
            transfer retention
            wait 5s
            expect agent Ben
            """);

        var row = FlowCoverage.Of(results).Single().Rows.Single(r => r.Name == "queue outcomes");

        Assert.That((row.Covered, row.Total, row.CountsTowardHeadline), Is.EqualTo((3, 6, false)));
        Assert.That(row.Missing, Is.EqualTo(new[] { "general: overflowed", "retention: abandoned", "retention: overflowed" }));
    }

    [Test]
    public void Coverage_WithoutAgents_HasNoQueueOutcomesRow()
    {
        using var folder = new FlowFolder();

        var results = folder.Run("plain.flow", "menu: test-line.json\npress 0\n");

        Assert.That(FlowCoverage.Of(results).Single().Rows.Select(r => r.Name), Does.Not.Contain("queue outcomes"));
    }

    private static FlowFolder WithAgents()
    {
        var folder = new FlowFolder();
        folder.Write("agents.json", Staffing);
        return folder;
    }
}
