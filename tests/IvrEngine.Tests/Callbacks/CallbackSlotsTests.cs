using IvrEngine.Callbacks;
using IvrEngine.Hours;
using NodaTime;
using static IvrEngine.Tests.Hours.HoursMenus;

namespace IvrEngine.Tests.Callbacks;

/// <summary>The times a caller may pick for a scheduled callback: half-hour starts inside the open hours, never in the past.</summary>
public sealed class CallbackSlotsTests
{
    /// <summary>The bundled line's representatives: Mon–Sat 09:00–23:30, Sun 10:00–23:00, closed on Christmas Day.</summary>
    private static BusinessHours Representatives() => new(Load(Menu("""
        { "support": { "weekly": { "mon-sat": "09:00-23:30", "sun": "10:00-23:00" }, "closed": { "Christmas Day": "12-25" } } }
        """)).Hours);

    private static IEnumerable<LocalDateTime> Local(IEnumerable<Instant> slots) => slots.Select(s => s.InZone(NewYork).LocalDateTime);

    [Test]
    public void WhileOpen_TheSlotsAreTheNextHalfHoursOnTheClock_AQuarterOfAnHourAwayAtLeast()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Local(CallbackSlots.Next(Representatives(), "support", At(2026, 11, 30, 14, 10))),
                Is.EqualTo(new[] { new LocalDateTime(2026, 11, 30, 14, 30), new LocalDateTime(2026, 11, 30, 15, 0), new LocalDateTime(2026, 11, 30, 15, 30) }));
            Assert.That(Local(CallbackSlots.Next(Representatives(), "support", At(2026, 11, 30, 14, 20))).First(), Is.EqualTo(new LocalDateTime(2026, 11, 30, 15, 0)),
                "2:30 is only ten minutes away");
            Assert.That(Local(CallbackSlots.Next(Representatives(), "support", At(2026, 11, 30, 14, 15))).First(), Is.EqualTo(new LocalDateTime(2026, 11, 30, 14, 30)));
        });
    }

    [Test]
    public void NearClosingTime_TheSlotsMoveToTheNextOpening()
    {
        var slots = Local(CallbackSlots.Next(Representatives(), "support", At(2026, 11, 30, 23, 5)));

        Assert.That(slots, Is.EqualTo(new[] { new LocalDateTime(2026, 12, 1, 9, 0), new LocalDateTime(2026, 12, 1, 9, 30), new LocalDateTime(2026, 12, 1, 10, 0) }),
            "23:30 is closing time: a slot must fit before it");
    }

    [Test]
    public void WhileClosed_TheSlotsStartWhenItOpens_SkippingAClosedDay()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Local(CallbackSlots.Next(Representatives(), "support", At(2026, 11, 29, 23, 45))).First(), Is.EqualTo(new LocalDateTime(2026, 11, 30, 9, 0)));
            Assert.That(Local(CallbackSlots.Next(Representatives(), "support", At(2026, 12, 24, 23, 45))).First(), Is.EqualTo(new LocalDateTime(2026, 12, 26, 9, 0)),
                "Christmas Day is closed");
        });
    }

    [Test]
    public void DuringAnEmergencyClosure_ThereAreNoSlots()
    {
        var hours = Representatives();
        hours.SetEmergencyClosure("support", true);

        Assert.That(CallbackSlots.Next(hours, "support", At(2026, 11, 30, 14, 10)), Is.Empty);
    }

    [Test]
    public void NoSlotIsEverInThePastOrOutsideTheOpenHours_OverTwoWeeksAcrossTheEndOfDaylightSaving()
    {
        var hours = Representatives();
        var problems = new List<string>();
        for (var now = At(2026, 10, 28, 0, 0); now < At(2026, 11, 11, 0, 0); now += Duration.FromMinutes(7))
        {
            var slots = CallbackSlots.Next(hours, "support", now);
            if (slots.Count != CallbackSlots.Offered) problems.Add($"{now}: {slots.Count} slots");
            foreach (var slot in slots)
            {
                if (slot <= now) problems.Add($"{now}: slot {slot} is not in the future");
                if (!hours.IsOpenAt("support", slot) || !hours.IsOpenAt("support", slot + CallbackSlots.Length - Duration.FromSeconds(1)))
                {
                    problems.Add($"{now}: slot {slot} is not wholly inside the open hours");
                }
                var local = slot.InZone(NewYork).LocalDateTime;
                if (local.Minute % 30 != 0 || local.Second != 0) problems.Add($"{now}: slot {local} is not on the half hour");
            }
            if (slots.Count > 1 && slots.Zip(slots.Skip(1)).Any(p => p.First >= p.Second)) problems.Add($"{now}: slots out of order");
        }

        Assert.That(problems, Is.Empty);
    }
}
