using IvrEngine.Menus;
using IvrEngine.Menus.Diff;

namespace IvrEngine.Tests.Menus.Diff;

/// <summary>The semantic diff on crafted pairs: each kind of change reads as itself, and formatting is no change.</summary>
public sealed class MenuDiffTests
{
    private static Menu Load(string json)
    {
        var result = MenuLoader.Load(json, SampleMenus.Path);
        Assert.That(result.Succeeded, Is.True, () => string.Join("\n", result.Diagnostics));
        return result.Menu!;
    }

    private static List<string> Changes(string newJson) =>
        [.. MenuDiff.Compare(Load(SampleMenus.Valid), Load(newJson)).Select(c => $"{c.Section}: {c.Description}")];

    [Test]
    public void CommentsWhitespaceAndPropertyOrder_AreNoChange()
    {
        var reformatted = SampleMenus.Valid.Replace("// the first is the default", string.Empty, StringComparison.Ordinal)
            .Replace("\"name\": \"carrier-support\",\n  \"timeZone\": \"America/New_York\",", "\"timeZone\": \"America/New_York\",   \"name\": \"carrier-support\",", StringComparison.Ordinal);

        Assert.That(Load(reformatted).Version, Is.Not.EqualTo(Load(SampleMenus.Valid).Version));
        Assert.That(Changes(reformatted), Is.Empty);
    }

    [Test]
    public void NodesAddedAndRemoved()
    {
        var json = SampleMenus.With("\"goodbye\": {", "\"extra\": { \"prompt\": { \"en-US\": \"x\", \"ru-RU\": \"x\" }, \"next\": { \"do\": \"back\" } },\n    \"farewell\": {")
            .Replace("\"goto\": \"goodbye\"", "\"goto\": \"farewell\"", StringComparison.Ordinal);

        Assert.That(Changes(json), Is.EqualTo(new[]
        {
            "nodes: removed node goodbye",
            "nodes: added node extra (announcement)",
            "nodes: added node farewell (announcement)",
            "node 'billing': collect: accountNumber, 6-10 digits, terminator #, pattern none, then goto goodbye -> accountNumber, 6-10 digits, terminator #, pattern none, then goto farewell",
            "node 'main': option 2 'goodbye' target: goto goodbye -> goto farewell",
        }));
    }

    [Test]
    public void OptionReKeyed_IsOneChange()
    {
        var json = SampleMenus.With("{ \"key\": \"2\",", "{ \"key\": \"3\",");

        Assert.That(Changes(json), Is.EqualTo(new[] { "node 'main': option 2 'goodbye' re-keyed: 2 -> 3" }));
    }

    [Test]
    public void KeysSwapped_ReadAsTwoReKeys()
    {
        var json = SampleMenus.With("{ \"key\": \"1\",", "{ \"key\": \"9\",").Replace("{ \"key\": \"2\",", "{ \"key\": \"1\",", StringComparison.Ordinal)
            .Replace("{ \"key\": \"9\",", "{ \"key\": \"2\",", StringComparison.Ordinal);

        Assert.That(Changes(json), Is.EqualTo(new[]
        {
            "node 'main': option 1 'billing' re-keyed: 1 -> 2",
            "node 'main': option 2 'goodbye' re-keyed: 2 -> 1",
        }));
    }

    [Test]
    public void OptionAddedRemovedAndPhrasesChanged()
    {
        var json = SampleMenus.With("{ \"key\": \"2\", \"say\": { \"en-US\": [\"goodbye\"] }, \"goto\": \"goodbye\" },",
                "{ \"key\": \"3\", \"queue\": \"general\" },")
            .Replace("\"ru-RU\": [\"оплата\"]", "\"ru-RU\": [\"оплата\", \"счёт\"]", StringComparison.Ordinal);

        Assert.That(Changes(json), Is.EqualTo(new[]
        {
            "node 'main': removed option 2 'goodbye' (goto goodbye)",
            "node 'main': added option 3 (queue general)",
            "node 'main': option 1 'billing' phrases (ru-RU): [оплата] -> [оплата, счёт]",
        }));
    }

