using IvrEngine.Menus;

namespace IvrEngine.Tests.Menus;

/// <summary>Menus that look valid but would stall, loop or flood the engine are refused where they are certain, with located errors.</summary>
public sealed class MenuLoaderHostileMenuTests
{
    [TestCase("^(\\\\d)\\\\1$", "backreference")]
    [TestCase("^(?=1)\\\\d+$", "lookahead")]
    [TestCase("^(?<!1)\\\\d+$", "lookbehind")]
    [TestCase("^(?>\\\\d+)$", "atomic group")]
    public void Load_PatternThatNeedsBacktracking_IsRefusedAtThePattern(string pattern, string construct)
    {
        var json = SampleMenus.With("\"maxLength\": 10,", $"\"maxLength\": 10, \"pattern\": \"{pattern}\",");

        var diagnostic = DiagnosticAssert.At(json, "IVR0017", $"\"{pattern}\"", "$.nodes.billing.collect.pattern");

        Assert.That(diagnostic.Message, Does.StartWith("collect.pattern of node 'billing' uses a construct patterns may not use"), construct);
    }

    [Test]
    public void Load_NestedQuantifierPattern_LoadsBecauseItIsMatchedWithoutBacktracking()
    {
        var json = SampleMenus.With("\"maxLength\": 10,", "\"maxLength\": 10, \"pattern\": \"^(\\\\d+)+x$\",");

        Assert.That(MenuLoader.Load(json, SampleMenus.Path).Errors, Is.Empty);
    }

