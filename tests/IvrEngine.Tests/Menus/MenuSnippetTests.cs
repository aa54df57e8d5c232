using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IvrEngine.Menus;

namespace IvrEngine.Tests.Menus;

/// <summary>
/// The editor support in <c>.vscode/</c> works: the settings map every menu, staffing file and
/// scenario to a schema that exists, and each snippet, with its placeholders at their defaults,
/// is a part of a menu that loads without errors.
/// </summary>
public sealed partial class MenuSnippetTests
{
    private static readonly JsonDocumentOptions Jsonc = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static string VsCode => Path.Combine(RepoPaths.Root, ".vscode");

    /// <summary>Where each snippet goes in a small menu whose main node leads to a node called "billing".</summary>
    private const string Menu = """
        {
          "name": "snippets",
          "timeZone": "America/New_York",
          "locales": ["en-US"],
          "start": "main",
          "defaults": { "escape": { "to": { "queue": "general" } } },
          "queues": { "general": { "name": { "en-US": "customer care" } } QUEUE },
          "nodes": {
            "main": {
              "prompt": { "en-US": "For billing, press 1. For orders, press 2." },
              "options": [ { "key": "1", "goto": "billing" } OPTION ]
            },
            "orders": { "prompt": { "en-US": "Orders." }, "next": { "queue": "general" } }
            NODE
          }
        }
        """;

    public static IEnumerable<TestCaseData> Snippets()
    {
        var snippets = JsonNode.Parse(File.ReadAllText(Path.Combine(VsCode, "ivr-menu.code-snippets")), documentOptions: Jsonc)!.AsObject();
        foreach (var (name, snippet) in snippets)
        {
            var body = string.Join("\n", snippet!["body"]!.AsArray().Select(line => line!.GetValue<string>()));
            yield return new TestCaseData(snippet["prefix"]!.GetValue<string>(), body).SetArgDisplayNames(name);
        }
    }

    [TestCaseSource(nameof(Snippets))]
    public void Snippet_AtItsDefaults_LoadsInAMenu(string prefix, string body)
    {
        var text = Placeholder().Replace(body, m => m.Groups["default"].Value.Replace("\\}", "}", StringComparison.Ordinal).Replace("\\$", "$", StringComparison.Ordinal));
        var menu = prefix switch
        {
            "ivr-node" or "ivr-collector" => Menu.Replace("NODE", "," + text.Replace("\"account-number\"", "\"billing\"", StringComparison.Ordinal), StringComparison.Ordinal),
            "ivr-option" => Menu.Replace("OPTION", "," + text, StringComparison.Ordinal).Replace("NODE", ", \"billing\": { \"prompt\": { \"en-US\": \"Bye.\" }, \"next\": { \"hangup\": { \"en-US\": \"Goodbye.\" } } }", StringComparison.Ordinal),
            "ivr-queue" => Menu.Replace("QUEUE", "," + text, StringComparison.Ordinal).Replace("NODE", ", \"billing\": { \"prompt\": { \"en-US\": \"Billing.\" }, \"next\": { \"queue\": \"billing\" } }", StringComparison.Ordinal),
            _ => throw new AssertionException($"no place known for a snippet with prefix {prefix}"),
        };
        menu = menu.Replace("OPTION", "", StringComparison.Ordinal).Replace("QUEUE", "", StringComparison.Ordinal).Replace("NODE", "", StringComparison.Ordinal);

        var loaded = MenuLoader.Load(menu, "snippet.json");

        Assert.That(loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty, () => menu);
    }

    [Test]
    public void Settings_MapMenusStaffingAndScenariosToSchemasThatExist()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(VsCode, "settings.json")), documentOptions: Jsonc)!;

        var urls = settings["json.schemas"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()).ToList();

        Assert.That(urls, Is.EquivalentTo(new[] { "./menus/schema/menu.schema.json", "./menus/schema/staffing.schema.json", "./menus/schema/scenario.schema.json" }));
        Assert.That(urls.Select(u => Path.Combine(RepoPaths.Root, u)), Has.All.Matches<string>(File.Exists));
    }

    [GeneratedRegex(@"\$\{\d+:(?<default>(?:\\.|[^}\\])*)\}")]
    private static partial Regex Placeholder();
}