    [Test]
    public void PromptChangedInOneLocale_ShowsBothTexts()
    {
        var json = SampleMenus.With("\"ru-RU\": \"По вопросам оплаты нажмите 1.\"", "\"ru-RU\": \"Оплата — 1.\"");

        Assert.That(Changes(json), Is.EqualTo(new[] { "node 'main': prompt (ru-RU):\n    - По вопросам оплаты нажмите 1.\n    + Оплата — 1." }));
    }

    [Test]
    public void EscapeAndPoliciesChanged()
    {
        var json = SampleMenus.With("\"noInput\": { \"retries\": 4 },", "\"noInput\": { \"retries\": 4 }, \"escape\": { \"mode\": \"confirm\", \"keys\": [\"0\"] },");

        var changes = Changes(json);

        Assert.That(changes, Has.Count.EqualTo(1));
        Assert.That(changes[0], Does.StartWith("node 'main': escape: immediate, keys [0 #], to queue general").And.Contain("-> confirm, keys [0], to queue general"));
    }

    [Test]
    public void QueueAddedAndRenamed()
    {
        var json = SampleMenus.With("\"queues\": { \"general\": { \"name\": { \"en-US\": \"customer care\",",
            "\"queues\": { \"sales\": { \"name\": { \"en-US\": \"sales\", \"ru-RU\": \"продажи\" } }, \"general\": { \"name\": { \"en-US\": \"our care team\",");

        Assert.That(Changes(json), Is.EqualTo(new[]
        {
            "queues: added queue sales (sales)",
            "queues: name of queue general (en-US):\n    - customer care\n    + our care team",
        }));
    }

    private const string PlainQueues = "\"queues\": { \"general\": { \"name\": { \"en-US\": \"customer care\", \"ru-RU\": \"служба поддержки\" } } },";

    /// <summary>The valid menu with a schedule, the queue on it offering callbacks, and billing closed to the goodbye.</summary>
    private static readonly string WithHours = SampleMenus.With(PlainQueues, """
        "hours": { "care": { "weekly": { "mon-fri": "09:00-17:00", "sat": "10:00-14:00" },
                             "closed": { "Christmas Day": "12-25", "2026-07-03": "2026-07-03" },
                             "overrides": { "2026-12-24": "09:00-12:00" } } },
          "queues": { "general": { "name": { "en-US": "customer care", "ru-RU": "служба поддержки" }, "hours": "care",
                                   "callback": { "offerWhenWaitOverSeconds": 120, "whenClosed": true } } },
        """).Replace("\"collect\": { \"into\"", "\"hours\": { \"schedule\": \"care\", \"whenClosed\": { \"goto\": \"goodbye\" } }, \"collect\": { \"into\"", StringComparison.Ordinal);

    private static List<string> HoursChanges(string newJson) =>
        [.. MenuDiff.Compare(Load(WithHours), Load(newJson)).Select(c => $"{c.Section}: {c.Description}")];

    [Test]
    public void HoursAddedToAMenu_ListsTheScheduleTheQueueRuleTheCallbackAndTheNodeRule()
    {
        Assert.That(Changes(WithHours), Is.EqualTo(new[]
        {
            "hours: added schedule care (America/New_York; Mon 09:00–17:00, Tue 09:00–17:00, Wed 09:00–17:00, Thu 09:00–17:00, Fri 09:00–17:00, Sat 10:00–14:00, Sun closed; 2 closed dates; 1 overrides)",
            "queues: hours of queue general: none -> schedule care, when closed hang up",
            "queues: callback of queue general: none -> virtual hold > 120 s, when closed, expires after 24 h",
            "node 'billing': hours: none -> schedule care, when closed goto goodbye",
        }));
    }

