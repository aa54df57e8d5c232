using IvrEngine.Menus;
using IvrEngine.Menus.Diagrams;

namespace IvrEngine.Tests.Menus.Diagrams;

/// <summary>Diagrams of a small menu, compared to the expected text; and the README's diagram of the bundled menu kept current.</summary>
public sealed class MenuDiagramTests
{
    private const string ReadmeStart = "<!-- bundled-menu-diagram:start (generated: IVR_UPDATE_DOCS=1 dotnet test --filter MenuDiagramTests) -->";
    private const string ReadmeEnd = "<!-- bundled-menu-diagram:end -->";

    private static Menu Small()
    {
        var json = SampleMenus.With("\"goodbye\": {", """
            "confirm": {
                  "prompt": { "en-US": "Press 1 for yes.", "ru-RU": "Да — 1." },
                  "escape": { "mode": "confirm", "to": { "queue": "general" } },
                  "onRetriesExhausted": { "do": "back" },
                  "options": [ { "key": "1", "say": { "en-US": ["say \"yes\""] }, "goto": "goodbye" }, { "key": "*", "do": "repeat" } ]
                },
                "goodbye": {
            """).Replace("{ \"key\": \"2\", \"say\": { \"en-US\": [\"goodbye\"] }, \"goto\": \"goodbye\" }", "{ \"key\": \"2\", \"goto\": \"confirm\" }", StringComparison.Ordinal);
        var loaded = MenuLoader.Load(json, SampleMenus.Path);
        Assert.That(loaded.Succeeded, Is.True, () => string.Join("\n", loaded.Diagnostics));
        return loaded.Menu!;
    }

