using System.Net;
using System.Xml.Linq;

namespace IvrEngine.Tests.Http;

/// <summary>
/// What the menu map page reads: /menus/diagram.svg, /menus/nodes and /menus/status, including a
/// served file edited into an invalid state (located errors shown, last good version still drawn)
/// and fixed again.
/// </summary>
public sealed class MenuMapApiTests
{
    [Test]
    public async Task Diagram_IsTheServedVersionAsSvg_WithAGroupPerNode()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();

        var response = await client.GetAsync("/menus/diagram.svg");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/svg+xml"));
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(svg.Root!.Attribute("data-version")!.Value, Is.EqualTo(factory.Line.Menu!.Version));
        var nodes = svg.Descendants().Where(e => (string?)e.Attribute("class") is "node" or "node start").Select(e => (string)e.Attribute("data-node")!);
        Assert.That(nodes, Is.EquivalentTo(factory.Line.Menu.Nodes.Keys));
        Assert.That(svg.Descendants().Any(e => (string?)e.Attribute("data-queue") == "billing"), Is.True);
    }

    [Test]
    public async Task Diagram_InAnotherLocale_UsesItsPhrases_AndAnUnknownLocaleIsAProblem()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();

        var russian = await client.GetStringAsync("/menus/diagram.svg?locale=ru-RU");
        var unknown = await client.GetAsync("/menus/diagram.svg?locale=xx-XX");

        Assert.That(russian, Does.Contain("оператор").Or.Contain("оплат"));
        var problem = await ErrorPathTests.AssertProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid-request");
        Assert.That(problem.Str("detail"), Does.Contain("xx-XX").And.Contain("en-US, ru-RU"));
    }

    [Test]
    public async Task Nodes_GiveEachNodesPromptsByLocale_OptionsWithTargets_AndTimeouts()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        var menu = factory.Line.Menu!;

        var view = await (await client.GetAsync("/menus/nodes")).JsonAsync();

        Assert.That((view.Str("menu"), view.Str("version"), view.Str("start")), Is.EqualTo((menu.Name, menu.Version, menu.StartNodeId)));
        var nodes = view.GetProperty("nodes").EnumerateArray().ToList();
        Assert.That(nodes.Select(n => n.Str("id")), Is.EquivalentTo(menu.Nodes.Keys));
        var main = nodes[0];
        Assert.That(main.Str("id"), Is.EqualTo("main"));
        Assert.That(main.Str("kind"), Is.EqualTo("menu"));
        Assert.That(main.GetProperty("prompts").Str("en-US"), Is.EqualTo(menu.Nodes["main"].Prompt.For("en-US")));
        Assert.That(main.GetProperty("prompts").Str("ru-RU"), Is.EqualTo(menu.Nodes["main"].Prompt.For("ru-RU")));
        var first = main.GetProperty("options")[0];
        Assert.That((first.Str("key"), first.GetProperty("phrases").GetProperty("en-US")[0].GetString()), Is.EqualTo(("1", "pay my bill")));
        Assert.That((first.GetProperty("target").Str("do"), first.GetProperty("target").Str("node")), Is.EqualTo(("goto", "quick-pay")));
        Assert.That(main.GetProperty("noInput").GetProperty("timeoutSeconds").GetDouble(), Is.EqualTo(menu.Nodes["main"].NoInput.Timeout.TotalSeconds));
        Assert.That(main.GetProperty("escape").Str("mode"), Is.EqualTo("immediate"));
        Assert.That(main.GetProperty("escape").GetProperty("target").Str("queue"), Is.EqualTo("general"));
        var collect = nodes.First(n => n.Str("kind") == "collect");
        Assert.That(collect.GetProperty("collect").GetProperty("maxLength").GetInt32(), Is.GreaterThan(0));
        var queues = view.GetProperty("queues").EnumerateArray().Select(q => q.Str("id"));
        Assert.That(queues, Is.EquivalentTo(menu.Queues.Keys));
    }

    [Test]
    public async Task Status_OfAGoodFile_HasNoProblems()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();

        var status = await (await client.GetAsync("/menus/status")).JsonAsync();

        Assert.That((status.Str("menu"), status.Str("version")), Is.EqualTo(("carrier-support", factory.Line.Menu!.Version)));
        Assert.That(status.GetProperty("problems").GetArrayLength(), Is.Zero);
        Assert.That(status.GetProperty("loadedAt").GetDateTimeOffset(), Is.EqualTo(DateTimeOffset.Parse("2026-11-30T14:15:00Z", System.Globalization.CultureInfo.InvariantCulture)),
            "loaded at the virtual start, Monday 09:15 in New York");
    }

    [Test]
    public async Task AnInvalidEdit_ShowsItsLocatedErrors_WhileTheLastGoodVersionIsStillDrawn_AndTheFixClearsThem()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        var good = File.ReadAllText(factory.MenuPath);
        var goodVersion = factory.Line.Menu!.Version;

        // The file watcher reloads after its debounce on the line's (virtual) clock; Reload is that step, now.
        File.WriteAllText(factory.MenuPath, good.Replace("\"start\": \"main\"", "\"start\": \"nowhere\"", StringComparison.Ordinal));
        factory.Line.Catalog.Reload(factory.MenuPath);

        var broken = await (await client.GetAsync("/menus/status")).JsonAsync();
        Assert.That(broken.Str("version"), Is.EqualTo(goodVersion));
        var problem = broken.GetProperty("problems").EnumerateArray().Single(p => p.Str("severity") == "error");
        Assert.That((problem.Str("file"), problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32(), problem.Str("code"), problem.Str("path")),
            Is.EqualTo(("carrier-support.json", 14, 12, "IVR0011", "$.start")));
        Assert.That(problem.Str("message"), Does.Contain("nowhere"));
        var svg = await client.GetStringAsync("/menus/diagram.svg");
        Assert.That(XDocument.Parse(svg).Root!.Attribute("data-version")!.Value, Is.EqualTo(goodVersion));
        Assert.That((await (await client.GetAsync("/menus/nodes")).JsonAsync()).Str("version"), Is.EqualTo(goodVersion));

        File.WriteAllText(factory.MenuPath, good.Replace("Thanks for calling customer care.", "Thank you for calling customer care.", StringComparison.Ordinal));
        factory.Line.Catalog.Reload(factory.MenuPath);

        var fixedStatus = await (await client.GetAsync("/menus/status")).JsonAsync();
        Assert.That(fixedStatus.GetProperty("problems").GetArrayLength(), Is.Zero);
        var newVersion = fixedStatus.Str("version");
        Assert.That(newVersion, Is.Not.EqualTo(goodVersion));
        var versions = await (await client.GetAsync("/menus/versions")).JsonAsync();
        Assert.That(versions.EnumerateArray().Select(v => v.Str("version")), Is.EqualTo(new[] { goodVersion, newVersion }),
            "the fixed file is the next version served");
        var redrawn = XDocument.Parse(await client.GetStringAsync("/menus/diagram.svg"));
        Assert.That(redrawn.Root!.Attribute("data-version")!.Value, Is.EqualTo(newVersion));
        var main = (await (await client.GetAsync("/menus/nodes")).JsonAsync()).GetProperty("nodes")[0];
        Assert.That(main.GetProperty("prompts").Str("en-US"), Does.StartWith("Thank you for calling"));
    }

    [Test]
    public async Task RevertingABadEdit_ClearsTheProblems_OnTheSameVersion()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        var good = File.ReadAllText(factory.MenuPath);
        var version = factory.Line.Menu!.Version;

        File.WriteAllText(factory.MenuPath, "{ \"name\": ");
        factory.Line.Catalog.Reload(factory.MenuPath);
        var broken = await (await client.GetAsync("/menus/status")).JsonAsync();
        File.WriteAllText(factory.MenuPath, good);
        factory.Line.Catalog.Reload(factory.MenuPath);
        var reverted = await (await client.GetAsync("/menus/status")).JsonAsync();

        Assert.That(broken.GetProperty("problems").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(broken.GetProperty("problems")[0].GetProperty("line").GetInt32(), Is.EqualTo(1));
        Assert.That(reverted.GetProperty("problems").GetArrayLength(), Is.Zero);
        Assert.That(reverted.Str("version"), Is.EqualTo(version));
    }

    [Test]
    public async Task BeforeAMenuIsServed_TheMapEndpointsAnswerNoMenu()
    {
        using var factory = new IvrServiceFactory();
        var client = factory.CreateClient();

        foreach (var url in new[] { "/menus/diagram.svg", "/menus/nodes", "/menus/status" })
        {
            await ErrorPathTests.AssertProblemAsync(await client.GetAsync(url), HttpStatusCode.Conflict, "no-menu");
        }
    }
}
