using IvrEngine.Menus;
using IvrEngine.Queues.Staffing;

namespace IvrEngine.Tests.Queues;

/// <summary>Staffing files that look plausible but are wrong get exactly the located errors they deserve.</summary>
public sealed class StaffingHostileFileTests
{
    private static Menu BundledMenu => MenuLoader.LoadFile(RepoPaths.BundledMenu).Menu!;

    private static StaffingLoadResult Load(string staffing) =>
        StaffingLoader.Load(System.Text.Encoding.UTF8.GetBytes(staffing), "team.staffing.json", BundledMenu);

    [TestCase("\"\"")]
    [TestCase("\"   \"")]
    public void BlankAgentName_IsAnErrorAtTheName(string name)
    {
        var loaded = Load($$"""{ "agents": [ { "name": {{name}}, "queues": { "general": 1 } } ] }""");

        Assert.That(loaded.Plan, Is.Null);
        Assert.That(loaded.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "team.staffing.json(1,25): error IVR0022: name of agents[0] is blank; the queue log and the console name agents by it [$.agents[0].name]",
        }));
    }

    [Test]
    public void UnknownTransferTarget_IsTheOnlyError_NotAlsoAMissingTo()
    {
        var loaded = Load("""{ "agents": [ { "name": "Ann", "queues": { "general": 1 }, "transfer": { "probability": 0.5, "to": "retenton" } } ] }""");

        Assert.That(loaded.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "IVR0014" }), string.Join("\n", loaded.Diagnostics));
    }
}
