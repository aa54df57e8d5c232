using System.Xml.Linq;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// <c>ivr diagram</c> of a menu with errors, as a user runs it (the built ivr, real files): what loads is
/// drawn in every format with the broken arrows marked, the errors go to stderr as <c>validate</c> prints
/// them, and the exit code is validate's 1; a file that is not JSON cannot be drawn and says so.
/// </summary>
public sealed class DiagramOfABrokenMenuEndToEndTests
{
    /// <summary>Main's billing option goes to 'biling', which does not exist (IVR0006).</summary>
    private static string BrokenGoto => CliMenus.WithUnknownNode;

    /// <summary>Billing's payment-arrangement option transfers to 'billng', which is not declared (IVR0014).</summary>
    private static string MissingQueue => CliMenus.Clean.Replace(
        "\"queue\": \"billing\" }", "\"queue\": \"billng\" }", StringComparison.Ordinal);

    [Test]
    public async Task Mermaid_OfABrokenGoto_DrawsTheMenu_WithARedDashedArrowToAMissingBox_AndFailsWithTheError()
    {
        using var file = IvrProcess.WriteTempFile(BrokenGoto);

        var result = await IvrProcess.RunAsync(string.Empty, "diagram", file.Path);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var lines = result.Output.Split('\n');
        Assert.That(lines, Does.Contain("  missing_n_biling[\"missing: biling<br/>no such node\"]:::missing"));
        var arrows = lines.Where(l => l.Contains("-->", StringComparison.Ordinal) || l.Contains("-.->", StringComparison.Ordinal)).ToList();
        var broken = arrows.FindIndex(l => l == "  n_main -.->|\"1 'billing'\"| missing_n_biling");
        Assert.That(broken, Is.GreaterThanOrEqualTo(0), result.Output);
        Assert.That(lines, Does.Contain($"  linkStyle {broken} stroke:#c62828,stroke-width:2px,stroke-dasharray:5 5,color:#c62828"));
        Assert.That(lines, Does.Contain("  classDef missing fill:#fdecea,stroke:#c62828,stroke-width:2px,stroke-dasharray:5 5,color:#8e0000"));

        // The rest of the menu is drawn as it would be: its other nodes and arrows.
        Assert.That(lines, Does.Contain("  n_main -->|\"2 'orders'\"| n_order_number"));
        Assert.That(lines.Single(l => l.StartsWith("  n_billing[", StringComparison.Ordinal)), Does.EndWith("<br/>unreachable from the start\"]"), "the node nothing now leads to is drawn, and said to be unreachable");
        Assert.That(lines.Single(l => l.StartsWith("  n_main[", StringComparison.Ordinal)), Does.Not.Contain("unreachable"));

        Assert.That(result.Error, Does.Match($@"{System.Text.RegularExpressions.Regex.Escape(file.Path)}\(\d+,\d+\): error IVR0006: options\[0\] of node 'main' goes to node 'biling', which does not exist; did you mean 'billing'\? \[\$\.nodes\.main\.options\[0\]\.goto\]"));
        Assert.That(result.Error, Does.Contain($"ivr diagram: {file.Path} has errors (above); drawn as far as it loads"));
    }

