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
}