    [Test]
    public void ScheduleWeeklyClosedDatesOverridesAndZoneChanged()
    {
        var json = WithHours.Replace("\"sat\": \"10:00-14:00\"", "\"sat\": \"10:00-16:00\", \"sun\": \"12:00-16:00\"", StringComparison.Ordinal)
            .Replace("\"Christmas Day\": \"12-25\"", "\"Thanksgiving\": \"fourth thursday of november\"", StringComparison.Ordinal)
            .Replace("\"2026-12-24\": \"09:00-12:00\"", "\"2026-12-24\": \"closed\", \"2026-12-31\": \"09:00-15:00\"", StringComparison.Ordinal)
            .Replace("\"care\": { \"weekly\"", "\"care\": { \"timeZone\": \"America/Chicago\", \"weekly\"", StringComparison.Ordinal);

        Assert.That(HoursChanges(json), Is.EqualTo(new[]
        {
            "hours: schedule care time zone: America/New_York -> America/Chicago",
            "hours: schedule care weekly Sat: 10:00–14:00 -> 10:00–16:00",
            "hours: schedule care weekly Sun: closed -> 12:00–16:00",
            "hours: schedule care closed date removed: Christmas Day (12-25 yearly)",
            "hours: schedule care closed date added: Thanksgiving (fourth Thu of November)",
            "hours: schedule care override 2026-12-24 09:00–12:00 -> closed",
            "hours: schedule care added override 2026-12-31 09:00–15:00",
        }));
    }

    [Test]
    public void HoursRulesAndCallbackOffersChanged()
    {
        var json = WithHours.Replace("\"hours\": \"care\",", "\"hours\": \"care\", \"whenClosed\": { \"goto\": \"goodbye\" },", StringComparison.Ordinal)
            .Replace("\"offerWhenWaitOverSeconds\": 120, ", "", StringComparison.Ordinal)
            .Replace("\"hours\": { \"schedule\": \"care\", \"whenClosed\": { \"goto\": \"goodbye\" } }, ", "", StringComparison.Ordinal);

        Assert.That(HoursChanges(json), Is.EqualTo(new[]
        {
            "queues: hours of queue general: schedule care, when closed hang up -> schedule care, when closed goto goodbye",
            "queues: callback of queue general: virtual hold > 120 s, when closed, expires after 24 h -> when closed, expires after 24 h",
            "node 'billing': hours: schedule care, when closed goto goodbye -> none",
        }));
    }

    [Test]
    public void ACallbackOption_AddedAndReTargeted()
    {
        var option = "{ \"key\": \"2\", \"say\": { \"en-US\": [\"goodbye\"] }, \"goto\": \"goodbye\" },";
        var added = WithHours.Replace(option, option + " { \"key\": \"3\", \"say\": { \"en-US\": [\"call me back\"] }, \"callback\": \"general\" },", StringComparison.Ordinal);
        var reTargeted = WithHours.Replace("\"goto\": \"goodbye\" },", "\"callback\": \"general\" },", StringComparison.Ordinal);

        Assert.That(HoursChanges(added), Is.EqualTo(new[] { "node 'main': added option 3 'call me back' (callback general)" }));
        Assert.That(HoursChanges(reTargeted), Is.EqualTo(new[] { "node 'main': option 2 'goodbye' target: goto goodbye -> callback general" }));
    }

    [Test]
    public void TheCallbackWording_IsAChangeForCallers()
    {
        var json = WithHours.Replace("\"start\": \"main\",", """
            "start": "main",
              "messages": { "callbackEnterNumber": { "en-US": "Key the number, then pound.", "ru-RU": "Наберите номер и решётку." } },
            """, StringComparison.Ordinal);

        Assert.That(HoursChanges(json), Has.Member("menu: message callbackEnterNumber (en-US):\n    - Please enter the phone number we should call, starting with the area code, then press the pound key. To cancel, press star.\n    + Key the number, then pound."));
    }

    [Test]
    public void ScheduleRemovedWithItsRules()
    {
        Assert.That(MenuDiff.Compare(Load(WithHours), Load(SampleMenus.Valid)).Select(c => $"{c.Section}: {c.Description}"), Is.EqualTo(new[]
        {
            "hours: removed schedule care",
            "queues: hours of queue general: schedule care, when closed hang up -> none",
            "queues: callback of queue general: virtual hold > 120 s, when closed, expires after 24 h -> none",
            "node 'billing': hours: schedule care, when closed goto goodbye -> none",
        }));
    }
}
