using IvrEngine.Hours;
using NodaTime;
using static IvrEngine.Tests.Hours.HoursMenus;

namespace IvrEngine.Tests.Hours;

[TestFixture]
public sealed class BusinessHoursTests
{
    private static BusinessHours Hours() => new(Load(Menu("""
        { "support": { "weekly": { "daily": "09:00-17:00" }, "overrides": { "2026-12-01": "00:00-24:00" } },
          "sales": { "weekly": { "daily": "10:00-16:00" } } }
        """)).Hours);

    [Test]
    public void AnEmergencyClosureBeatsEveryRuleUntilSwitchedOff()
    {
        var hours = Hours();
        var noon = At(2026, 12, 1, 12, 0);
        hours.SetEmergencyClosure("support", true);
        Assert.Multiple(() =>
        {
            Assert.That(hours.At("support", noon), Is.EqualTo(new HoursAnswer(false, "emergency closure", null)), "even over an override");
            Assert.That(hours.NextOpen("support", noon), Is.Null);
            Assert.That(hours.OpenIntervals("support", noon, noon + Duration.FromDays(2)), Is.Empty);
            Assert.That(hours.IsOpenAt("sales", noon), Is.True, "other schedules stay open");
        });
        hours.SetEmergencyClosure("support", false);
        Assert.That(hours.At("support", noon).Rule, Is.EqualTo("override 2026-12-01 00:00–24:00"));
    }

    [Test]
    public void AnEmergencyClosureOfEverySchedule()
    {
        var hours = Hours();
        hours.SetEmergencyClosure(null, true);
        Assert.That(new[] { "support", "sales" }.Select(s => hours.IsOpenAt(s, At(2026, 12, 2, 12, 0))), Is.All.False);
        hours.SetEmergencyClosure(null, false);
        Assert.That(new[] { "support", "sales" }.Select(s => hours.IsOpenAt(s, At(2026, 12, 2, 12, 0))), Is.All.True);
    }

    [Test]
    public void AnUnknownScheduleCannotBeClosed() =>
        Assert.That(() => Hours().SetEmergencyClosure("nope", true), Throws.ArgumentException);
}