    [Test]
    public void Load_TwentyThousandAnnouncementChain_LoadsAndFindsNoLoop()
    {
        var result = MenuLoader.Load(HostileMenus.Chain(20_000), "huge-chain.json");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Menu!.Nodes, Has.Count.EqualTo(20_001));
    }

    [Test]
    public void Load_TwentyThousandAnnouncementLoop_IsOneBoundedErrorAtItsFirstNode()
    {
        var json = HostileMenus.Chain(20_000, lastNext: """{ "goto": "a0" }""");

        var diagnostic = DiagnosticAssert.Single(json, "IVR0024");

        Assert.That(diagnostic.Message, Is.EqualTo(
            "announcements 'a0' -> 'a1' -> 'a2' -> 'a3' -> 'a4' -> (19,991 more) -> 'a19996' -> 'a19997' -> 'a19998' -> 'a19999' -> 'a0' loop without ever waiting for the caller; give one of them options, or point its next elsewhere"));
        Assert.That(diagnostic.JsonPath, Is.EqualTo("$.nodes.a0"));
    }

    [Test]
    public void Load_TwentyThousandNodesInheritingOneEscapeGap_NameAFewAndCountTheRest()
    {
        var json = HostileMenus.Chain(20_000, defaults: """{ "escape": { "mode": "immediate" } }""");

        var diagnostic = DiagnosticAssert.Single(json, "IVR0004");

        Assert.That(diagnostic.Message, Does.EndWith("(nodes 'main', 'a0', 'a1', 'a2', 'a3' and 19,996 more)"));
    }

    [Test]
    public void Load_AnnouncementLeadingIntoOneThatGoesBack_IsAnAnnouncementLoop()
    {
        var json = SampleMenus.With(
            "\"next\": { \"hangup\": { \"en-US\": \"Goodbye, {callerId}.\", \"ru-RU\": \"До свидания.\" } }",
            "\"next\": { \"goto\": \"back-again\" } }, \"back-again\": { \"prompt\": { \"en-US\": \"One moment.\", \"ru-RU\": \"Минуту.\" }, \"next\": { \"do\": \"back\" }");

        var diagnostic = DiagnosticAssert.Single(json, "IVR0024");

        Assert.That(diagnostic.Message, Does.StartWith("announcements 'goodbye' -> 'back-again' -> 'goodbye' loop without ever waiting for the caller"));
        Assert.That(diagnostic.JsonPath, Is.EqualTo("$.nodes.goodbye"));
    }

    private const string Hours = "\"hours\": { \"care\": { \"weekly\": { \"mon-fri\": \"09:00-17:00\" } }, \"late\": { \"weekly\": { \"daily\": \"07:00-23:00\" } } },";

    /// <summary>The sample menu with hours, and a second queue; <paramref name="general"/> and <paramref name="sales"/> are the queues' extra properties.</summary>
    private static string WithQueues(string general, string sales = "", string json = SampleMenus.Valid) => SampleMenus.Replace(json,
        "\"queues\": { \"general\": { \"name\": { \"en-US\": \"customer care\", \"ru-RU\": \"служба поддержки\" } } },",
        Hours + "\"queues\": { \"general\": { \"name\": { \"en-US\": \"customer care\", \"ru-RU\": \"служба поддержки\" }" + general + " },"
        + " \"sales\": { \"name\": { \"en-US\": \"sales\", \"ru-RU\": \"продажи\" }" + sales + " } },");

    [Test]
    public void Load_QueueWhenClosedBackToItself_IsARoutingLoopAtTheWhenClosed()
    {
        var json = WithQueues(", \"hours\": \"care\", \"whenClosed\": { \"queue\": \"general\" }");

        var diagnostic = DiagnosticAssert.Single(json, "IVR0029");
        var (line, column) = SampleMenus.PositionOf(json, "\"whenClosed\": { \"queue\": \"general\" }");

        Assert.That((diagnostic.Line, diagnostic.Column, diagnostic.JsonPath), Is.EqualTo((line, column + "\"whenClosed\": ".Length, "$.queues.general.whenClosed")));

        Assert.That(diagnostic.Message, Is.EqualTo(
            "while schedule 'care' is closed, whenClosed sends callers round without waiting: queue 'general' -> queue 'general', all closed by 'care', "
            + "so they are turned away again at once, for ever; point one whenClosed elsewhere (a hangup, or a place with other hours)"));
    }

    [Test]
    public void Load_TwoQueuesOnOneScheduleClosedIntoEachOther_IsOneRoutingLoop()
    {
        var json = WithQueues(", \"hours\": \"care\", \"whenClosed\": { \"queue\": \"sales\" }", ", \"hours\": \"care\", \"whenClosed\": { \"queue\": \"general\" }");

        var diagnostic = DiagnosticAssert.At(json, "IVR0029", "{ \"queue\": \"sales\" }", "$.queues.general.whenClosed");

        Assert.That(diagnostic.Message, Does.Contain("queue 'general' -> queue 'sales' -> queue 'general', all closed by 'care'"));
    }

    [Test]
    public void Load_ClosedQueueSentBackToItselfThroughAnAnnouncement_IsARoutingLoop()
    {
        var json = WithQueues(", \"hours\": \"care\", \"whenClosed\": { \"goto\": \"goodbye\" }");
        json = SampleMenus.Replace(json, "\"next\": { \"hangup\": { \"en-US\": \"Goodbye, {callerId}.\", \"ru-RU\": \"До свидания.\" } }", "\"next\": { \"queue\": \"general\" }");

        var diagnostic = DiagnosticAssert.At(json, "IVR0029", "{ \"goto\": \"goodbye\" }", "$.queues.general.whenClosed");

        Assert.That(diagnostic.Message, Does.Contain("queue 'general' -> queue 'general'"));
    }

    [Test]
    public void Load_ClosedNodeSentBackToItself_IsARoutingLoopAtItsWhenClosed()
    {
        var json = WithQueues("");
        json = SampleMenus.Replace(json, "\"noInput\": { \"retries\": 4 },", "\"noInput\": { \"retries\": 4 }, \"hours\": { \"schedule\": \"care\", \"whenClosed\": { \"goto\": \"main\" } },");

        DiagnosticAssert.At(json, "IVR0029", "{ \"goto\": \"main\" }", "$.nodes.main.hours.whenClosed");
    }

    [TestCase("late")]
    public void Load_QueuesOnDifferentSchedulesClosedIntoEachOther_LoadBecauseBothAreClosedOnlySometimes(string other)
    {
        var json = WithQueues(", \"hours\": \"care\", \"whenClosed\": { \"queue\": \"sales\" }", $", \"hours\": \"{other}\", \"whenClosed\": {{ \"queue\": \"general\" }}");

        Assert.That(MenuLoader.Load(json, SampleMenus.Path).Errors, Is.Empty);
    }

    [TestCase("\"announce\": { \"everySeconds\": 0.0001 }", "0.0001", "$.queues.general.announce.everySeconds",
        "announce.everySeconds of queue 'general' is 0.0001 seconds; it must be at least 10 and at most 3600")]
    [TestCase("\"maxWaitSeconds\": 0.001", "0.001", "$.queues.general.maxWaitSeconds",
        "maxWaitSeconds of queue 'general' is 0.001 seconds; it must be at least 5 and at most 86400")]
    public void Load_QueueTimesTooShortToBeHeard_AreOutOfRangeAtTheValue(string setting, string needle, string path, string message)
    {
        var json = WithQueues(", " + setting);

        var diagnostic = DiagnosticAssert.At(json, "IVR0018", needle, path);

        Assert.That(diagnostic.Message, Is.EqualTo(message));
    }

    [TestCase("\"announce\": { \"everySeconds\": 10 }")]
    [TestCase("\"maxWaitSeconds\": 5")]
    public void Load_QueueTimesAtTheMinimum_Load(string setting)
    {
        Assert.That(MenuLoader.Load(WithQueues(", " + setting), SampleMenus.Path).Errors, Is.Empty);
    }

    [Test]
    public void Diagnostic_NewlineInALocaleKey_StaysOnOneLineWithTheNewlineShown()
    {
        var json = SampleMenus.With("\"en-US\": \"For billing, press 1.\"", "\"en-US\": \"For billing, press 1.\", \"xx\\nYY\": \"?\"");

        var lines = MenuLoader.Load(json, SampleMenus.Path).Diagnostics.Select(d => d.ToString()).ToList();

        Assert.That(lines, Has.Some.Contains("xx\\u000aYY"));
        Assert.That(lines, Has.None.Contains("\n"));
    }

    [Test]
    public void Diagnostic_RightToLeftOverrideInAKey_IsShownEscaped()
    {
        var json = SampleMenus.With("{ \"key\": \"2\",", "{ \"key\": \"2\\u202e\",");

        var diagnostic = DiagnosticAssert.Single(json, "IVR0009");

        Assert.That(diagnostic.ToString(), Does.Contain("2\\u202e"));
        Assert.That(diagnostic.ToString().IndexOf('\u202e', StringComparison.Ordinal), Is.EqualTo(-1), "the raw override would reorder the line");
    }
}
