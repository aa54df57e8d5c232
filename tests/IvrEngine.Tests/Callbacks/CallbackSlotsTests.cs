using IvrEngine.Callbacks;
using IvrEngine.Hours;
using NodaTime;
using static IvrEngine.Tests.Hours.HoursMenus;

namespace IvrEngine.Tests.Callbacks;

/// <summary>
/// The times a caller may pick for a scheduled callback: half-hour starts inside both the open hours and
/// the callee's calling window, never in the past, counted on the instant timeline.
/// </summary>
public sealed class CallbackSlotsTests
{
    private static readonly DateTimeZone Honolulu = DateTimeZoneProviders.Tzdb["Pacific/Honolulu"];
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly DateTimeZone Moscow = DateTimeZoneProviders.Tzdb["Europe/Moscow"];

    /// <summary>The bundled line's representatives: Mon–Sat 09:00–23:30, Sun 10:00–23:00, closed on Christmas Day.</summary>
    private static BusinessHours Representatives() => new(Load(Menu("""
        { "support": { "weekly": { "mon-sat": "09:00-23:30", "sun": "10:00-23:00" }, "closed": { "Christmas Day": "12-25" } } }
        """)).Hours);

    /// <summary>A line open around the clock.</summary>
    private static BusinessHours AllDay() => new(Load(Menu("""{ "support": { "weekly": { "daily": "00:00-24:00" } } }""")).Hours);

    /// <summary>The slots for a callee in <paramref name="callee"/> (New York unless said) under the default 08:00–21:00 window.</summary>
    private static IReadOnlyList<Instant> Next(BusinessHours hours, Instant now, DateTimeZone? callee = null, CallingWindow? window = null) =>
        CallbackSlots.Next(hours, "support", now, window ?? CallingWindow.Default, callee ?? NewYork);

    private static IEnumerable<LocalDateTime> Local(IEnumerable<Instant> slots) => slots.Select(s => s.InZone(NewYork).LocalDateTime);

