using System.Text;
using IvrEngine.Calls;
using IvrEngine.Menus;

namespace IvrEngine.Tests.Menus;

/// <summary>How problems are reported: all at once, in file order, in the compiler format.</summary>
public sealed class MenuLoaderReportingTests
{
    [Test]
    public void Load_FileWithFiveDifferentErrors_ReportsAllFiveInFileOrder()
    {
        var json = SampleMenus.Valid;
        json = SampleMenus.Replace(json, "\"America/New_York\"", "\"Mars/Olympus\"");
        json = SampleMenus.Replace(json, "\"seconds\": 7", "\"seconds\": -1");
        json = SampleMenus.Replace(json, "\"noInput\": { \"retries\": 4 }", "\"noInput\": { \"retries\": \"four\" }");
        json = SampleMenus.Replace(json, "\"goto\": \"goodbye\" }", "\"goto\": \"nowhere\" }");
        json = SampleMenus.Replace(json, "\"into\": \"accountNumber\",", "\"into\": \"accountNumber\", \"mask\": true,");

        var result = MenuLoader.Load(json, SampleMenus.Path);

        Assert.That(result.Menu, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "IVR0010", "IVR0018", "IVR0002", "IVR0006", "IVR0003" }),
            string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void Diagnostics_AreSortedByLineThenColumn()
    {
        var json = SampleMenus.With("{ \"key\": \"2\", \"say\": { \"en-US\": [\"goodbye\"] }, \"goto\": \"goodbye\" }",
            "{ \"key\": \"x\", \"say\": { \"fr-FR\": [\"adieu\"] }, \"goto\": \"gone\" }");

        var diagnostics = MenuLoader.Load(json, SampleMenus.Path).Diagnostics;

        Assert.That(diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "IVR0009", "IVR0021", "IVR0006" }));
        Assert.That(diagnostics.Select(d => d.Line).Distinct().Count(), Is.EqualTo(1));
        Assert.That(diagnostics.Select(d => d.Column), Is.Ordered);
    }

    [Test]
    public void Diagnostic_ToString_UsesTheCompilerFormat()
    {
        var json = SampleMenus.With("\"goto\": \"billing\"", "\"goto\": \"biling\"");
        var (line, column) = SampleMenus.PositionOf(json, "\"biling\"");

        var diagnostic = MenuLoader.Load(json, "menus/carrier.json").Errors.Single();

        Assert.That(diagnostic.ToString(), Is.EqualTo(
            $"menus/carrier.json({line},{column}): error IVR0006: options[0] of node 'main' goes to node 'biling', which does not exist; did you mean 'billing'? [$.nodes.main.options[0].goto]"));
    }

    [Test]
    public void Warning_ToString_SaysWarning()
    {
        var json = SampleMenus.With("{ \"key\": \"2\",", "{ \"key\": \"10\",");

        var warning = MenuLoader.Load(json, "m.json").Diagnostics.Single();

        Assert.That(warning.ToString(), Does.Match(@"^m\.json\(\d+,\d+\): warning IVR0016: "));
    }

    [Test]
    public void Load_CyrillicBeforeAnError_GivesTheColumnInCharacters()
    {
        var json = SampleMenus.With("\"ru-RU\": \"До свидания.\" }", "\"ru-RU\": \"До свидания.\", \"xx-YY\": \"?\" }");

        var diagnostic = DiagnosticAssert.Single(json, "IVR0021");

        var (line, column) = SampleMenus.PositionOf(json, "\"xx-YY\"");
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((line, column)));
        var lineText = json.Split('\n')[line - 1];
        Assert.That(Encoding.UTF8.GetByteCount(lineText[..(column - 1)]), Is.GreaterThan(column - 1), "the line must have multi-byte characters before the error");
    }

    [Test]
    public void Load_NoEscapeTarget_IsOneErrorAtTheDefaultsNamingTheNodes()
    {
        var json = SampleMenus.With("\"escape\": { \"to\": { \"queue\": \"general\" } },", string.Empty);

        var result = MenuLoader.Load(json, SampleMenus.Path);

        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.JsonPath), Is.EqualTo(("IVR0004", "$.defaults.escape.to")));
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo(SampleMenus.PositionOf(json, "{\n    \"noInput\"")));
        Assert.That(diagnostic.Message, Does.EndWith("(nodes 'main', 'billing', 'goodbye')"));
    }

    [Test]
    public void Load_DisabledEscapeWithoutTarget_NeedsOnRetriesExhaustedAndBudgetThen()
    {
        var json = SampleMenus.With("\"escape\": { \"to\": { \"queue\": \"general\" } },", "\"escape\": { \"mode\": \"disabled\" },");

        var result = MenuLoader.Load(json, SampleMenus.Path);

        Assert.That(result.Diagnostics.Select(d => (d.Code, d.JsonPath)), Is.EquivalentTo(new[]
        {
            ("IVR0004", "$.budget.then"),
            ("IVR0004", "$.nodes.main.onRetriesExhausted"),
            ("IVR0004", "$.nodes.billing.onRetriesExhausted"),
        }), string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void Load_DisabledEscapeWithExplicitFallbacks_Loads()
    {
        var json = SampleMenus.With("\"escape\": { \"to\": { \"queue\": \"general\" } },",
            "\"escape\": { \"mode\": \"disabled\" }, \"onRetriesExhausted\": { \"goto\": \"goodbye\" },");
        json = SampleMenus.Replace(json, "\"start\": \"main\",", "\"start\": \"main\", \"budget\": { \"then\": { \"goto\": \"goodbye\" }, \"maxMenuSeconds\": 300 },");

        var result = MenuLoader.Load(json, SampleMenus.Path);

        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics));
        var main = result.Menu!.Nodes["main"];
        Assert.That(main.Escape.Mode, Is.EqualTo(EscapeMode.Disabled));
        Assert.That(main.OnRetriesExhausted, Is.EqualTo(new GoToNode("goodbye")));
        Assert.That(result.Menu.Budget.Target, Is.EqualTo(new GoToNode("goodbye")));
        Assert.That(result.Menu.Budget.MaxMenuTime, Is.EqualTo(NodaTime.Duration.FromSeconds(300)));
    }

    [Test]
    public void Load_FiftyNodeMenu_Loads()
    {
        var nodes = string.Join(",\n", Enumerable.Range(0, 50).Select(i =>
            $$"""
              "n{{i}}": {
                "prompt": { "en-US": "Node {{i}}. Press 1 to go on.", "ru-RU": "Узел {{i}}. Нажмите 1." },
                "options": [
                  { "key": "1", "say": { "en-US": ["next"], "ru-RU": ["дальше"] }, "goto": "n{{(i + 1) % 50}}" },
                  { "key": "2", "say": { "en-US": ["back"] }, "do": "back" },
                  { "key": "9", "say": { "en-US": ["help"] }, "queue": "general" }
                ]
              }
            """));
        var json = SampleMenus.Replace(SampleMenus.Valid, "\"start\": \"main\"", "\"start\": \"n0\"");
        json = json[..json.IndexOf("\"nodes\"", StringComparison.Ordinal)] + "\"nodes\": {\n" + nodes + "\n}\n}";

        var result = MenuLoader.Load(json, SampleMenus.Path);

        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics.Take(5)));
        Assert.That(result.Menu!.Nodes, Has.Count.EqualTo(50));
    }

    [TestCase("Customer-Service!", "customer service")]
    [TestCase("  Счёт   за  Связь ", "счет за связь")]
    [TestCase("I don't know", "i dont know")]
    [TestCase("ОПЕРАТОР?!", "оператор")]
    public void PhraseNormalizer_LowerCasesReadsYoAsYeDropsPunctuationAndCollapsesSpaces(string text, string expected)
    {
        Assert.That(PhraseNormalizer.Normalize(text), Is.EqualTo(expected));
    }
}
