using System.Text.Json;
using IvrEngine.Menus;
using IvrEngine.Queues.Staffing;
using Json.Schema;

namespace IvrEngine.Tests.Queues;

/// <summary>Staffing files: the bundled one loads and matches its schema; mistakes are located like menu mistakes.</summary>
public sealed class StaffingFileTests
{
    private static readonly JsonDocumentOptions JsonWithComments = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static Menu BundledMenu => MenuLoader.LoadFile(RepoPaths.BundledMenu).Menu!;

    private static string BundledStaffing => StaffingLoader.DefaultPathFor(RepoPaths.BundledMenu);

    [Test]
    public void TheBundledStaffing_Loads_AndMatchesTheSchema()
    {
        var loaded = StaffingLoader.LoadFile(BundledStaffing, BundledMenu);
        Assert.That(loaded.Diagnostics, Is.Empty, string.Join("\n", loaded.Diagnostics));
        Assert.That(loaded.Plan!.Agents.Select(a => a.Name), Does.Contain("Billing 2").And.Contain("Maria"));

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Menus, "schema", "staffing.schema.json")));
        using var document = JsonDocument.Parse(File.ReadAllText(BundledStaffing), JsonWithComments);
        Assert.That(schema.Evaluate(document.RootElement).IsValid, Is.True);
    }

    [Test]
    public void EveryBundledQueue_HasAnAgent()
    {
        var plan = StaffingLoader.LoadFile(BundledStaffing, BundledMenu).Plan!;

        Assert.That(BundledMenu.Queues.Keys.Where(q => !plan.Agents.Any(a => a.Tiers.ContainsKey(q))), Is.Empty);
    }

    [Test]
    public void Mistakes_AreAllReported_WithTheirPlace()
    {
        const string staffing = """
            {
              "agents": [
                { "name": "Ann", "queues": { "genral": 1 } },
                { "name": "Bob", "queues": { "general": 0 }, "noAnswerProbability": 2 },
                { "name": "Ann", "queues": { "general": 1 }, "wrapUp": 5 }
              ]
            }
            """;

        var loaded = StaffingLoader.Load(System.Text.Encoding.UTF8.GetBytes(staffing), "team.staffing.json", BundledMenu);

        Assert.That(loaded.Plan, Is.Null);
        Assert.That(loaded.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "team.staffing.json(3,34): error IVR0014: queues of agents[0] names queue 'genral', which the menu does not declare; did you mean 'general'? [$.agents[0].queues.genral]",
            "team.staffing.json(4,45): error IVR0018: the tier of agents[1] in queue 'general' is 0; it must be from 1 to 9 [$.agents[1].queues.general]",
            "team.staffing.json(4,73): error IVR0018: noAnswerProbability of agents[1] must be a probability from 0 to 1 [$.agents[1].noAnswerProbability]",
            "team.staffing.json(5,5): error IVR0005: agents[2] names agent 'Ann', which is already listed [$.agents[2]]",
            "team.staffing.json(5,50): error IVR0003: agents[2] has no property 'wrapUp' [$.agents[2].wrapUp]",
        }));
    }

    [Test]
    public void MoreThanTenThousandAgentsInAll_IsAnErrorAtTheEntryThatPassesTheLimit_BeforeAnyAreMade()
    {
        const string staffing = """
            {
              "agents": [
                { "name": "Day", "count": 6000, "queues": { "general": 1 } },
                { "name": "Night", "count": 4001, "queues": { "general": 1 } },
                { "name": "Weekend", "count": 10000, "queues": { "general": 1 } }
              ]
            }
            """;

        var loaded = StaffingLoader.Load(System.Text.Encoding.UTF8.GetBytes(staffing), "floor.staffing.json", BundledMenu);

        Assert.That(loaded.Plan, Is.Null);
        Assert.That(loaded.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "floor.staffing.json(4,33): error IVR0018: agents[1] brings the line to 10,001 agents; a staffing file holds at most 10,000 in all (each agent the engine keeps ready costs memory, whether or not it takes calls) [$.agents[1].count]",
        }));
    }

    [Test]
    public void TenThousandAgentsInAll_Load()
    {
        const string staffing = """{ "agents": [ { "name": "Day", "count": 6000, "queues": { "general": 1 } }, { "name": "Night", "count": 4000, "queues": { "general": 1 } } ] }""";

        var loaded = StaffingLoader.Load(System.Text.Encoding.UTF8.GetBytes(staffing), "floor.staffing.json", BundledMenu);

        Assert.That(loaded.Plan!.Agents, Has.Length.EqualTo(10_000));
    }
}
