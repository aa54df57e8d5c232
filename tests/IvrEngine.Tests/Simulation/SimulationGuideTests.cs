using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IvrEngine.Simulation;
using Json.Schema;

namespace IvrEngine.Tests.Simulation;

/// <summary><c>docs/simulation.md</c> stays true to the format: its example loads, and it documents every property the schema has.</summary>
public sealed partial class SimulationGuideTests
{
    private static string GuidePath => Path.Combine(RepoPaths.Root, "docs", "simulation.md");

    [Test]
    public void TheGuidesExampleScenario_LoadsBesideTheBundledMenu_AndMatchesTheSchema()
    {
        var example = ScenarioBlock().Match(File.ReadAllText(GuidePath));
        Assert.That(example.Success, Is.True, "the guide should show a scenario in a ```jsonc block");
        var json = example.Groups["json"].Value;

        var loaded = ScenarioLoader.Load(Encoding.UTF8.GetBytes(json), Path.Combine(RepoPaths.Menus, "example.scenario.json"));

        Assert.That(loaded.Diagnostics.Where(d => d.IsError), Is.Empty, () => string.Join("\n", loaded.Diagnostics));
        Assert.That(loaded.Diagnostics.Select(d => d.Code), Has.All.EqualTo("IVR0004"), "only the queues it leaves out are warned about");
        var schema = JsonSchema.FromText(File.ReadAllText(SimulationFiles.ScenarioSchema), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        Assert.That(schema.Evaluate(document.RootElement).IsValid, Is.True);
    }

    [Test]
    public void TheGuide_NamesEveryPropertyOfTheSchema()
    {
        var guide = File.ReadAllText(GuidePath);
        var schema = JsonNode.Parse(File.ReadAllText(SimulationFiles.ScenarioSchema))!;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        CollectPropertyNames(schema, names);

        Assert.That(names, Is.Not.Empty);
        Assert.That(names.Where(n => !guide.Contains($"`{n}`", StringComparison.Ordinal)), Is.Empty, "properties the guide does not mention in `code`");
    }

    private static void CollectPropertyNames(JsonNode? node, ISet<string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (name == "properties" && child is JsonObject properties)
                    {
                        foreach (var (property, _) in properties) names.Add(property);
                    }
                    CollectPropertyNames(child, names);
                }
                break;
            case JsonArray array:
                foreach (var item in array) CollectPropertyNames(item, names);
                break;
        }
    }

    [GeneratedRegex(@"```jsonc\n(?<json>\{\n  ""\$schema"": ""\./schema/scenario\.schema\.json"".*?\n\})\n```", RegexOptions.Singleline)]
    private static partial Regex ScenarioBlock();
}
