using System.Globalization;
using System.Xml.Linq;
using IvrEngine.Menus;
using IvrEngine.Menus.Diagrams;

namespace IvrEngine.Tests.Menus.Diagrams;

/// <summary>
/// The SVG picture of a menu: the same boxes and arrows as the Mermaid and DOT writers, laid out by
/// Automatic Graph Layout without overlaps, with the element ids and data attributes a page uses.
/// </summary>
public sealed class SvgMenuDiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static Menu Bundled() => MenuLoader.LoadFile(RepoPaths.BundledMenu).Menu!;

    private static IEnumerable<XElement> Groups(XDocument svg, string cssClass) =>
        svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    [Test]
    public void BundledMenu_DrawsEveryNodeAsAGroupAPageCanFindByItsId()
    {
        var menu = Bundled();

        var svg = XDocument.Parse(SvgMenuWriter.Write(menu));

        var nodes = Groups(svg, "node").ToList();
        Assert.That(nodes.Select(n => (string?)n.Attribute("data-node")), Is.EquivalentTo(menu.Nodes.Keys));
        Assert.That(nodes.All(n => (string?)n.Attribute("id") == "node-" + (string?)n.Attribute("data-node")), Is.True);
        Assert.That(nodes.Single(n => ((string)n.Attribute("class")!).Contains("start", StringComparison.Ordinal)).Attribute("data-node")!.Value, Is.EqualTo(menu.StartNodeId));
        Assert.That(svg.Root!.Attribute("data-version")!.Value, Is.EqualTo(menu.Version));
        Assert.That(svg.Root.Element(Svg + "title")!.Value, Does.Contain("carrier-support"));
    }

    [Test]
    public void BundledMenu_DrawsEachQueueAndEachArrowOfTheModel_BetweenDrawnBoxes()
    {
        var menu = Bundled();
        var model = MenuGraphModel.From(menu);

        var svg = XDocument.Parse(SvgMenuWriter.Write(menu));

        var queues = Groups(svg, "queue").Select(q => (string)q.Attribute("data-queue")!).ToList();
        Assert.That(queues, Is.EquivalentTo(model.Boxes.Where(b => b.Shape == GraphShape.Queue).Select(b => b.Key)));
        var ids = svg.Descendants().Select(e => (string?)e.Attribute("id")).Where(id => id is not null).ToHashSet();
        var edges = Groups(svg, "edge").ToList();
        Assert.That(edges, Has.Count.EqualTo(model.Arrows.Count));
        Assert.That(edges.SelectMany(e => new[] { (string)e.Attribute("data-from")!, (string)e.Attribute("data-to")! }).Where(id => !ids.Contains(id)), Is.Empty);
        Assert.That(edges.Select(e => e.Element(Svg + "text")!.Value), Is.EquivalentTo(model.Arrows.Select(a => a.Label)));
        Assert.That(edges.All(e => e.Element(Svg + "path")!.Attribute("d")!.Value.StartsWith('M') && e.Element(Svg + "polygon") is not null), Is.True, "each arrow has a path and a head");
    }

    [Test]
    public void BundledMenu_BoxesDoNotOverlap_AndTheirTextFitsInside()
    {
        var svg = XDocument.Parse(SvgMenuWriter.Write(Bundled()));

        var boxes = Groups(svg, "node").Concat(Groups(svg, "queue"))
            .Select(g => g.Elements().First(e => (string?)e.Attribute("class") == "shape"))
            .Where(shape => shape.Name == Svg + "rect")
            .Select(r => (Id: (string)r.Parent!.Attribute("id")!, X: D(r, "x"), Y: D(r, "y"), W: D(r, "width"), H: D(r, "height"), Text: r.Parent!.Element(Svg + "text")!))
            .ToList();
        Assert.That(boxes, Has.Count.GreaterThan(30));
        var overlaps = from a in boxes
                       from b in boxes
                       where string.CompareOrdinal(a.Id, b.Id) < 0 && a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H
                       select $"{a.Id} overlaps {b.Id}";
        Assert.That(overlaps, Is.Empty);
        foreach (var box in boxes)
        {
            var longest = box.Text.Elements().Max(t => t.Value.Length);
            Assert.That(longest * 12 * 0.55, Is.LessThanOrEqualTo(box.W), $"{box.Id}'s text is wider than its box");
        }
    }

    [Test]
    public void HoursAndCallbacks_AreDrawnAsTheirOwnKindOfArrow_AndTheLegendNamesEveryKind()
    {
        var json = SampleMenus.With("\"queues\": { \"general\": { \"name\": { \"en-US\": \"customer care\", \"ru-RU\": \"служба поддержки\" } } },", """
            "hours": { "care": { "weekly": { "mon-fri": "09:00-17:00" } } },
              "queues": {
                "general": { "name": { "en-US": "customer care", "ru-RU": "служба поддержки" } },
                "billing": { "name": { "en-US": "billing", "ru-RU": "отдел оплаты" }, "hours": "care", "callback": { "whenClosed": true } }
              },
            """).Replace("{ \"key\": \"2\", \"say\": { \"en-US\": [\"goodbye\"] }, \"goto\": \"goodbye\" },",
            "{ \"key\": \"2\", \"say\": { \"en-US\": [\"goodbye\"] }, \"goto\": \"goodbye\" }, { \"key\": \"3\", \"say\": { \"en-US\": [\"call me <back> & \\\"now\\\"\"] }, \"callback\": \"billing\" },", StringComparison.Ordinal);
        var loaded = MenuLoader.Load(json, SampleMenus.Path);
        Assert.That(loaded.Succeeded, Is.True, () => string.Join("\n", loaded.Diagnostics));

        var svg = XDocument.Parse(SvgMenuWriter.Write(loaded.Menu!));

        var callback = Groups(svg, "edge-callback").Single();
        Assert.That(callback.Element(Svg + "text")!.Value, Is.EqualTo("3 'call me <back> & \"now\"': callback"));
        Assert.That(((string)callback.Attribute("data-from")!, (string)callback.Attribute("data-to")!), Is.EqualTo(("node-main", "queue-billing")));
        Assert.That(callback.Element(Svg + "path")!.Attribute("stroke-dasharray"), Is.Not.Null);
        var closed = Groups(svg, "edge-closed").Single();
        Assert.That(((string)closed.Attribute("data-from")!, closed.Element(Svg + "text")!.Value), Is.EqualTo(("queue-billing", "closed (care)")));
        Assert.That(Groups(svg, "queue").Single(q => (string?)q.Attribute("data-queue") == "billing").Value, Does.Contain("callback: when closed"));
        var legend = Groups(svg, "legend").Single();
        Assert.That(legend.Descendants(Svg + "g").Select(g => (string)g.Attribute("data-kind")!), Is.EquivalentTo(new[] { "option", "next", "callback", "escape", "retries", "closed" }));
        Assert.That(legend.Value, Does.Contain("start: main"));
    }

    [Test]
    public void TheSameMenu_DrawsTheSamePicture()
    {
        var first = SvgMenuWriter.Write(Bundled(), "ru-RU");
        var second = SvgMenuWriter.Write(Bundled(), "ru-RU");

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void ALocale_LabelsTheArrowsWithItsPhrases()
    {
        var menu = Bundled();
        var other = menu.Locales.First(l => l != menu.DefaultLocale);
        var option = menu.Nodes[menu.StartNodeId].Options.First(o => !o.Phrases.For(other).IsEmpty);

        var svg = SvgMenuWriter.Write(menu, other);

        Assert.That(svg, Does.Contain(SvgMenuWriter.Xml($"'{option.Phrases.For(other)[0]}'")));
    }

    private static double D(XElement element, string attribute) => double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}
