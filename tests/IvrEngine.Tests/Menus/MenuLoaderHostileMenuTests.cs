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
}
