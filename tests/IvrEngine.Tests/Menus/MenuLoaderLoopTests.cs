namespace IvrEngine.Tests.Menus;

/// <summary>Menus that would keep a caller looping are refused before they go live.</summary>
public sealed class MenuLoaderLoopTests
{
    [Test]
    public void AnnouncementsPointingAtEachOther_AreAnError_AtTheFirstOne()
    {
        var json = SampleMenus.With(
            "\"next\": { \"hangup\": { \"en-US\": \"Goodbye, {callerId}.\", \"ru-RU\": \"До свидания.\" } },",
            "\"next\": { \"goto\": \"echo\" } }, \"echo\": { \"prompt\": { \"en-US\": \"Echo.\", \"ru-RU\": \"Эхо.\" }, \"next\": { \"goto\": \"goodbye\" },");

        var diagnostic = DiagnosticAssert.At(json, "IVR0024", "\"goodbye\": {", "$.nodes.goodbye");

        Assert.That(diagnostic.Message, Does.StartWith("announcements 'goodbye' -> 'echo' -> 'goodbye' loop without ever waiting for the caller"));
    }

    [Test]
    public void AnnouncementReturningToAMenu_IsNoLoop()
    {
        var json = SampleMenus.With(
            "\"next\": { \"hangup\": { \"en-US\": \"Goodbye, {callerId}.\", \"ru-RU\": \"До свидания.\" } },",
            "\"next\": { \"do\": \"mainMenu\" },");

        Assert.That(IvrEngine.Menus.MenuLoader.Load(json, SampleMenus.Path).Errors, Is.Empty);
    }

    [TestCase("{ \"do\": \"repeat\" }")]
    [TestCase("{ \"do\": \"back\" }")]
    [TestCase("{ \"do\": \"mainMenu\" }")]
    public void BudgetThen_MustHandTheCallerOn(string then)
    {
        var json = SampleMenus.With("\"queues\":", $"\"budget\": {{ \"then\": {then} }}, \"queues\":");

        var diagnostic = DiagnosticAssert.Single(json, "IVR0019");

        Assert.That(diagnostic.JsonPath, Is.EqualTo("$.budget.then"));
        Assert.That(diagnostic.Message, Does.EndWith("it must hand the caller on (use goto, queue or hangup)"));
    }

    [TestCase("{ \"do\": \"repeat\" }")]
    [TestCase("{ \"do\": \"mainMenu\" }")]
    public void EscapeTo_MustHandTheCallerOn(string to)
    {
        var json = SampleMenus.With("\"escape\": { \"to\": { \"queue\": \"general\" } },", $"\"escape\": {{ \"to\": {to} }},");

        var diagnostic = DiagnosticAssert.Single(json, "IVR0019");

        Assert.That(diagnostic.JsonPath, Is.EqualTo("$.defaults.escape.to"));
    }

    [Test]
    public void OnRetriesExhausted_CannotRepeatTheNodeThatGaveUp()
    {
        var json = SampleMenus.With("\"noInput\": { \"retries\": 4 },", "\"noInput\": { \"retries\": 4 }, \"onRetriesExhausted\": { \"do\": \"repeat\" },");

        var diagnostic = DiagnosticAssert.Single(json, "IVR0019");

        Assert.That(diagnostic.JsonPath, Is.EqualTo("$.nodes.main.onRetriesExhausted"));
        Assert.That(diagnostic.Message, Does.EndWith("repeating here would play the same node for ever"));
    }
}
