using IvrEngine.Menus;

namespace IvrEngine.Tests.Menus;

/// <summary>
/// <c>{ "key": "5", "callback": "billing" }</c>: an option that books a callback to a queue with hours.
/// Bad references are located errors; anywhere but an option it is refused, since only a caller's choice books one.
/// </summary>
public sealed class CallbackOptionLoaderTests
{
    /// <summary>The sample menu with a billing queue on office hours, a sales queue without hours, and option 3 of main: <paramref name="option"/>.</summary>
    private static string Menu(string option = "\"key\": \"3\", \"callback\": \"billing\"") =>
        SampleMenus.Replace(
            SampleMenus.With(
                "\"queues\": { \"general\": { \"name\": { \"en-US\": \"customer care\", \"ru-RU\": \"служба поддержки\" } } },",
                $$"""
                "hours": { "office": { "weekly": { "mon-fri": "09:00-17:00" } } },
                  "queues": {
                    "general": { "name": { "en-US": "customer care", "ru-RU": "служба поддержки" } },
                    "billing": { "name": { "en-US": "billing", "ru-RU": "отдел оплаты" }, "hours": "office" },
                    "sales": { "name": { "en-US": "sales", "ru-RU": "отдел продаж" } }
                  },
                """),
            "{ \"key\": \"2\", \"say\": { \"en-US\": [\"goodbye\"] }, \"goto\": \"goodbye\" },",
            $"{{ \"key\": \"2\", \"say\": {{ \"en-US\": [\"goodbye\"] }}, \"goto\": \"goodbye\" }},\n                {{ {option} }},");

    [Test]
    public void ACallbackOption_LoadsAsARequestForACallbackToTheQueue()
    {
        var result = MenuLoader.Load(Menu(), SampleMenus.Path);

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Diagnostics));
        Assert.That(result.Menu!.Nodes["main"].Options[2].Action, Is.EqualTo(new RequestCallback("billing")));
        Assert.That(result.Menu.TakesCallbacks, Is.True, "the line needs a callback store even though no queue offers callbacks itself");
    }

    [Test]
    public void AnUndeclaredQueue_IsReportedAtTheValue_WithASuggestion()
    {
        var json = Menu("\"key\": \"3\", \"callback\": \"biling\"");

        var diagnostic = DiagnosticAssert.At(json, "IVR0014", "\"biling\"", "$.nodes.main.options[2].callback");

        Assert.That(diagnostic.Message, Is.EqualTo("options[2] of node 'main' books a callback to queue 'biling', which is not declared under 'queues'; did you mean 'billing'?"));
    }

    [Test]
    public void AQueueWithoutHours_IsReportedAtTheValue()
    {
        var json = Menu("\"key\": \"3\", \"callback\": \"sales\"");

        var diagnostic = DiagnosticAssert.At(json, "IVR0027", "\"sales\" }", "$.nodes.main.options[2].callback");

        Assert.That(diagnostic.Message, Is.EqualTo("options[2] of node 'main' books a callback to queue 'sales', which has no hours: the times a caller may choose are its open times; give the queue \"hours\""));
    }

    [Test]
    public void ACallbackWithAnotherAction_IsReportedAtTheSecond()
    {
        var json = Menu("\"key\": \"3\", \"callback\": \"billing\", \"queue\": \"billing\"");

        var diagnostic = DiagnosticAssert.At(json, "IVR0019", "\"queue\": \"billing\" }", "$.nodes.main.options[2].queue");

        Assert.That(diagnostic.Message, Is.EqualTo("options[2] of node 'main' has both 'callback' and 'queue'; an action has exactly one of goto, queue, hangup, callback or do"));
    }

    [Test]
    public void ACallbackThatIsNotAQueueId_IsAWrongType()
    {
        var diagnostic = DiagnosticAssert.Single(Menu("\"key\": \"3\", \"callback\": true"), "IVR0002");

        Assert.That(diagnostic.Message, Is.EqualTo("'callback' of options[2] of node 'main' must be a string, but it is true"));
    }

    [TestCase("\"next\": { \"goto\": \"goodbye\" }", "\"next\": { \"callback\": \"billing\" }", "$.nodes.billing.collect.next", "collect.next of node 'billing'")]
    [TestCase("\"next\": { \"hangup\":", "\"next\": { \"callback\": \"billing\" }, \"x\": { \"hangup\":", "$.nodes.goodbye.next", "next of node 'goodbye'")]
    public void ACallbackOutsideAnOption_IsRefused_BecauseOnlyACallersChoiceBooksOne(string fragment, string replacement, string path, string what)
    {
        var json = SampleMenus.Replace(Menu(), fragment, replacement).Replace(", \"x\": { \"hangup\": { \"en-US\": \"Goodbye, {callerId}.\", \"ru-RU\": \"До свидания.\" } }", string.Empty, StringComparison.Ordinal);

        var result = MenuLoader.Load(json, SampleMenus.Path);

        var error = result.Errors.Single(e => e.Code == "IVR0019");
        Assert.That((error.JsonPath, error.Message), Is.EqualTo((path, $"{what} cannot be a 'callback': a callback is booked only from an option, where the caller chooses it")));
    }

    [TestCase("\"escape\": { \"to\": { \"queue\": \"general\" } },", "\"escape\": { \"to\": { \"callback\": \"billing\" } },", "defaults.escape.to")]
    [TestCase("\"noInput\": { \"seconds\": 7, \"retries\": 1 },", "\"noInput\": { \"seconds\": 7, \"retries\": 1 }, \"onRetriesExhausted\": { \"callback\": \"billing\" },", "defaults.onRetriesExhausted")]
    public void ACallbackAsAPolicyTarget_IsRefused(string fragment, string replacement, string what)
    {
        var result = MenuLoader.Load(SampleMenus.Replace(Menu(), fragment, replacement), SampleMenus.Path);

        Assert.That(result.Menu, Is.Null);
        Assert.That(result.Errors.Where(e => e.Code == "IVR0019").Select(e => e.Message), Has.Some.Contains("cannot be a 'callback': a callback is booked only from an option"), string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void TheCallbackMessages_MayBeOverridden_InAMenuWhoseOnlyCallbacksAreOptions()
    {
        var json = SampleMenus.Replace(Menu(), "\"start\": \"main\",", """
            "start": "main",
              "messages": { "callbackEnterNumber": { "en-US": "Key the number, then pound.", "ru-RU": "Наберите номер и решётку." } },
            """);

        var result = MenuLoader.Load(json, SampleMenus.Path);

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Diagnostics));
        Assert.That(result.Menu!.Messages.CallbackEnterNumber.For("en-US"), Is.EqualTo("Key the number, then pound."));
    }

    [Test]
    public void InALocaleWithoutBuiltInWording_ACallbackOption_NeedsTheCallbackMessages()
    {
        var json = Menu().Replace("\"ru-RU\"", "\"de-DE\"", StringComparison.Ordinal);

        var result = MenuLoader.Load(json, SampleMenus.Path);

        Assert.That(result.Errors.Where(e => e.Code == "IVR0012").Select(e => e.JsonPath), Does.Contain("$.messages.callbackEnterNumber").And.Contain("$.messages.callbackSlotsOnRequest"));
    }
}