    [Test]
    public void Mermaid_SmallMenu()
    {
        Assert.That(MermaidMenuWriter.Write(Small()), Is.EqualTo("""
            flowchart LR
              legend>"start: main<br/>escape to a human, unless drawn: keys 0 #35;, immediate, queue general<br/>retries exhausted, unless drawn: queue general<br/>budget (6 failed inputs or 600 s): queue general"]
              n_main["main"]
              n_billing[/"billing<br/>collect accountNumber (6-10 digits)"/]
              n_confirm["confirm<br/>*: repeat<br/>retries exhausted: back"]
              n_goodbye(["goodbye"])
              q_general[["queue general<br/>customer care"]]
              hangup(("hang up"))
              n_main -->|"1 'billing'"| n_billing
              n_main -->|"2"| n_confirm
              n_billing -->|"entered"| n_goodbye
              n_confirm -->|"1 'say #quot;yes#quot;'"| n_goodbye
              n_confirm -.->|"escape 0 #35; (confirm)"| q_general
              n_goodbye -->|"then"| hangup

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Dot_SmallMenu()
    {
        Assert.That(DotMenuWriter.Write(Small(), "ru-RU"), Is.EqualTo("""
            digraph "carrier-support" {
              rankdir=LR;
              node [fontname="Helvetica", fontsize=10];
              edge [fontname="Helvetica", fontsize=9];
              legend [shape=note, label="start: main\nescape to a human, unless drawn: keys 0 #, immediate, queue general\nretries exhausted, unless drawn: queue general\nbudget (6 failed inputs or 600 s): queue general"];
              n_main [shape=box, label="main"];
              n_billing [shape=parallelogram, label="billing\ncollect accountNumber (6-10 digits)"];
              n_confirm [shape=box, label="confirm\n*: repeat\nretries exhausted: back"];
              n_goodbye [shape=box, style=rounded, label="goodbye"];
              q_general [shape=box, peripheries=2, label="queue general\nслужба поддержки"];
              hangup [shape=doublecircle, label="hang up"];
              n_main -> n_billing [label="1 'оплата'"];
              n_main -> n_confirm [label="2"];
              n_billing -> n_goodbye [label="entered"];
              n_confirm -> n_goodbye [label="1"];
              n_confirm -> q_general [label="escape 0 # (confirm)", style=dashed];
              n_goodbye -> hangup [label="then"];
            }

            """.ReplaceLineEndings("\n")));
    }

    /// <summary>A menu with hours: billing is closed to the goodbye; general offers callbacks and, closed, sends callers to a later queue.</summary>
    private static Menu WithHours()
    {
        var json = SampleMenus.With("\"queues\": { \"general\": { \"name\": { \"en-US\": \"customer care\", \"ru-RU\": \"служба поддержки\" } } },", """
            "hours": { "care": { "weekly": { "mon-fri": "09:00-17:00" } }, "late": { "weekly": { "daily": "07:00-23:00" } } },
              "queues": {
                "general": { "name": { "en-US": "customer care", "ru-RU": "служба поддержки" }, "hours": "care", "whenClosed": { "queue": "night" },
                  "callback": { "offerWhenWaitOverSeconds": 120, "whenClosed": true } },
                "night": { "name": { "en-US": "night desk", "ru-RU": "ночная смена" }, "hours": "late", "callback": { "whenClosed": true } }
              },
            """).Replace("\"collect\": { \"into\"", "\"hours\": { \"schedule\": \"care\", \"whenClosed\": { \"goto\": \"goodbye\" } }, \"collect\": { \"into\"", StringComparison.Ordinal);
        var loaded = MenuLoader.Load(json, SampleMenus.Path);
        Assert.That(loaded.Succeeded, Is.True, () => string.Join("\n", loaded.Diagnostics));
        return loaded.Menu!;
    }

    [Test]
    public void Mermaid_HoursBranchesAndCallbackOffers()
    {
        Assert.That(MermaidMenuWriter.Write(WithHours()), Is.EqualTo("""
            flowchart LR
              legend>"start: main<br/>escape to a human, unless drawn: keys 0 #35;, immediate, queue general<br/>retries exhausted, unless drawn: queue general<br/>budget (6 failed inputs or 600 s): queue general"]
              n_main["main"]
              n_billing[/"billing<br/>collect accountNumber (6-10 digits)"/]
              n_goodbye(["goodbye"])
              q_general[["queue general<br/>customer care<br/>callback: virtual hold > 120 s<br/>callback: when closed"]]
              q_night[["queue night<br/>night desk<br/>callback: when closed"]]
              hangup(("hang up"))
              n_main -->|"1 'billing'"| n_billing
              n_main -->|"2 'goodbye'"| n_goodbye
              n_billing -->|"entered"| n_goodbye
              n_billing -.->|"closed (care)"| n_goodbye
              n_goodbye -->|"then"| hangup
              q_general -.->|"closed (care)"| q_night
              q_night -.->|"closed (late)"| hangup

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void ACallbackOption_IsADashedCallbackArrowToItsQueue()
    {
        var json = SampleMenus.With("\"queues\": { \"general\": { \"name\": { \"en-US\": \"customer care\", \"ru-RU\": \"служба поддержки\" } } },", """
            "hours": { "care": { "weekly": { "mon-fri": "09:00-17:00" } } },
              "queues": {
                "general": { "name": { "en-US": "customer care", "ru-RU": "служба поддержки" } },
                "billing": { "name": { "en-US": "billing", "ru-RU": "отдел оплаты" }, "hours": "care" }
              },
            """).Replace("{ \"key\": \"2\", \"say\": { \"en-US\": [\"goodbye\"] }, \"goto\": \"goodbye\" },",
            "{ \"key\": \"2\", \"say\": { \"en-US\": [\"goodbye\"] }, \"goto\": \"goodbye\" }, { \"key\": \"3\", \"say\": { \"en-US\": [\"call me back\"] }, \"callback\": \"billing\" },", StringComparison.Ordinal);
        var loaded = MenuLoader.Load(json, SampleMenus.Path);
        Assert.That(loaded.Succeeded, Is.True, () => string.Join("\n", loaded.Diagnostics));

        var mermaid = MermaidMenuWriter.Write(loaded.Menu!);
        var dot = DotMenuWriter.Write(loaded.Menu!);

        Assert.That(mermaid, Does.Contain("  n_main -.->|\"3 'call me back': callback\"| q_billing\n"));
        Assert.That(mermaid, Does.Contain("  q_billing[[\"queue billing<br/>billing\"]]\n"));
        Assert.That(dot, Does.Contain("  n_main -> q_billing [label=\"3 'call me back': callback\", style=dashed];\n"));
    }

    [Test]
    public void Dot_HoursBranchesAndCallbackOffers()
    {
        Assert.That(DotMenuWriter.Write(WithHours()), Is.EqualTo("""
            digraph "carrier-support" {
              rankdir=LR;
              node [fontname="Helvetica", fontsize=10];
              edge [fontname="Helvetica", fontsize=9];
              legend [shape=note, label="start: main\nescape to a human, unless drawn: keys 0 #, immediate, queue general\nretries exhausted, unless drawn: queue general\nbudget (6 failed inputs or 600 s): queue general"];
              n_main [shape=box, label="main"];
              n_billing [shape=parallelogram, label="billing\ncollect accountNumber (6-10 digits)"];
              n_goodbye [shape=box, style=rounded, label="goodbye"];
              q_general [shape=box, peripheries=2, label="queue general\ncustomer care\ncallback: virtual hold > 120 s\ncallback: when closed"];
              q_night [shape=box, peripheries=2, label="queue night\nnight desk\ncallback: when closed"];
              hangup [shape=doublecircle, label="hang up"];
              n_main -> n_billing [label="1 'billing'"];
              n_main -> n_goodbye [label="2 'goodbye'"];
              n_billing -> n_goodbye [label="entered"];
              n_billing -> n_goodbye [label="closed (care)", style=dashed];
              n_goodbye -> hangup [label="then"];
              q_general -> q_night [label="closed (care)", style=dashed];
              q_night -> hangup [label="closed (late)", style=dashed];
            }

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void NodeIdsThatDifferOnlyInPunctuation_GetDistinctDiagramIds()
    {
        var ids = new DiagramIds();

        Assert.That(new[] { ids.Node("a-b"), ids.Node("a_b"), ids.Node("a-b"), ids.Queue("a-b") }, Is.EqualTo(new[] { "n_a_b", "n_a_b_2", "n_a_b", "q_a_b" }));
    }

    internal static string ExpectedReadmeBlock() =>
        $"{ReadmeStart}\n```mermaid\n{MermaidMenuWriter.Write(MenuLoader.LoadFile(RepoPaths.BundledMenu).Menu!)}```\n{ReadmeEnd}";

    [Test]
    public void Readme_ShowsTheBundledMenusCurrentDiagram()
    {
        var readmePath = Path.Combine(RepoPaths.Root, "README.md");
        var readme = File.ReadAllText(readmePath).ReplaceLineEndings("\n");
        var start = readme.IndexOf(ReadmeStart, StringComparison.Ordinal);
        var end = readme.IndexOf(ReadmeEnd, StringComparison.Ordinal);
        Assert.That(start >= 0 && end > start, Is.True, "README.md should hold the generated diagram between its markers");
        var current = readme[start..(end + ReadmeEnd.Length)];
        if (Environment.GetEnvironmentVariable("IVR_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(readmePath, readme.Replace(current, ExpectedReadmeBlock(), StringComparison.Ordinal));
            return;
        }

        Assert.That(current, Is.EqualTo(ExpectedReadmeBlock()), "the README's diagram is stale; run IVR_UPDATE_DOCS=1 dotnet test --filter MenuDiagramTests");
    }
}
