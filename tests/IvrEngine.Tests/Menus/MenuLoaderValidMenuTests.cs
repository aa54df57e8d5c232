using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Tests.Menus;

public sealed class MenuLoaderValidMenuTests
{
    [Test]
    public void Load_ValidMenuWithCommentsAndTrailingCommas_Succeeds()
    {
        var result = MenuLoader.Load(SampleMenus.Valid, SampleMenus.Path);

        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics));
        Assert.That(result.Succeeded, Is.True);
        var menu = result.Menu!;
        Assert.That(menu.Name, Is.EqualTo("carrier-support"));
        Assert.That(menu.SourcePath, Is.EqualTo(SampleMenus.Path));
        Assert.That(menu.TimeZone.Id, Is.EqualTo("America/New_York"));
        Assert.That(menu.Locales, Is.EqualTo(new[] { "en-US", "ru-RU" }));
        Assert.That(menu.StartNode.Id, Is.EqualTo("main"));
        Assert.That(menu.Nodes.Keys, Is.EquivalentTo(new[] { "main", "billing", "goodbye" }));
        Assert.That(menu.Queues["general"].DisplayName.For("ru-RU"), Is.EqualTo("служба поддержки"));
    }

    [Test]
    public void Load_NodeKinds_AreMenuCollectorAndAnnouncement()
    {
        var menu = MenuLoader.Load(SampleMenus.Valid, SampleMenus.Path).Menu!;

        Assert.That(menu.Nodes["main"].Kind, Is.EqualTo(NodeKind.Menu));
        Assert.That(menu.Nodes["billing"].Kind, Is.EqualTo(NodeKind.CollectDigits));
        Assert.That(menu.Nodes["goodbye"].Kind, Is.EqualTo(NodeKind.Announcement));
        Assert.That(menu.Nodes["main"].Options[0].Action, Is.EqualTo(new GoToNode("billing")));
        Assert.That(menu.Nodes["main"].Options[0].Phrases.For("ru-RU"), Is.EqualTo(new[] { "оплата" }));
        Assert.That(menu.Nodes["goodbye"].Next, Is.InstanceOf<SayAndHangUp>());
    }

    [Test]
    public void Load_PartialNodeOverride_ReplacesOnlyWhatItNames()
    {
        var menu = MenuLoader.Load(SampleMenus.Valid, SampleMenus.Path).Menu!;

        // defaults say 7 s / 1 retry; main overrides only retries.
        var main = menu.Nodes["main"].NoInput;
        Assert.That(main.Timeout, Is.EqualTo(Duration.FromSeconds(7)));
        Assert.That(main.Retries, Is.EqualTo(4));
        var billing = menu.Nodes["billing"].NoInput;
        Assert.That(billing.Timeout, Is.EqualTo(Duration.FromSeconds(7)));
        Assert.That(billing.Retries, Is.EqualTo(1));
    }

    [Test]
    public void Load_UnsetPolicies_GetBuiltInDefaults()
    {
        var node = MenuLoader.Load(SampleMenus.Valid, SampleMenus.Path).Menu!.Nodes["main"];

        Assert.That(node.Invalid.Retries, Is.EqualTo(3));
        Assert.That(node.InterDigitTimeout, Is.EqualTo(Duration.FromSeconds(3)));
        Assert.That(node.Escape.Mode, Is.EqualTo(EscapeMode.Immediate));
        Assert.That(node.Escape.Keys, Is.EqualTo(new[] { "0", "#" }));
        Assert.That(node.Escape.Phrases.For("en-US"), Does.Contain("representative"));
        Assert.That(node.Escape.Phrases.For("ru-RU"), Does.Contain("оператор"));
        Assert.That(node.Escape.Target, Is.EqualTo(new TransferToQueue("general")));
        Assert.That(node.Escape.Deflect.For("en-US"), Does.StartWith("I can help you faster right here."));
        Assert.That(node.Escape.DisabledMessage.Has("ru-RU"), Is.True);
        Assert.That(node.NoInput.Message!.For("en-US"), Is.EqualTo(SystemMessages.Default.NoInput.For("en-US")));
    }

    [Test]
    public void Load_OnRetriesExhaustedAndBudgetTarget_DefaultToTheEscapeTarget()
    {
        var menu = MenuLoader.Load(SampleMenus.Valid, SampleMenus.Path).Menu!;

        Assert.That(menu.Nodes["main"].OnRetriesExhausted, Is.EqualTo(new TransferToQueue("general")));
        Assert.That(menu.Budget.Target, Is.EqualTo(new TransferToQueue("general")));
        Assert.That(menu.Budget.MaxFailedInputs, Is.EqualTo(6));
        Assert.That(menu.Budget.MaxMenuTime, Is.EqualTo(Duration.FromSeconds(600)));
    }

    [Test]
    public void Load_Collector_DefaultsTerminatorAndInterDigitFromTheNode()
    {
        var menu = MenuLoader.Load(
            SampleMenus.With("\"noInput\": { \"seconds\": 7, \"retries\": 1 },", "\"noInput\": { \"seconds\": 7, \"retries\": 1 }, \"interDigitSeconds\": 4,"),
            SampleMenus.Path).Menu!;

        var collect = menu.Nodes["billing"].Collect!;
        Assert.That(collect.Variable, Is.EqualTo("accountNumber"));
        Assert.That(collect.MinLength, Is.EqualTo(6));
        Assert.That(collect.MaxLength, Is.EqualTo(10));
        Assert.That(collect.Terminator, Is.EqualTo('#'));
        Assert.That(collect.InterDigitTimeout, Is.EqualTo(Duration.FromSeconds(4)));
        Assert.That(collect.Next, Is.EqualTo(new GoToNode("goodbye")));
    }

    [Test]
    public void Load_EscapeOverride_MergesPropertyByProperty()
    {
        var json = SampleMenus.With("\"noInput\": { \"retries\": 4 },", "\"escape\": { \"mode\": \"confirm\", \"keys\": [\"*\"] },");

        var menu = MenuLoader.Load(json, SampleMenus.Path).Menu!;

        var escape = menu.Nodes["main"].Escape;
        Assert.That(escape.Mode, Is.EqualTo(EscapeMode.Confirm));
        Assert.That(escape.Keys, Is.EqualTo(new[] { "*" }));
        Assert.That(escape.Target, Is.EqualTo(new TransferToQueue("general")));
        Assert.That(menu.Nodes["billing"].Escape.Mode, Is.EqualTo(EscapeMode.Immediate));
    }

    [Test]
    public void Load_Version_IsTheFirstTwelveHexDigitsOfTheSha256OfTheBytes()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(SampleMenus.Valid);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..12];

        var menu = MenuLoader.Load(bytes, SampleMenus.Path).Menu!;

        Assert.That(menu.Version, Is.EqualTo(expected));
    }

    [Test]
    public void LoadFile_ReadsTheFileAndNamesItInTheMenu()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ivr-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, SampleMenus.Valid);
        try
        {
            var result = MenuLoader.LoadFile(path);

            Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Diagnostics));
            Assert.That(result.Menu!.SourcePath, Is.EqualTo(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Load_Utf8Bom_IsIgnored()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(SampleMenus.Valid)).ToArray();

        var result = MenuLoader.Load(bytes, SampleMenus.Path);

        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void Load_UnreachableNode_IsAWarningAndTheMenuStillLoads()
    {
        var json = SampleMenus.With("\"goodbye\": {", "\"orphan\": { \"prompt\": { \"en-US\": \"x\", \"ru-RU\": \"x\" }, \"next\": { \"do\": \"mainMenu\" } },\n      \"goodbye\": {");

        var result = MenuLoader.Load(json, SampleMenus.Path);

        Assert.That(result.Succeeded, Is.True);
        var warning = result.Diagnostics.Single();
        var (line, column) = SampleMenus.PositionOf(json, "\"orphan\"");
        Assert.That(warning.Code, Is.EqualTo("IVR0013"));
        Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That((warning.Line, warning.Column), Is.EqualTo((line, column)));
        Assert.That(warning.JsonPath, Is.EqualTo("$.nodes.orphan"));
        Assert.That(warning.Message, Does.Contain("'orphan'"));
    }

    [Test]
    public void Load_MenuInAnotherLocaleWithAllMessages_Loads()
    {
        var json = """
            {
              "name": "de-line", "timeZone": "Europe/Berlin", "locales": ["de-DE"], "start": "main",
              "defaults": { "escape": { "to": { "queue": "q" } } },
              "queues": { "q": { "name": { "de-DE": "Kundendienst" } } },
              "messages": {
                "noInput": { "de-DE": "Ich habe nichts gehört." },
                "invalid": { "de-DE": "Das ist keine Auswahl." },
                "invalidNumber": { "de-DE": "Diese Nummer stimmt nicht." },
                "ambiguous": { "de-DE": "Meinten Sie {choices}?" },
                "transfer": { "de-DE": "Ich verbinde Sie mit {queue}. Ihre Nummer ist {reference}." },
                "budgetExceeded": { "de-DE": "Ich hole Hilfe." },
                "queuePosition": { "de-DE": "Sie sind Nummer {position}." },
                "queueWait": { "de-DE": "Wartezeit etwa {minutes} Minuten." },
                "queueWaitUnknown": { "de-DE": "Bitte warten Sie." },
                "queueOverflow": { "de-DE": "Bitte rufen Sie später an. Ihre Nummer ist {reference}." }
              },
              "nodes": { "main": { "prompt": { "de-DE": "Hallo." }, "next": { "queue": "q" } } }
            }
            """;

        var result = MenuLoader.Load(json, "de.json");

        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics));
        Assert.That(result.Menu!.Nodes["main"].Escape.Phrases.For("de-DE"), Is.Empty);
    }
}
