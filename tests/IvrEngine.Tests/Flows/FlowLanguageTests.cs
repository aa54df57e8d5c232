using IvrEngine.Flows;

namespace IvrEngine.Tests.Flows;

/// <summary>Pattern flags, every diagnostic of a file in one pass, and runs that keep going past a failed expectation.</summary>
public sealed class FlowLanguageTests
{
    [Test]
    public void APatternWithTheIFlag_IgnoresCase()
    {
        using var folder = new FlowFolder();

        var results = folder.Run("flags.flow", "menu: test-line.json\npress 1\nexpect prompt /BILLING\\. for YOUR balance/i\nexpect no prompt /GOODBYE/i\n");

        Assert.That(results.Single().Failure, Is.Null);
    }

    [Test]
    public void APatternWithoutTheIFlag_StillMatchesCase()
    {
        using var folder = new FlowFolder();

        var result = folder.Run("case.flow", "menu: test-line.json\npress 1\nexpect prompt /BILLING/").Single();

        Assert.That(result.Failure, Does.Contain("matching /BILLING/"));
    }

    [Test]
    public void APatternWithNestedQuantifiers_IsMatchedInLinearTime_NotTimedOutAsAnEngineFault()
    {
        using var folder = new FlowFolder();

        // On a backtracking engine this pattern runs past its 1 s timeout on any long prompt that fails
        // it, and the flow failed with "the engine threw RegexMatchTimeoutException".
        var result = folder.Run("nested.flow", "menu: test-line.json\nexpect prompt /^(\\w+\\s?)*$/\n").Single();

        Assert.That(result.Failure, Does.Contain("matching /^(\\w+\\s?)*$/").And.Not.Contain("RegexMatchTimeoutException"));
    }

    [Test]
    public void APatternThatNeedsBacktracking_StillWorks()
    {
        using var folder = new FlowFolder();

        var results = folder.Run("lookahead.flow", "menu: test-line.json\npress 1\nexpect prompt /(?=Billing)Bill(?!ion)/\nexpect prompt /(B)illing\\. For your balance, press 1/\n");

        Assert.That(results.Single().Failure, Is.Null);
    }

    [TestCase("/billing/q")]
    [TestCase("/billing/ii")]
    public void UnknownOrRepeatedFlags_AreAFlow0003(string pattern)
    {
        using var folder = new FlowFolder();
        var path = folder.Write("bad.flow", $"menu: test-line.json\npress 1\nexpect prompt {pattern}\n");

        var suite = new FlowLoader().Load([path]);

        Assert.That(suite.Diagnostics.Select(d => $"{d.At.Line} {d.Code}"), Is.EqualTo(new[] { "3 FLOW0003" }));
    }

    [Test]
    public void SyntaxAndNameErrors_AreReportedTogether_InLineOrder()
    {
        using var folder = new FlowFolder();
        var path = folder.Write("both.flow", "menu: test-line.json\nexpect node billingg\npress x\nexpect queued nowhere\nwait 0s\n");

        var suite = new FlowLoader().Load([path]);

        Assert.That(suite.Diagnostics.Select(d => $"{d.At.Line} {d.Code}"), Is.EqualTo(new[] { "2 FLOW0007", "3 FLOW0003", "4 FLOW0007", "5 FLOW0003" }));
        Assert.That(suite.Cases, Is.Empty, "a file with problems runs none of its flows");
    }

    [Test]
    public void KeepGoing_ReportsEveryFailedExpectation_ButStopsAtAStepItCannotDo()
    {
        using var folder = new FlowFolder();
        var path = folder.Write("many.flow", "menu: test-line.json\npress 1\nexpect node plans\nexpect prompt \"nope\"\nexpect node billing\nexpect variable orderNumber = 1\n");
        var flowCase = new FlowLoader().Load([path]).Cases.Single();

        var first = new FlowRunner(TimeProvider.System).Run(flowCase).Failure!;
        var every = new FlowRunner(TimeProvider.System) { KeepGoing = true }.Run(flowCase).Failure!;

        Assert.That(first, Does.Contain("many.flow(3,1)").And.Not.Contain("many.flow(4,1)"));
        Assert.That(every, Does.Contain("many.flow(3,1)").And.Contain("many.flow(4,1)").And.Contain("many.flow(6,1)").And.Not.Contain("many.flow(5,1)"));
    }
}
