using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace IvrEngine.Tests.Menus;

/// <summary>
/// The JSON Schema in <c>menus/schema/menu.schema.json</c> is what editors use to complete and check
/// menu files. These tests keep it honest: every menu in the repository validates, every menu names
/// it, and typical mistakes are caught.
/// </summary>
[TestFixture]
public sealed class MenuSchemaTests
{
    // Menus are hand-edited JSONC, as the loader accepts them.
    private static readonly JsonDocumentOptions MenuJsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<JsonSchema> LazySchema = new(BuildSchema);

    private static JsonSchema Schema => LazySchema.Value;

    public static IEnumerable<TestCaseData> MenuFiles() =>
        Directory.EnumerateFiles(RepoPaths.Menus, "*.json", SearchOption.AllDirectories)
            .Where(f => !Path.GetFullPath(f).StartsWith(Path.GetFullPath(Path.GetDirectoryName(RepoPaths.Schema)!), StringComparison.Ordinal))
            .Where(f => !f.EndsWith(".staffing.json", StringComparison.Ordinal) && !f.EndsWith(".scenario.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/')));

    [Test]
    public void Schema_IsAValidDraft202012Schema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.Schema));

        var results = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });

        Assert.That(results.IsValid, Is.True, () => Describe(results));
        Assert.That(document.RootElement.GetProperty("$schema").GetString(), Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
    }

    [Test]
    public void Schema_DescribesEveryProperty()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepoPaths.Schema))!;
        var missing = new List<string>();
        CollectUndescribedProperties(schema, schema, "#", missing);

        Assert.That(missing, Is.Empty, "properties without a description (editors show it as a tooltip)");
    }

    [Test]
    public void MenuFolder_HoldsTheBundledMenuAndTheMinimalExample()
    {
        var files = MenuFiles().Select(c => Path.GetFullPath((string)c.Arguments[0]!)).ToList();

        Assert.That(files, Does.Contain(Path.GetFullPath(RepoPaths.BundledMenu)));
        Assert.That(files, Does.Contain(Path.GetFullPath(Path.Combine(RepoPaths.Menus, "examples", "minimal.json"))));
    }

    [TestCaseSource(nameof(MenuFiles))]
    public void Menu_ValidatesAgainstTheSchema(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), MenuJsonOptions);

        var results = Evaluate(document.RootElement);

        Assert.That(results.IsValid, Is.True, () => $"{path} does not match the schema:{Environment.NewLine}{Describe(results)}");
    }

    [TestCaseSource(nameof(MenuFiles))]
    public void Menu_NamesTheSchemaByARelativePathThatResolves(string path)
    {
        var menu = JsonNode.Parse(File.ReadAllText(path), documentOptions: MenuJsonOptions)!;

        var schemaPath = menu["$schema"]?.GetValue<string>();

        Assert.That(schemaPath, Is.Not.Null.And.Not.Empty, "the menu should name the schema in \"$schema\"");
        var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, schemaPath!));
        Assert.That(resolved, Is.EqualTo(Path.GetFullPath(RepoPaths.Schema)), $"\"$schema\": \"{schemaPath}\" should lead to the schema file");
    }

    [Test]
    public void MinimalDocument_IsValid()
    {
        // The base of the crafted bad documents below: it must be valid, so each of them fails
        // for its own mistake only.
        var results = Evaluate(MinimalMenu());

        Assert.That(results.IsValid, Is.True, () => Describe(results));
    }

    [TestCase("/nodes/main/promt", TestName = "Bad: an unknown property in a node")]
    [TestCase("/colour", TestName = "Bad: an unknown property at the top level")]
    public void UnknownProperty_IsRejected(string pointer)
    {
        var menu = MinimalMenu();
        var parent = (JsonObject)Navigate(menu, pointer[..pointer.LastIndexOf('/')]);
        parent[pointer[(pointer.LastIndexOf('/') + 1)..]] = "oops";

        AssertInvalid(menu, pointer);
    }

    [Test]
    public void OptionWithTwoVerbs_IsRejected()
    {
        var menu = MinimalMenu();
        Navigate(menu, "/nodes/main/options/0")["queue"] = "general";

        AssertInvalid(menu, "/nodes/main/options/0");
    }

    [Test]
    public void OptionThatBooksACallback_IsValid()
    {
        var menu = MinimalMenu();
        var option = Navigate(menu, "/nodes/main/options/0");
        option.AsObject().Remove("goto");
        option["callback"] = "general";

        var results = Evaluate(menu);

        Assert.That(results.IsValid, Is.True, () => Describe(results));
    }

    [Test]
    public void OptionWithACallbackAndAnotherVerb_IsRejected()
    {
        var menu = MinimalMenu();
        Navigate(menu, "/nodes/main/options/0")["callback"] = "general";

        AssertInvalid(menu, "/nodes/main/options/0");
    }

    [Test]
    public void ACallbackOutsideAnOption_IsRejected()
    {
        var menu = MinimalMenu();
        Navigate(menu, "/nodes/hours")["next"] = new JsonObject { ["callback"] = "general" };

        AssertInvalid(menu, "/nodes/hours/next");
    }

    [Test]
    public void ActionWithTwoVerbs_IsRejected()
    {
        var menu = MinimalMenu();
        Navigate(menu, "/nodes/hours/next")["hangup"] = new JsonObject { ["en-US"] = "Goodbye." };

        AssertInvalid(menu, "/nodes/hours/next");
    }

    [Test]
    public void ActionWithNoVerb_IsRejected()
    {
        var menu = MinimalMenu();
        Navigate(menu, "/nodes/hours")["next"] = new JsonObject();

        AssertInvalid(menu, "/nodes/hours/next");
    }

    [Test]
    public void KeyOutsideTheKeypad_IsRejected()
    {
        var menu = MinimalMenu();
        Navigate(menu, "/nodes/main/options/0")["key"] = "A";

        AssertInvalid(menu, "/nodes/main/options/0/key");
    }

    [Test]
    public void UnknownEscapeMode_IsRejected()
    {
        var menu = MinimalMenu();
        Navigate(menu, "/defaults/escape")["mode"] = "sometimes";

        AssertInvalid(menu, "/defaults/escape/mode");
    }

    [Test]
    public void NodeWithOptionsAndNext_IsRejected()
    {
        var menu = MinimalMenu();
        Navigate(menu, "/nodes/main")["next"] = new JsonObject { ["do"] = "repeat" };

        AssertInvalid(menu, "/nodes/main");
    }

    [Test]
    public void MalformedLocaleTag_IsRejected()
    {
        var menu = MinimalMenu();
        Navigate(menu, "/nodes/main/prompt")["english"] = "Hello.";

        AssertInvalid(menu, "/nodes/main/prompt");
    }

    /// <summary>BCP 47 tags are case-insensitive: what the loader takes, editors must not underline.</summary>
    [TestCase("en-US", true)]
    [TestCase("en-us", true)]
    [TestCase("EN-US", true)]
    [TestCase("ru-ru", true)]
    [TestCase("english", false)]
    [TestCase("en_US", false)]
    [TestCase("e-US", false)]
    public void LocaleTag_TheSchemaAndTheLoaderAgree(string tag, bool accepted)
    {
        var text = MinimalMenu().ToJsonString().Replace("\"en-US\"", $"\"{tag}\"", StringComparison.Ordinal);

        var loaded = IvrEngine.Menus.MenuLoader.Load(text, "tag.json");
        using var document = JsonDocument.Parse(text);

        Assert.That(loaded.Succeeded, Is.EqualTo(accepted), () => string.Join("\n", loaded.Diagnostics));
        Assert.That(Evaluate(document.RootElement).IsValid, Is.EqualTo(accepted));
    }

    [Test]
    public void LintRuleIds_AreTheLintersRules()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepoPaths.Schema))!;
        var rule = Navigate(schema, "/$defs/lint/properties/disable/items/properties/rule");

        var listed = rule["enum"]!.AsArray().Select(id => id!.GetValue<string>());

        Assert.That(listed, Is.EquivalentTo(IvrEngine.Menus.Lint.MenuLinter.RuleCodes), "editors complete rule ids from this list");
    }

    [Test]
    public void LoaderSampleMenu_ValidatesAgainstTheSchema()
    {
        using var document = JsonDocument.Parse(SampleMenus.Valid, MenuJsonOptions);

        var results = Evaluate(document.RootElement);

        Assert.That(results.IsValid, Is.True, () => Describe(results));
    }

    /// <summary>
    /// Loader inputs that are wrong in their structure (types, properties, ranges, shapes, spellings),
    /// not in their references: the loader refuses each with the given code, and so must the schema.
    /// </summary>
    public static IEnumerable<TestCaseData> StructurallyWrongMenus()
    {
        (string Fragment, string Replacement, string Code, string Name)[] cases =
        [
            ("\"start\": \"main\"", "\"start\": 5", "IVR0002", "start is a number"),
            ("\"noInput\": { \"retries\": 4 },", "\"noInput\": { \"retires\": 4 },", "IVR0003", "unknown policy property"),
            ("\"start\": \"main\",", "\"start\": \"main\", \"colour\": \"blue\",", "IVR0003", "unknown top-level property"),
            ("\"collect\": { \"into\": \"accountNumber\",", "\"collect\": {", "IVR0004", "collect without into"),
            ("{ \"key\": \"2\",", "{ \"key\": \"2a\",", "IVR0009", "key outside the keypad"),
            ("\"noInput\": { \"retries\": 4 }", "\"noInput\": { \"seconds\": 0 }", "IVR0018", "zero seconds"),
            ("\"noInput\": { \"retries\": 4 }", "\"noInput\": { \"seconds\": 3601 }", "IVR0018", "more than an hour"),
            ("\"noInput\": { \"retries\": 4 }", "\"noInput\": { \"retries\": 11 }", "IVR0018", "eleven retries"),
            ("\"maxLength\": 10", "\"maxLength\": 65", "IVR0018", "maxLength 65"),
            ("\"minLength\": 6", "\"minLength\": 0", "IVR0018", "minLength 0"),
            ("\"start\": \"main\",", "\"start\": \"main\", \"budget\": { \"maxFailedInputs\": 0 },", "IVR0018", "budget of no failed inputs"),
            ("\"Goodbye, {callerId}.\"", $"\"{new string('x', 10_001)}\"", "IVR0018", "a string of 10,001 characters"),
            ("\"goto\": \"goodbye\" }", "\"goto\": \"goodbye\", \"queue\": \"general\" }", "IVR0019", "option with two actions"),
            (", \"goto\": \"goodbye\" }", " }", "IVR0019", "option without an action"),
            ("\"goto\": \"goodbye\" }", "\"do\": \"mainmenu\" }", "IVR0019", "unknown do verb"),
            ("\"escape\": { \"to\": { \"queue\": \"general\" } }", "\"escape\": { \"to\": { \"do\": \"back\" } }", "IVR0019", "escape.to with do"),
            ("\"next\": { \"hangup\": { \"en-US\": \"Goodbye, {callerId}.\", \"ru-RU\": \"До свидания.\" } }", "\"next\": { \"do\": \"repeat\" }", "IVR0019", "announcement next repeats"),
            ("\"name\": \"carrier-support\"", "\"name\": \"Carrier Support\"", "IVR0022", "menu name with capitals"),
            ("\"locales\": [\"en-US\", \"ru-RU\"]", "\"locales\": [\"en-US\", \"english\"]", "IVR0022", "malformed locale"),
            ("\"goodbye\": {", "\"good bye\": {", "IVR0022", "node id with a space"),
            ("\"collect\": {", "\"next\": { \"do\": \"back\" }, \"collect\": {", "IVR0023", "node with next and collect"),
            ("\"noInput\": { \"retries\": 4 },", "\"lint\": { \"disable\": [ { \"rule\": \"IVRL003\" } ] },", "IVR0004", "lint entry without a reason"),
            ("\"noInput\": { \"retries\": 4 },", "\"lint\": { \"disable\": [ { \"rule\": \"IVRL003\", \"reason\": \"  \" } ] },", "IVR0004", "lint entry with a blank reason"),
            ("\"noInput\": { \"retries\": 4 },", "\"lint\": { \"disable\": [ { \"rule\": \"long-prompts\", \"reason\": \"x\" } ] },", "IVR0022", "lint rule that is no rule id"),
            ("\"start\": \"main\",", "\"start\": \"main\", \"lint\": { \"disable\": \"IVRL003\" },", "IVR0002", "lint.disable is a string"),
        ];
        return cases.Select(c => new TestCaseData(c.Fragment, c.Replacement, c.Code).SetArgDisplayNames(c.Name));
    }

    [TestCaseSource(nameof(StructurallyWrongMenus))]
    public void StructurallyWrongMenu_FailsTheLoaderAndTheSchema(string fragment, string replacement, string code)
    {
        var json = SampleMenus.With(fragment, replacement);
        var loaded = IvrEngine.Menus.MenuLoader.Load(json, SampleMenus.Path);
        Assert.That(loaded.Errors.Select(e => e.Code), Does.Contain(code), () => string.Join("\n", loaded.Diagnostics));

        using var document = JsonDocument.Parse(json, MenuJsonOptions);
        var results = Evaluate(document.RootElement);

        Assert.That(results.IsValid, Is.False, "the schema should reject what the loader rejects");
    }

    private static JsonSchema BuildSchema() =>
        // A registry of its own, so building the schema never clashes with another registration of its $id.
        JsonSchema.FromText(File.ReadAllText(RepoPaths.Schema), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static EvaluationResults Evaluate(JsonElement menu) =>
        Schema.Evaluate(menu, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });

    private static EvaluationResults Evaluate(JsonNode menu)
    {
        using var document = JsonDocument.Parse(menu.ToJsonString());
        return Evaluate(document.RootElement.Clone());
    }

    private static void AssertInvalid(JsonNode menu, string expectedLocation)
    {
        var results = Evaluate(menu);

        Assert.That(results.IsValid, Is.False, "the schema should reject this document");
        var locations = Errors(results).Select(e => e.Location).ToList();
        Assert.That(locations, Has.Some.StartsWith(expectedLocation), () => Describe(results));
    }

    // Walks the hierarchical output down invalid results only, so the failed branches of a oneOf
    // or anyOf that passed as a whole (the other node kinds, the other verbs) are not reported.
    private static IEnumerable<(string Location, string Keyword, string Message)> Errors(EvaluationResults result)
    {
        if (result.IsValid)
        {
            yield break;
        }

        foreach (var (keyword, message) in result.Errors ?? new Dictionary<string, string>())
        {
            yield return (result.InstanceLocation.ToString(), keyword, message);
        }

        var details = result.Details ?? [];
        foreach (var detail in details.Where(d => !IsBranchOfPassingCombinator(d, details)))
        {
            foreach (var error in Errors(detail))
            {
                yield return error;
            }
        }
    }

    // A result at ".../oneOf/2" or ".../anyOf/0" is noise when its combinator passed as a whole:
    // for oneOf, exactly one sibling branch is valid; for anyOf, at least one is.
    private static bool IsBranchOfPassingCombinator(EvaluationResults detail, IReadOnlyList<EvaluationResults> siblings)
    {
        var path = detail.EvaluationPath.ToString();
        var combinator = path[..Math.Max(path.LastIndexOf('/'), 0)];
        var validBranches = siblings.Count(s => s.IsValid && s.EvaluationPath.ToString().StartsWith(combinator + "/", StringComparison.Ordinal));
        return combinator.EndsWith("/oneOf", StringComparison.Ordinal) ? validBranches == 1
            : combinator.EndsWith("/anyOf", StringComparison.Ordinal) && validBranches >= 1;
    }

    private static string Describe(EvaluationResults results)
    {
        var text = new StringBuilder();
        foreach (var (location, keyword, message) in Errors(results))
        {
            text.AppendLine($"  {(location.Length == 0 ? "/" : location)}: {keyword}: {message}");
        }

        return text.Length == 0 ? "  (no error details)" : text.ToString();
    }

    private static JsonNode Navigate(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : node[segment]!;
        }

        return node;
    }

    private static void CollectUndescribedProperties(JsonNode root, JsonNode? node, string path, List<string> missing)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject properties)
                {
                    foreach (var (name, property) in properties)
                    {
                        if (property is JsonObject p && !HasDescription(root, p))
                        {
                            missing.Add($"{path}/properties/{name}");
                        }
                    }
                }

                foreach (var (name, child) in obj)
                {
                    // The verb branches of oneOf switch properties off with "false"; they need no text.
                    CollectUndescribedProperties(root, child, $"{path}/{name}", missing);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CollectUndescribedProperties(root, array[i], $"{path}/{i}", missing);
                }

                break;
        }
    }

    private static bool HasDescription(JsonNode root, JsonObject property)
    {
        for (var current = property; current is not null;)
        {
            if (current["description"] is not null)
            {
                return true;
            }

            current = current["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal)
                ? Navigate(root, reference[1..]) as JsonObject
                : null;
        }

        return false;
    }

    private static JsonNode MinimalMenu() => JsonNode.Parse(
        """
        {
          "$schema": "./schema/menu.schema.json",
          "name": "crafted",
          "timeZone": "America/New_York",
          "locales": ["en-US"],
          "start": "main",
          "defaults": { "escape": { "mode": "immediate", "to": { "queue": "general" } } },
          "queues": { "general": { "name": { "en-US": "customer care" } } },
          "nodes": {
            "main": {
              "prompt": { "en-US": "For hours, press 1." },
              "options": [ { "key": "1", "say": { "en-US": ["hours"] }, "goto": "hours" } ]
            },
            "hours": {
              "prompt": { "en-US": "We're open from 10 to 8." },
              "next": { "do": "mainMenu" }
            }
          }
        }
        """,
        documentOptions: MenuJsonOptions)!;
}
