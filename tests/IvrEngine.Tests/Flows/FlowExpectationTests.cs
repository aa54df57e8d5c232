namespace IvrEngine.Tests.Flows;

/// <summary>Each expectation passes when the call shows it and fails, with a message naming the step, when it does not.</summary>
public sealed class FlowExpectationTests
{
    private const string Header = "menu: test-line.json\nat: 2026-11-30 09:15 America/New_York\nseed: 7\n";

    [TestCase("press 1\nexpect prompt \"Billing. For your balance\"")]
    [TestCase("press 1\nexpect prompt /balance, press [0-9]/")]
    [TestCase("press 1\nexpect no prompt \"Plan 10\"")]
    [TestCase("press 1\nexpect node billing")]
    [TestCase("press 2\nexpect state collecting-digits")]
    [TestCase("press 12\nexpect queued billing")]
    [TestCase("press 12\nexpect outcome transferred billing")]
    [TestCase("press 12\nexpect outcome transferred")]
    [TestCase("press 11\nexpect outcome self-service\nexpect reference")]
    [TestCase("hangup\nexpect outcome hung-up")]
    [TestCase("press 2\npress 12345#\nexpect variable orderNumber = 12345")]
    [TestCase("wait 5s\nexpect prompt \"Press 1, 2 or 3.\"")]
    [TestCase("wait\nexpect prompt \"Press 1, 2 or 3.\"")]
    [TestCase("say I want to pay my bill\nexpect node billing")]
    public void Passes_WhenTheCallShowsIt(string steps)
    {
        using var folder = new FlowFolder();

        var result = folder.Run("pass.flow", Header + steps).Single();

        Assert.That(result.Failure, Is.Null, result.Failure);
    }

    [TestCase("press 1\nexpect prompt \"Plans.\"", "expected a prompt since `press 1` containing \"Plans.\"", "but      the line said \"Billing. For your balance")]
    [TestCase("press 1\nexpect prompt /^Plans/", "expected a prompt since `press 1` matching /^Plans/", "the line said \"Billing.")]
    [TestCase("press 1\nexpect no prompt \"Main menu\"", "expected no prompt mentioning \"Main menu\"", "but      the line said \"Main menu. For billing")]
    [TestCase("press 1\nexpect node plans", "expected the caller at node 'plans'", "but      the caller is at node 'billing' (path main > billing)")]
    [TestCase("press 1\nexpect state ended", "expected the call ended", "but      it is in-menu")]
    [TestCase("press 1\nexpect queued billing", "expected the call handed to queue billing", "but      the call has not ended (at node 'billing', in-menu)")]
    [TestCase("press 12\nexpect queued general", "expected the call handed to queue general", "but      the call ended: transferred to queue billing (chose payment arrangement)")]
    [TestCase("press 12\nexpect outcome self-service", "expected the call ended: self-service", "but      the call ended: transferred to queue billing")]
    [TestCase("press 13\nexpect reference", "expected a prompt telling the caller the reference number", "but      no prompt so far says it")]
    [TestCase("press 2\npress 12345#\nexpect variable orderNumber = 999", "expected orderNumber = 999", "but      orderNumber = 12345")]
    [TestCase("expect variable orderNumber = 1", "expected orderNumber = 1", "but      no value for orderNumber was collected")]
    [TestCase("press 1\nwait 1s\nexpect prompt \"Billing\"", "expected a prompt since `wait 1s` containing \"Billing\"", "but      the line said nothing since `wait 1s`")]
    public void Fails_WithAMessageNamingTheStep_WhatWasExpected_AndWhatHappened(string steps, string expected, string actual)
    {
        using var folder = new FlowFolder();

        var result = folder.Run("fail.flow", Header + steps).Single();

        folder.AssertFailedAtLastStep(result, "fail.flow", Header, steps, expected, actual);
        Assert.That(result.Failure, Does.Contain("  last lines of the call:\n    [0:0"));
    }

    [Test]
    public void StepsRunInTheirLocaleOnly_AndTheFlowRunsOncePerLocale()
    {
        using var folder = new FlowFolder();

        var results = folder.Run("both.flow", """
            menu: test-line.json
            locale: en-US, ru-RU
            [en-US] say pay my bill
            [ru-RU] say оплата
            expect node billing
            [en-US] expect prompt "Billing."
            [ru-RU] expect prompt "Оплата."
            """);

        Assert.That(results.Select(r => (r.Case.Name, r.Failure)), Is.EqualTo(new[] { ("both [en-US]", (string?)null), ("both [ru-RU]", null) }));
    }

    [Test]
    public void StartTime_SetsTheVirtualClock_WhichTheTranscriptShows()
    {
        using var folder = new FlowFolder();

        var result = folder.Run("time.flow", "menu: test-line.json\nat: Monday 09:59 America/New_York\nwait 5s\nexpect node main\n").Single();

        Assert.That(result.Call.Transcript.ToJsonLines(), Does.StartWith("{\"at\":\"2026-11-30T14:59:00Z\",\"type\":\"call-started\""));
        Assert.That(result.Call.Transcript.Events[^1].At, Is.EqualTo(NodaTime.Instant.FromUtc(2026, 11, 30, 14, 59, 5)));
    }
}
