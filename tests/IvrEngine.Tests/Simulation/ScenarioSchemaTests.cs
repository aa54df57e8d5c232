using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace IvrEngine.Tests.Simulation;

/// <summary>
/// <c>menus/schema/scenario.schema.json</c> is what editors use to complete and check scenario files.
/// These tests keep it honest: the scenarios in the repository validate, and mistakes the loader
/// refuses for their structure (types, names, ranges, the interval grid) the schema refuses too.
/// </summary>
public sealed class ScenarioSchemaTests
{
    private static readonly JsonDocumentOptions JsonWithComments = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Lazy<JsonSchema> LazySchema = new(() =>
        // A registry of its own, so building the schema never clashes with another registration of its $id.
        JsonSchema.FromText(File.ReadAllText(SimulationFiles.ScenarioSchema), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public static IEnumerable<TestCaseData> ScenarioFiles() =>
        new[] { SimulationFiles.BundledScenario, SimulationFiles.TinyScenario }
            .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/')));

    [Test]
    public void Schema_IsAValidDraft202012Schema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SimulationFiles.ScenarioSchema));

        var results = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.That(results.IsValid, Is.True, () => Describe(results));
        Assert.That(document.RootElement.GetProperty("$schema").GetString(), Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
    }

    [Test]
    public void Schema_DescribesEveryProperty()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SimulationFiles.ScenarioSchema))!;
        var missing = new List<string>();
        CollectUndescribed(schema, schema, "#", missing);

        Assert.That(missing, Is.Empty, "properties without a description (editors show it as a tooltip)");
    }

    [TestCaseSource(nameof(ScenarioFiles))]
    public void Scenario_ValidatesAgainstTheSchema(string path)
    {
        var results = Evaluate(File.ReadAllText(path));

        Assert.That(results.IsValid, Is.True, () => $"{path} does not match the schema:\n{Describe(results)}");
    }

    [TestCaseSource(nameof(ScenarioFiles))]
    public void Scenario_NamesTheSchemaByARelativePathThatResolves(string path)
    {
        var scenario = JsonNode.Parse(File.ReadAllText(path), documentOptions: JsonWithComments)!;

        var schemaPath = scenario["$schema"]?.GetValue<string>();

        Assert.That(schemaPath, Is.Not.Null.And.Not.Empty, "the scenario should name the schema in \"$schema\"");
        Assert.That(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, schemaPath!)), Is.EqualTo(Path.GetFullPath(SimulationFiles.ScenarioSchema)));
    }

    [Test]
    public void SmallestScenario_IsValid()
    {
        const string smallest = """{ "menu": "tiny-line.json", "weekOf": "2026-11-30", "arrivals": [] }""";

        Assert.That(SimulationFiles.Load(smallest).Succeeded, Is.True);
        Assert.That(Evaluate(smallest).IsValid, Is.True, () => Describe(Evaluate(smallest)));
    }

    /// <summary>
    /// Scenarios wrong in their structure: the loader refuses each with the given code, and so must the
    /// schema. (Mistakes only the menu can reveal — an unknown node, key, queue or locale, an entry
    /// against a collector's pattern, a weekOf that is not a Monday — are the loader's alone.)
    /// </summary>
    public static IEnumerable<TestCaseData> StructurallyWrongScenarios()
    {
        (string Fragment, string Replacement, string Code, string Name)[] cases =
        [
            ("\"weekOf\": \"2026-11-30\"", "\"weekOf\": 20261130", "IVR0002", "weekOf is a number"),
            ("\"weekOf\": \"2026-11-30\"", "\"weekOf\": \"30/11/2026\"", "IVR0022", "weekOf is not an ISO date"),
            ("\"menu\": \"tiny-line.json\",", "", "IVR0004", "no menu"),
            ("\"weekOf\": \"2026-11-30\",", "", "IVR0004", "no weekOf"),
            ("\"intervalMinutes\": 60", "\"intervalMinutes\": 20", "IVR0018", "intervalMinutes 20"),
            ("\"intervalMinutes\": 60", "\"intervalMinutes\": \"60\"", "IVR0002", "intervalMinutes is a string"),
            ("\"intervalMinutes\": 60,", "\"intervalMinutes\": 60, \"arival\": [],", "IVR0003", "unknown top-level property"),
            ("\"callsPerHour\": 100", "\"callsPerHour\": -1", "IVR0018", "negative rate"),
            ("\"callsPerHour\": 100", "\"callsPerHour\": \"100\"", "IVR0002", "rate is a string"),
            ("\"callsPerHour\": 100", "\"callsPerHour\": 100, \"rate\": 1", "IVR0003", "unknown property in a row"),
            ("\"from\": \"09:00\", \"to\": \"12:00\", \"callsPerHour\"", "\"to\": \"12:00\", \"callsPerHour\"", "IVR0004", "row without from"),
            ("{ \"days\": \"mon\", \"from\": \"09:00\"", "{ \"days\": \"funday\", \"from\": \"09:00\"", "IVR0022", "a day that does not exist"),
            ("{ \"days\": \"mon\", \"from\": \"09:00\"", "{ \"days\": \"mon-tue-wed\", \"from\": \"09:00\"", "IVR0022", "a range of three days"),
            ("\"from\": \"09:00\", \"to\": \"12:00\"", "\"from\": \"09:30\", \"to\": \"12:00\"", "IVR0018", "from off the hour grid"),
            ("\"from\": \"09:00\", \"to\": \"12:00\"", "\"from\": \"09:00\", \"to\": \"12:10\"", "IVR0018", "to off every grid"),
            ("\"from\": \"09:00\", \"to\": \"12:00\"", "\"from\": \"24:00\", \"to\": \"12:00\"", "IVR0022", "from 24:00"),
            ("\"from\": \"09:00\", \"to\": \"12:00\"", "\"from\": \"9am\", \"to\": \"12:00\"", "IVR0022", "a time that is no time"),
            ("\"arrivals\": [\n    { \"days\": \"mon\", \"from\": \"09:00\", \"to\": \"12:00\", \"callsPerHour\": 100 }\n  ]", "\"arrivals\": { \"mon\": 100 }", "IVR0002", "arrivals is an object"),
            ("\"escapeAtOnce\": 0.1", "\"escapeAtonce\": 0.1", "IVR0003", "misspelt caller property"),
            ("\"escapeAtOnce\": 0.1", "\"escapeAtOnce\": 1.5", "IVR0018", "escapeAtOnce above 1"),
            ("\"acceptCallback\": 0.5", "\"acceptCallback\": -0.5", "IVR0018", "acceptCallback below 0"),
            ("\"answerCallback\": 0.9", "\"answerCallback\": 2", "IVR0018", "answerCallback above 1"),
            ("\"thinkSeconds\": 2", "\"thinkSeconds\": 601", "IVR0018", "ten minutes and a second of thought"),
            ("\"thinkSeconds\": 2", "\"thinkSeconds\": -1", "IVR0018", "negative thought"),
            ("\"main\": { \"1\": 6, \"2\": 3, \"3\": 1 }", "\"main\": { \"press 1\": 6 }", "IVR0009", "a choice that is no key"),
            ("\"main\": { \"1\": 6, \"2\": 3, \"3\": 1 }", "\"main\": { \"1\": -6, \"2\": 3 }", "IVR0018", "a negative weight"),
            ("\"main\": { \"1\": 6, \"2\": 3, \"3\": 1 }", "\"main\": { }", "IVR0018", "an empty choices table"),
            ("\"main\": { \"1\": 6, \"2\": 3, \"3\": 1 }", "\"main\": [1, 2]", "IVR0002", "a choices table that is a list"),
            ("\"account\": \"91234\"", "\"account\": 91234", "IVR0002", "an entry that is a number"),
            ("\"account\": \"91234\"", "\"account\": \"9123*\"", "IVR0018", "an entry with a star"),
            ("\"locales\": { \"en-US\": 3, \"ru-RU\": 1 }", "\"locales\": { \"en-US\": \"most\" }", "IVR0002", "a locale share that is a string"),
            ("\"locales\": { \"en-US\": 3, \"ru-RU\": 1 }", "\"locales\": { \"English\": 1 }", "IVR0021", "a locale that is no tag"),
            ("\"distribution\": \"exponential\", \"meanSeconds\": 300", "\"distribution\": \"gaussian\", \"meanSeconds\": 300", "IVR0018", "an unknown distribution"),
            ("\"distribution\": \"exponential\", \"meanSeconds\": 300", "\"distribution\": \"exponential\", \"meanSeconds\": 0", "IVR0018", "patience of no time"),
            ("\"meanSeconds\": 150", "\"meanSeconds\": 150, \"median\": 100", "IVR0003", "unknown distribution property"),
            ("\"meanSeconds\": 150", "\"meanSeconds\": 90000", "IVR0018", "a handle time over a day"),
            ("\"patience\": { \"distribution\": \"exponential\", \"meanSeconds\": 300 }", "\"patience\": 300", "IVR0002", "patience is a number"),
            ("\"handleTime\": { \"distribution\": \"exponential\", \"meanSeconds\": 150 },", "", "IVR0004", "a queue without handleTime"),
            ("\"wrapUpSeconds\": 10", "\"wrapUpSeconds\": -10", "IVR0018", "negative wrap-up"),
            ("\"answerSeconds\": 2", "\"answerSeconds\": 301", "IVR0018", "answerSeconds over five minutes"),
            ("\"answerSeconds\": 2", "\"answerSeconds\": 2, \"ringSeconds\": 15", "IVR0003", "unknown queue property"),
            ("\"agents\": 3", "\"agents\": 2.5", "IVR0002", "half an agent"),
            ("\"agents\": 3", "\"agents\": -3", "IVR0018", "negative agents"),
            ("\"queues\": {", "\"queues\": { \"bad queue\": { \"handleTime\": {}, \"agents\": [] },", "IVR0014", "a queue id with a space"),
        ];
        return cases.Select(c => new TestCaseData(c.Fragment, c.Replacement, c.Code).SetArgDisplayNames(c.Name));
    }

    [TestCaseSource(nameof(StructurallyWrongScenarios))]
    public void StructurallyWrongScenario_FailsTheLoaderAndTheSchema(string fragment, string replacement, string code)
    {
        var json = SimulationFiles.With(fragment, replacement);

        var loaded = SimulationFiles.Load(json);

        Assert.That(loaded.Scenario, Is.Null);
        Assert.That(loaded.Diagnostics.Where(d => d.IsError).Select(d => d.Code), Does.Contain(code), () => string.Join("\n", loaded.Diagnostics));
        Assert.That(Evaluate(json).IsValid, Is.False, "the schema should reject what the loader rejects");
    }

    /// <summary>Day spellings: the schema's pattern and the loader agree (both take it, or both refuse it).</summary>
    [TestCase("mon", true)]
    [TestCase("Mon", true)]
    [TestCase("monday", true)]
    [TestCase("Wednesday", true)]
    [TestCase("thur", true)]
    [TestCase("thurs", true)]
    [TestCase("mon-fri", true)]
    [TestCase("mon – fri", true)]
    [TestCase("sat-mon", true)]
    [TestCase("mon, wed, fri", true)]
    [TestCase("mon-wed, sat", true)]
    [TestCase("daily", true)]
    [TestCase("Daily", true)]
    [TestCase("every day", true)]
    [TestCase(" tue ", true)]
    [TestCase("mo", false)]
    [TestCase("funday", false)]
    [TestCase("mon-", false)]
    [TestCase("mon,,tue", false)]
    [TestCase("mon-tue-wed", false)]
    [TestCase("weekdays", false)]
    [TestCase("", false)]
    public void DaySpelling_IsTakenByTheSchemaExactlyWhenTheLoaderTakesIt(string days, bool valid)
    {
        var json = SimulationFiles.With("{ \"days\": \"mon\", \"from\": \"09:00\"", $"{{ \"days\": \"{days}\", \"from\": \"09:00\"");

        Assert.That(SimulationFiles.Load(json).Succeeded, Is.EqualTo(valid), "the loader");
        Assert.That(Evaluate(json).IsValid, Is.EqualTo(valid), "the schema");
    }

    /// <summary>Rows start and end on the scenario's grid: which times are on it depends on intervalMinutes.</summary>
    [TestCase(60, "09:00", "12:00", true)]
    [TestCase(60, "09:30", "12:00", false)]
    [TestCase(60, "09:00", "11:30", false)]
    [TestCase(60, "22:00", "02:00", true)]
    [TestCase(60, "09:00", "24:00", true)]
    [TestCase(60, "9:00", "12:00", true)]
    [TestCase(30, "09:30", "12:00", true)]
    [TestCase(30, "09:15", "12:00", false)]
    [TestCase(30, "09:00", "11:45", false)]
    [TestCase(15, "09:15", "11:45", true)]
    [TestCase(15, "09:10", "12:00", false)]
    [TestCase(null, "09:30", "12:00", true)]
    [TestCase(null, "09:15", "12:00", false)]
    public void RowTimes_AreOnTheGridForTheSchemaExactlyWhenTheyAreForTheLoader(int? intervalMinutes, string from, string to, bool valid)
    {
        var json = SimulationFiles.With("\"intervalMinutes\": 60,", intervalMinutes is { } minutes ? $"\"intervalMinutes\": {minutes}," : "");
        json = SimulationFiles.With(json, "\"from\": \"09:00\", \"to\": \"12:00\"", $"\"from\": \"{from}\", \"to\": \"{to}\"");
        // The agents' row must be on every grid, so only the arrivals row decides.
        Assert.That(json, Does.Contain("\"from\": \"08:00\", \"to\": \"13:00\""));

        Assert.That(SimulationFiles.Load(json).Succeeded, Is.EqualTo(valid), () => "the loader: " + string.Join("\n", SimulationFiles.Load(json).Diagnostics));
        Assert.That(Evaluate(json).IsValid, Is.EqualTo(valid), "the schema");
    }

    [Test]
    public void AgentRowOffTheGrid_IsRejectedByTheSchemaToo()
    {
        var json = SimulationFiles.With("\"from\": \"08:00\", \"to\": \"13:00\"", "\"from\": \"08:30\", \"to\": \"13:00\"");

        Assert.That(SimulationFiles.Load(json).Diagnostics.Select(d => d.Code), Does.Contain("IVR0018"));
        var results = Evaluate(json);
        Assert.That(results.IsValid, Is.False);
        Assert.That(Errors(results).Select(e => e.Location), Has.Some.EqualTo("/queues/general/agents/0/from"), () => Describe(results));
    }

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json, JsonWithComments);
        return LazySchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static IEnumerable<(string Location, string Message)> Errors(EvaluationResults results) =>
        (results.Details ?? [results])
            .Where(d => !d.IsValid && d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => (d.InstanceLocation.ToString(), $"{e.Key}: {e.Value}")));

    private static string Describe(EvaluationResults results)
    {
        var text = new StringBuilder();
        foreach (var (location, message) in Errors(results)) text.AppendLine($"  {(location.Length == 0 ? "/" : location)}: {message}");
        return text.Length == 0 ? "  (no error details)" : text.ToString();
    }

    private static void CollectUndescribed(JsonNode root, JsonNode? node, string path, List<string> missing)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject properties)
                {
                    foreach (var (name, property) in properties)
                    {
                        if (property is JsonObject p && !HasDescription(root, p)) missing.Add($"{path}/properties/{name}");
                    }
                }
                foreach (var (name, child) in obj) CollectUndescribed(root, child, $"{path}/{name}", missing);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) CollectUndescribed(root, array[i], $"{path}/{i}", missing);
                break;
        }
    }

    private static bool HasDescription(JsonNode root, JsonObject property)
    {
        for (var current = property; current is not null;)
        {
            if (current["description"] is not null) return true;
            current = current["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal)
                ? reference[2..].Split('/').Aggregate((JsonNode?)root, (n, segment) => n?[segment]) as JsonObject
                : null;
        }
        return false;
    }
}
