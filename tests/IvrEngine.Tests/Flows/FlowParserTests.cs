using IvrEngine.Flows;

namespace IvrEngine.Tests.Flows;

public sealed class FlowParserTests
{
    [Test]
    public void EveryProblem_IsReportedAtOnce_WithFileLineColumnAndCode()
    {
        using var folder = new FlowFolder();
        var path = folder.Write("broken.flow", """
            menu: test-line.json
            locale: en-US, xx_YY
            seed: -1

            pres 1
            press 1a
              wait forever
            expect prompt Billing
            expect nod billing
            expect outcome transfered general
            """);

        var result = FlowParser.ParseFile(path);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            $"{path}(2,9): error FLOW0003: 'locale:' lists locale tags once each, separated by commas, e.g. locale: en-US, ru-RU",
            $"{path}(3,7): error FLOW0003: 'seed:' is a whole number 0 or more, not '-1'",
            $"{path}(5,1): error FLOW0002: unknown step 'pres'; did you mean 'press'?; steps are press, say, wait, hangup, transfer, expect and include:",
            $"{path}(6,7): error FLOW0003: 'press' needs phone keys 0-9, * or #, e.g. press 1 or press 1234567#",
            $"{path}(7,8): error FLOW0003: 'forever' is not a time to wait; write e.g. wait 5s, wait 2m or wait 250ms (more than 0, at most a day)",
            $"{path}(8,15): error FLOW0003: 'expect prompt' needs text in double quotes (\"Billing and payments\") or a pattern between slashes (/press [0-9]/, /goodbye/i to ignore case), and nothing after it",
            $"{path}(9,8): error FLOW0002: unknown expectation 'nod'; did you mean 'node'?; expect one of: prompt, no prompt, node, state, queued, position, wait, agent, outcome, reference, variable, callback",
            $"{path}(10,16): error FLOW0003: 'transfered' is not an outcome; did you mean 'transferred'?; outcomes are transferred, answered, abandoned, self-service, hung-up, menu-loop, budget-spent, closed, callback, routing-loop, fault (transferred, answered, abandoned, callback and hung-up may name the queue)",
        }));
    }

    [Test]
    public void MissingMenuLine_AndNoSteps_AreStructureErrors()
    {
        using var folder = new FlowFolder();
        var path = folder.Write("empty.flow", "# nothing here\nseed: 3\n");

        var codes = FlowParser.ParseFile(path).Diagnostics.Select(d => $"{d.At.Line},{d.At.Column} {d.Code}");

        Assert.That(codes, Is.EqualTo(new[] { "1,1 FLOW0004", "1,1 FLOW0008" }));
    }

    [Test]
    public void HeaderAfterSteps_StepsBeforeFirstFlow_AndDuplicateFlowNames_AreLocated()
    {
        using var folder = new FlowFolder();
        var path = folder.Write("order.flow", "menu: test-line.json\npress 1\nflow: a\npress 1\nseed: 4\nflow: A\npress 2\n");

        var codes = FlowParser.ParseFile(path).Diagnostics.Select(d => $"{d.At.Line},{d.At.Column} {d.Code}");

        Assert.That(codes, Is.EqualTo(new[] { "3,1 FLOW0008", "5,1 FLOW0004", "6,1 FLOW0008" }));
    }

    [Test]
    public void ProblemsInAnIncludedStepsFile_PointIntoThatFile_AndAMissingIncludeIsLocated()
    {
        using var folder = new FlowFolder();
        var steps = folder.Write("steps/reach.steps", "press 1\nsay\n");
        var path = folder.Write("inc.flow", "menu: test-line.json\ninclude: steps/reach.steps\ninclude: steps/nowhere.steps\n");

        var diagnostics = FlowParser.ParseFile(path).Diagnostics;

        Assert.That(diagnostics.Select(d => $"{Path.GetFileName(d.At.File)}({d.At.Line},{d.At.Column}) {d.Code}"), Is.EquivalentTo(new[] { "inc.flow(3,10) FLOW0005", "reach.steps(2,4) FLOW0003" }));
        Assert.That(diagnostics.Single(d => d.Code == "FLOW0005").Message, Does.StartWith("cannot include 'steps/nowhere.steps'"));
        Assert.That(steps, Does.Exist);
    }

    [Test]
    public void AnIncludeCycle_IsAnError()
    {
        using var folder = new FlowFolder();
        folder.Write("a.steps", "include: b.steps\n");
        folder.Write("b.steps", "include: a.steps\n");
        var path = folder.Write("cycle.flow", "menu: test-line.json\ninclude: a.steps\n");

        Assert.That(FlowParser.ParseFile(path).Diagnostics.Select(d => d.Code), Does.Contain("FLOW0005"));
    }

    [Test]
    public void NamesTheMenuLacks_AreReportedByTheLoader_WithSuggestions()
    {
        using var folder = new FlowFolder();
        var path = folder.Write("names.flow", "menu: test-line.json\nlocale: en-US\npress 1\nexpect node bilng\nexpect queued genral\n[ru-RU] say оплата\n");

        var suite = new FlowLoader().Load([path]);

        Assert.That(suite.BadFiles, Is.EqualTo(1));
        Assert.That(suite.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            $"{path}(4,1): error FLOW0007: the menu has no node 'bilng'; did you mean 'billing'?",
            $"{path}(5,1): error FLOW0007: the menu has no queue 'genral'; did you mean 'general'?",
            $"{path}(6,9): error FLOW0007: [ru-RU] is not a locale this file runs in (en-US); list it in 'locale:'",
        }));
    }

    [Test]
    public void AMenuWithErrors_IsAFlowFileError_AtTheMenuLine()
    {
        using var folder = new FlowFolder();
        folder.Write("bad-menu.json", "{ \"name\": 1 }");
        var path = folder.Write("m.flow", "# a comment\nmenu:   bad-menu.json\npress 1\n");

        var diagnostic = new FlowLoader().Load([path]).Diagnostics.Single();

        Assert.That($"{diagnostic.At.Line},{diagnostic.At.Column} {diagnostic.Code}", Is.EqualTo("2,9 FLOW0006"));
    }

    [Test]
    public void Header_ReadsWeekdayStart_SeedCallerIdAndLocales()
    {
        using var folder = new FlowFolder();
        var path = folder.Write("h.flow", "menu: test-line.json\nlocale: en-US, ru-RU\nat: Tuesday 9:59 America/New_York\nseed: 12\ncaller-id: +12025550143\npacing: spoken\n[ru-RU] press 1\n");

        var header = FlowParser.ParseFile(path).File!.Header;

        Assert.That(header.Locales, Is.EqualTo(new[] { "en-US", "ru-RU" }));
        Assert.That(header.StartAt, Is.EqualTo(NodaTime.Instant.FromUtc(2026, 12, 1, 14, 59)));
        Assert.That((header.Seed, header.CallerId, header.Pacing), Is.EqualTo((12, "+12025550143", IvrEngine.Calls.PromptPacing.Spoken)));
    }

    [TestCase("wait NaNs", "NaNs")]
    [TestCase("wait Infinitys", "Infinitys")]
    [TestCase("wait 1e308h", "1e308h")]
    [TestCase("wait 99999999999999999999m", "99999999999999999999m")]
    public void WaitThatIsNotAFiniteTime_IsFlow0003(string step, string value)
    {
        using var folder = new FlowFolder();
        var path = folder.Write("wait.flow", $"menu: test-line.json\n{step}\n");

        var result = FlowParser.ParseFile(path);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            $"{path}(2,6): error FLOW0003: '{value}' is not a time to wait; write e.g. wait 5s, wait 2m or wait 250ms (more than 0, at most a day)",
        }));
    }

    [TestCase("9999-12-31T23:59 America/New_York")]
    [TestCase("0000-01-01T00:00 America/New_York")]
    public void AtLineNearTheEndsOfTime_IsFlow0003(string at)
    {
        using var folder = new FlowFolder();
        var path = folder.Write("at.flow", $"menu: test-line.json\nat: {at}\npress 1\n");

        var result = FlowParser.ParseFile(path);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            $"{path}(2,5): error FLOW0003: 'at:' '{at}' is out of range; a start time is from 1900-01-01 to 8999-12-31; weekdays work too: at: Monday 09:59 America/New_York",
        }));
    }
}