    [Test]
    public async Task Dot_OfABrokenGoto_WritesTheFile_WithTheBrokenEdgeRedAndDashed_AndExits1()
    {
        using var menu = IvrProcess.WriteTempFile(BrokenGoto);
        using var dot = IvrProcess.WriteTempFile(null, ".dot");

        var result = await IvrProcess.RunAsync(string.Empty, "diagram", menu.Path, "--format", "dot", "--out", dot.Path);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Is.EqualTo($"Wrote {dot.Path}\n"));
        var text = File.ReadAllText(dot.Path);
        Assert.That(text, Does.StartWith("digraph \"test-line\" {"));
        Assert.That(text, Does.Contain("  missing_n_biling [shape=box, style=\"dashed,filled\", fillcolor=\"#fdecea\", color=\"#c62828\", fontcolor=\"#c62828\", label=\"missing: biling\\nno such node\"];"));
        Assert.That(text, Does.Contain("  n_main -> missing_n_biling [label=\"1 'billing'\", style=dashed, color=\"#c62828\", fontcolor=\"#c62828\", penwidth=2];"));
        Assert.That(text, Does.Contain("  n_main -> n_order_number [label=\"2 'orders'\"];"), "sound edges are drawn as always");
        Assert.That(result.Error, Does.Contain("error IVR0006").And.Contain("[$.nodes.main.options[0].goto]"));
    }

    [Test]
    public async Task Svg_OfAMissingQueue_MarksTheArrowAndTheMissingBox_AndTheLegendSaysWhatRedMeans()
    {
        using var menu = IvrProcess.WriteTempFile(MissingQueue);

        var result = await IvrProcess.RunAsync(string.Empty, "diagram", menu.Path, "--format", "svg");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var svg = XDocument.Parse(result.Output);
        var missing = svg.Descendants().Single(e => (string?)e.Attribute("class") == "missing");
        Assert.That((string?)missing.Attribute("data-missing"), Is.EqualTo("billng"));
        Assert.That(missing.Descendants().Where(e => e.Name.LocalName == "tspan").Select(e => e.Value), Is.EqualTo(new[] { "missing: billng", "no such queue" }));
        var edge = svg.Descendants().Single(e => ((string?)e.Attribute("class"))?.EndsWith(" broken", StringComparison.Ordinal) == true);
        Assert.That((string?)edge.Attribute("data-from"), Is.EqualTo("node-billing"));
        Assert.That((string?)edge.Attribute("data-to"), Is.EqualTo((string?)missing.Attribute("id")));
        var path = edge.Descendants().Single(e => e.Name.LocalName == "path");
        Assert.That(((string?)path.Attribute("stroke"), (string?)path.Attribute("stroke-dasharray")), Is.EqualTo(("#c62828", "5 4")));
        Assert.That(svg.Descendants().Any(e => (string?)e.Attribute("class") == "legend-edge" && (string?)e.Attribute("data-kind") == "broken"), Is.True);
        Assert.That(svg.Descendants().Any(e => (string?)e.Attribute("id") == "queue-retention"), Is.True, "the queues that exist are drawn");
        Assert.That(result.Error, Does.Contain("error IVR0014: options[1] of node 'billing' transfers to queue 'billng', which is not declared under 'queues'; did you mean 'billing'?")
            .And.Contain("[$.nodes.billing.options[1].queue]"));
    }

    [Test]
    public async Task Diagram_OfAValidMenu_HasNoBrokenMarks_AndExits0()
    {
        using var menu = IvrProcess.WriteTempFile(CliMenus.Clean);

        var mermaid = await IvrProcess.RunAsync(string.Empty, "diagram", menu.Path);
        var svg = await IvrProcess.RunAsync(string.Empty, "diagram", menu.Path, "--format", "svg");

        Assert.That((mermaid.ExitCode, mermaid.Error), Is.EqualTo((0, "")), mermaid.ToString());
        Assert.That(mermaid.Output, Does.Not.Contain("missing").And.Not.Contain("linkStyle").And.Not.Contain("classDef").And.Not.Contain("unreachable"));
        Assert.That(svg.ExitCode, Is.EqualTo(0), svg.ToString());
        Assert.That(svg.Output, Does.Not.Contain("broken").And.Not.Contain("class=\"missing\""));
    }

    [Test]
    public async Task Diagram_OfAValidMenuWithANodeNothingLeadsTo_SaysSoInTheNode_AndExits0()
    {
        using var menu = IvrProcess.WriteTempFile(CliMenus.WithUnreachableNode);

        var result = await IvrProcess.RunAsync(string.Empty, "diagram", menu.Path, "--format", "dot");

        Assert.That((result.ExitCode, result.Error), Is.EqualTo((0, "")), result.ToString());
        Assert.That(result.Output, Does.Contain("  n_orphan [shape=box, style=rounded, label=\"orphan\\nthen: main menu\\nunreachable from the start\"];"));
        Assert.That(result.Output.Split('\n').Count(l => l.Contains("unreachable", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task Diagram_OfAFileThatIsNotJson_IsRefusedWithItsErrorAndOneLine()
    {
        using var menu = IvrProcess.WriteTempFile(CliMenus.Clean.Replace("\"start\": \"main\",", "\"start\": \"main\"", StringComparison.Ordinal));

        var result = await IvrProcess.RunAsync(string.Empty, "diagram", menu.Path, "--format", "dot");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Is.Empty);
        var lines = result.Error.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(2), result.Error);
        Assert.That(lines[0], Does.StartWith($"{menu.Path}(").And.Contain("error IVR0001: the file is not valid JSON: missing comma"));
        Assert.That(lines[1], Is.EqualTo($"ivr diagram: cannot draw {menu.Path}: it cannot be read as JSON; fix the error above and try again."));
    }

    [Test]
    public async Task Diagram_OfAMenuWithNoNodeThatLoads_SaysThereIsNothingToDraw()
    {
        using var menu = IvrProcess.WriteTempFile("{ \"name\": \"empty\", \"timeZone\": \"UTC\", \"locales\": [\"en-US\"], \"start\": \"main\", \"nodes\": { \"main\": 5 } }");

        var result = await IvrProcess.RunAsync(string.Empty, "diagram", menu.Path);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error, Does.Contain("error IVR0002").And.EndWith($"ivr diagram: cannot draw {menu.Path}: no node of it loads; fix the error above and try again.\n"));
    }
}