    [Test]
    public void WhileOpen_TheSlotsAreTheNextHalfHoursOnTheClock_AQuarterOfAnHourAwayAtLeast()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Local(Next(Representatives(), At(2026, 11, 30, 14, 10))),
                Is.EqualTo(new[] { new LocalDateTime(2026, 11, 30, 14, 30), new LocalDateTime(2026, 11, 30, 15, 0), new LocalDateTime(2026, 11, 30, 15, 30) }));
            Assert.That(Local(Next(Representatives(), At(2026, 11, 30, 14, 20))).First(), Is.EqualTo(new LocalDateTime(2026, 11, 30, 15, 0)),
                "2:30 is only ten minutes away");
            Assert.That(Local(Next(Representatives(), At(2026, 11, 30, 14, 15))).First(), Is.EqualTo(new LocalDateTime(2026, 11, 30, 14, 30)));
        });
    }

    [Test]
    public void NearClosingTime_TheSlotsMoveToTheNextOpening()
    {
        var slots = Local(Next(Representatives(), At(2026, 11, 30, 20, 35), window: CallingWindow.AllDay));
        var late = Local(Next(Representatives(), At(2026, 11, 30, 23, 5), window: CallingWindow.AllDay));

        Assert.Multiple(() =>
        {
            Assert.That(late, Is.EqualTo(new[] { new LocalDateTime(2026, 12, 1, 9, 0), new LocalDateTime(2026, 12, 1, 9, 30), new LocalDateTime(2026, 12, 1, 10, 0) }),
                "23:30 is closing time: a slot must fit before it");
            Assert.That(slots.First(), Is.EqualTo(new LocalDateTime(2026, 11, 30, 21, 0)));
        });
    }

    [Test]
    public void NearTheEndOfTheCallingWindow_TheSlotsMoveToTheNextMorning_ThoughTheLineIsOpen()
    {
        var slots = Local(Next(Representatives(), At(2026, 11, 30, 20, 10)));

        Assert.That(slots, Is.EqualTo(new[] { new LocalDateTime(2026, 11, 30, 20, 30), new LocalDateTime(2026, 12, 1, 9, 0), new LocalDateTime(2026, 12, 1, 9, 30) }),
            "21:00 closes the calling window: 20:30 is the last slot that fits before it");
    }

    [Test]
    public void WhileClosed_TheSlotsStartWhenItOpens_SkippingAClosedDay()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Local(Next(Representatives(), At(2026, 11, 29, 23, 45))).First(), Is.EqualTo(new LocalDateTime(2026, 11, 30, 9, 0)));
            Assert.That(Local(Next(Representatives(), At(2026, 12, 24, 23, 45))).First(), Is.EqualTo(new LocalDateTime(2026, 12, 26, 9, 0)),
                "Christmas Day is closed");
        });
    }

    [Test]
    public void SlotsFitWhollyInsideEachOpenInterval_CutFromItsStart()
    {
        var hours = new BusinessHours(Load(Menu("""{ "support": { "weekly": { "mon": ["09:00-10:00", "11:00-11:45"] } } }""")).Hours);

        Assert.That(Local(Next(hours, At(2026, 11, 30, 0, 0))),
            Is.EqualTo(new[] { new LocalDateTime(2026, 11, 30, 9, 0), new LocalDateTime(2026, 11, 30, 9, 30), new LocalDateTime(2026, 11, 30, 11, 0) }));
    }

    [Test]
    public void DuringAnEmergencyClosure_ThereAreNoSlots()
    {
        var hours = Representatives();
        hours.SetEmergencyClosure("support", true);

        Assert.That(Next(hours, At(2026, 11, 30, 14, 10)), Is.Empty);
    }

    [Test]
    public void ClosedOnSundayNight_AHawaiiCallee_IsFirstOfferedOnePmEastern_EightAmInHawaii()
    {
        var first = Next(Representatives(), At(2026, 11, 29, 23, 45), Honolulu)[0];

        Assert.Multiple(() =>
        {
            Assert.That(first.InZone(NewYork).LocalDateTime, Is.EqualTo(new LocalDateTime(2026, 11, 30, 13, 0)), "not 9:00 AM Eastern: that is 4:00 AM in Hawaii");
            Assert.That(first.InZone(Honolulu).LocalDateTime, Is.EqualTo(new LocalDateTime(2026, 11, 30, 8, 0)));
        });
    }

    [Test]
    public void ClosedOnSundayNight_APacificCallee_IsFirstOfferedElevenAmEastern()
    {
        var first = Next(Representatives(), At(2026, 11, 29, 23, 45), LosAngeles)[0];

        Assert.That(first.InZone(LosAngeles).LocalDateTime, Is.EqualTo(new LocalDateTime(2026, 11, 30, 8, 0)), "not 6:00 AM Pacific");
    }

    [Test]
    public void OpenOnMondayAtTen_PM_ALondonCallee_IsFirstOfferedTuesdayAtNineEastern()
    {
        var slots = Local(Next(Representatives(), At(2026, 11, 30, 22, 0), London));

        Assert.That(slots, Is.EqualTo(new[] { new LocalDateTime(2026, 12, 1, 9, 0), new LocalDateTime(2026, 12, 1, 9, 30), new LocalDateTime(2026, 12, 1, 10, 0) }),
            "not 10:30 PM Eastern: that is 3:30 AM in London");
    }

    [Test]
    public void OpenOnMondayAtTwo_PM_AMoscowCallee_IsNotOfferedTenThirtyAtNightInMoscow()
    {
        var slots = Next(Representatives(), At(2026, 11, 30, 14, 0), Moscow);

        Assert.Multiple(() =>
        {
            Assert.That(slots[0].InZone(NewYork).LocalDateTime, Is.EqualTo(new LocalDateTime(2026, 12, 1, 9, 0)));
            Assert.That(slots[0].InZone(Moscow).LocalDateTime, Is.EqualTo(new LocalDateTime(2026, 12, 1, 17, 0)));
            Assert.That(slots.All(s => CallingWindow.Default.IsOpenAt(s, Moscow)), Is.True);
        });
    }

    [Test]
    public void WhenClocksFallBack_TheRepeatedHourIsOffered_NotSkipped()
    {
        // 2026-11-01 01:20 EDT (05:20 UTC): the next half hours on the clock are 1:00 and 1:30 AM EST, then 2:00 AM EST.
        var now = Instant.FromUtc(2026, 11, 1, 5, 20);

        var slots = Next(AllDay(), now, window: CallingWindow.AllDay);

        Assert.Multiple(() =>
        {
            Assert.That(slots, Is.EqualTo(new[] { Instant.FromUtc(2026, 11, 1, 6, 0), Instant.FromUtc(2026, 11, 1, 6, 30), Instant.FromUtc(2026, 11, 1, 7, 0) }));
            Assert.That(slots.Select(s => s.InZone(NewYork).ToString("h:mm tt x", System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new[] { "1:00 AM EST", "1:30 AM EST", "2:00 AM EST" }));
        });
    }

    [Test]
    public void WhenClocksFallBack_AMoscowCallee_IsOfferedTheRepeatedHour_NineInTheMorningThere()
    {
        var slots = Next(AllDay(), Instant.FromUtc(2026, 11, 1, 5, 20), Moscow);

        Assert.That(slots[0], Is.EqualTo(Instant.FromUtc(2026, 11, 1, 6, 0)), "1:00 AM EST is 9:00 AM in Moscow");
    }

    [Test]
    public void WhenClocksSpringForward_TheSkippedHourIsNeverOffered()
    {
        // 2026-03-08 01:20 EST (06:20 UTC): 2:00 AM does not exist; 25 minutes on, the clock reads 3:00 AM EDT.
        var slots = Next(AllDay(), Instant.FromUtc(2026, 3, 8, 6, 20), window: CallingWindow.AllDay);

        Assert.That(slots.Select(s => s.InZone(NewYork).ToString("h:mm tt x", System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new[] { "3:00 AM EDT", "3:30 AM EDT", "4:00 AM EDT" }));
    }

    [Test]
    public void OnALineOpenAllDay_TheSlotsAreTheNextThreeHalfHours_OnBothDaylightSavingChanges()
    {
        var problems = new List<string>();
        foreach (var start in new[] { Instant.FromUtc(2026, 3, 7, 12, 0), Instant.FromUtc(2026, 10, 31, 12, 0) })
        {
            for (var now = start; now < start + Duration.FromDays(1); now += Duration.FromMinutes(7))
            {
                var slots = Next(AllDay(), now, window: CallingWindow.AllDay);
                var first = slots[0];
                if (first < now + CallbackSlots.Lead || first >= now + CallbackSlots.Lead + CallbackSlots.Length) problems.Add($"{now}: first slot {first} is not the next half hour after the lead");
                if (slots[1] - slots[0] != CallbackSlots.Length || slots[2] - slots[1] != CallbackSlots.Length) problems.Add($"{now}: slots {string.Join(", ", slots)} are not consecutive half hours");
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void NoSlotIsEverInThePastOrOutsideTheOpenHoursOrTheCalleesWindow_OverTwoWeeksAcrossTheEndOfDaylightSaving()
    {
        var hours = Representatives();
        var problems = new List<string>();
        foreach (var callee in new[] { NewYork, Honolulu, London, Moscow })
        {
            for (var now = At(2026, 10, 28, 0, 0); now < At(2026, 11, 11, 0, 0); now += Duration.FromMinutes(7))
            {
                var slots = Next(hours, now, callee);
                if (slots.Count != CallbackSlots.Offered) problems.Add($"{now}: {slots.Count} slots for {callee.Id}");
                foreach (var slot in slots)
                {
                    if (slot <= now) problems.Add($"{now}: slot {slot} is not in the future");
                    var last = slot + CallbackSlots.Length - Duration.FromSeconds(1);
                    if (!hours.IsOpenAt("support", slot) || !hours.IsOpenAt("support", last)) problems.Add($"{now}: slot {slot} is not wholly inside the open hours");
                    if (!CallingWindow.Default.IsOpenAt(slot, callee) || !CallingWindow.Default.IsOpenAt(last, callee)) problems.Add($"{now}: slot {slot} is outside the window in {callee.Id}");
                    var local = slot.InZone(NewYork).LocalDateTime;
                    if (local.Minute % 30 != 0 || local.Second != 0) problems.Add($"{now}: slot {local} is not on the half hour");
                }
                if (slots.Count > 1 && slots.Zip(slots.Skip(1)).Any(p => p.First >= p.Second)) problems.Add($"{now}: slots out of order");
            }
        }

        Assert.That(problems, Is.Empty);
    }
}
