using IvrEngine.Menus;
using static IvrEngine.Tests.Hours.HoursMenus;

namespace IvrEngine.Tests.Hours;

[TestFixture]
public sealed class HoursLoaderTests
{
    private static IReadOnlyList<MenuDiagnostic> Errors(string json) => [.. MenuLoader.Load(json, "hours-line.json").Errors];

    [TestCase("\"25:00-26:00\"", "a time that does not exist")]
    [TestCase("\"9-17\"", "is not a time range")]
    [TestCase("\"09:00-09:00\"", "ends where it starts")]
    [TestCase("\"09:60-10:00\"", "a time that does not exist")]
    [TestCase("[\"09:00-12:00\", \"closed\"]", "is not a time range")]
    public void ABadRangeIsReportedWhereItIsWritten(string range, string message)
    {
        var errors = Errors(Menu($$"""{ "support": { "weekly": { "mon": {{range}} } } }"""));
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Has.Property("Code").EqualTo("IVR0025").And.Property("Message").Contains(message).And.Property("Line").EqualTo(7));
        Assert.That(errors[0].JsonPath, Does.StartWith("$.hours.support.weekly.mon"));
    }

    [Test]
    public void ABadDayNameIsReportedAtTheName()
    {
        var errors = Errors(Menu("""{ "support": { "weekly": { "mon-funday": "09:00-17:00" } } }"""));
        Assert.That(errors.Single(), Has.Property("Code").EqualTo("IVR0025").And.Property("JsonPath").EqualTo("$.hours.support.weekly['mon-funday']").And.Property("Column").EqualTo(39));
    }

    [TestCase("\"2026-02-30\"")]
    [TestCase("\"13-01\"")]
    [TestCase("\"sixth monday of may\"")]
    [TestCase("\"fourth thursday of nowember\"")]
    public void ABadClosedDateIsReported(string date) =>
        Assert.That(Errors(Menu($$"""{ "support": { "weekly": { }, "closed": [{{date}}] } }""")).Single(), Has.Property("Code").EqualTo("IVR0025").And.Property("JsonPath").EqualTo("$.hours.support.closed[0]"));

    [Test]
    public void ABadOverrideDateAndAnUnknownZoneAreReported()
    {
        var errors = Errors(Menu("""{ "support": { "timeZone": "America/New_Yrok", "weekly": { }, "overrides": { "12-24": "closed" } } }"""));
        Assert.That(errors.Select(e => e.Code), Is.EquivalentTo(new[] { "IVR0010", "IVR0025" }));
        Assert.That(errors.First(e => e.Code == "IVR0010").Message, Does.Contain("did you mean 'America/New_York'"));
    }

    [Test]
    public void UnknownScheduleNamesAreReportedOnNodesAndQueues()
    {
        var errors = Errors(Menu("""{ "support": { "weekly": { } } }""", queueExtra: """, "hours": "suport" """, nodeExtra: """, "hours": { "schedule": "sales" } """));
        Assert.That(errors.Select(e => (e.Code, e.JsonPath)), Is.EquivalentTo(new[] { ("IVR0026", "$.queues.general.hours"), ("IVR0026", "$.nodes.main.hours.schedule") }));
        Assert.That(errors.Single(e => e.JsonPath == "$.queues.general.hours").Message, Does.Contain("did you mean 'support'"));
    }

    [Test]
    public void AScheduleNeedsWeeklyHours() =>
        Assert.That(Errors(Menu("""{ "support": { "closed": ["12-25"] } }""")).Single(), Has.Property("Code").EqualTo("IVR0004").And.Property("JsonPath").EqualTo("$.hours.support.weekly"));

    [Test]
    public void TheBundledMenuKeepsTheCarriersHoursExactly()
    {
        var menu = MenuLoader.LoadFile(Path.Combine(RepoPaths.Menus, "carrier-support.json")).Menu!;
        Assert.Multiple(() =>
        {
            Assert.That(menu.Hours["shopping"].Weekly.Select(w => w.Rule), Is.EqualTo(new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" }.Select(d => $"weekly {d} 10:00–20:00")));
            Assert.That(menu.Hours["representatives"].Weekly.Select(w => w.Rule),
                Is.EqualTo(new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" }.Select(d => $"weekly {d} 09:00–23:30").Append("weekly Sun 10:00–23:00")));
            Assert.That(menu.Hours.Values.Select(s => s.Zone.Id), Is.All.EqualTo("America/New_York"));
            Assert.That(menu.Hours["representatives"].Closed.Select(c => c.Name), Is.EquivalentTo(new[] { "New Year's Day", "Independence Day", "Thanksgiving", "Christmas Day" }));
            Assert.That(menu.Queues["sales"].Hours!.ScheduleId, Is.EqualTo("shopping"));
            Assert.That(menu.Queues.Values.Where(q => q.Id != "sales").Select(q => q.Hours?.ScheduleId), Is.All.EqualTo("representatives"));
        });
    }
}
