using IvrEngine.Hours;
using NodaTime;
using static IvrEngine.Tests.Hours.HoursMenus;

namespace IvrEngine.Tests.Hours;

[TestFixture]
public sealed class ScheduleTests
{
    private static readonly Schedule Representatives = Schedule("""
        { "weekly": { "mon-sat": "09:00-23:30", "sun": "10:00-23:00" },
          "closed": { "Thanksgiving": "fourth thursday of november", "Christmas": "12-25", "New Year": "01-01" },
          "overrides": { "2026-12-24": "09:00-14:00", "2026-12-31": "closed", "2026-11-26": "12:00-16:00" } }
        """);

    [Test]
    public void WeeklyHoursAreOpenInsideAndClosedOutsideAndNameTheirRule()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Representatives.At(At(2026, 11, 30, 9, 0)), Has.Property("IsOpen").True.And.Property("Rule").EqualTo("weekly Mon 09:00–23:30"));
            Assert.That(Representatives.IsOpenAt(At(2026, 11, 30, 8, 59)), Is.False);
            Assert.That(Representatives.IsOpenAt(At(2026, 11, 30, 23, 29)), Is.True);
            Assert.That(Representatives.At(At(2026, 11, 30, 23, 30)), Has.Property("IsOpen").False.And.Property("Rule").EqualTo("outside weekly Mon 09:00–23:30"));
            Assert.That(Representatives.At(At(2026, 11, 29, 10, 0)).Rule, Is.EqualTo("weekly Sun 10:00–23:00"));
        });
    }

    [Test]
    public void TheSeedHoursAreExpressedAsWritten()
    {
        var shopping = Schedule("""{ "weekly": { "mon-sat": "10:00-20:00", "sun": "closed" } }""");
        Assert.Multiple(() =>
        {
            Assert.That(shopping.Weekly.Select(w => w.Rule), Is.EqualTo(new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" }.Select(d => $"weekly {d} 10:00–20:00")));
            Assert.That(shopping.At(At(2026, 11, 29, 12, 0)).Rule, Is.EqualTo("weekly: closed Sun"));
            Assert.That(shopping.At(At(2026, 11, 29, 12, 0)).NextChange, Is.EqualTo(At(2026, 11, 30, 10, 0)));
        });
    }

    [Test]
    public void SeveralRangesADayLeaveTheGapBetweenThemClosed()
    {
        var split = Schedule("""{ "weekly": { "mon-fri": ["09:00-12:00", "13:00-17:00"] } }""");
        Assert.Multiple(() =>
        {
            Assert.That(split.IsOpenAt(At(2026, 12, 1, 11, 59)), Is.True);
            Assert.That(split.At(At(2026, 12, 1, 12, 30)), Has.Property("IsOpen").False.And.Property("NextChange").EqualTo(At(2026, 12, 1, 13, 0)));
            Assert.That(split.At(At(2026, 12, 1, 13, 0)).Rule, Is.EqualTo("weekly Tue 13:00–17:00"));
        });
    }

    [Test]
    public void ARangePastMidnightRunsIntoTheNextDayAndItsRuleIsTheStartingDay()
    {
        var night = Schedule("""{ "weekly": { "fri-sat": "22:00-02:00" } }""");
        Assert.Multiple(() =>
        {
            Assert.That(night.At(At(2026, 12, 5, 1, 30)), Has.Property("IsOpen").True.And.Property("Rule").EqualTo("weekly Fri 22:00–02:00"));
            Assert.That(night.At(At(2026, 12, 5, 1, 30)).NextChange, Is.EqualTo(At(2026, 12, 5, 2, 0)));
            Assert.That(night.IsOpenAt(At(2026, 12, 6, 1, 59)), Is.True, "Saturday's range ends on Sunday");
            Assert.That(night.IsOpenAt(At(2026, 12, 6, 2, 0)), Is.False);
            Assert.That(night.IsOpenAt(At(2026, 12, 4, 1, 0)), Is.False, "Thursday has no range running into Friday");
        });
    }

    [Test]
    public void DayRangesWrapTheWeekAnd2400EndsTheDay()
    {
        var weekend = Schedule("""{ "weekly": { "sat-mon": "00:00-24:00" } }""");
        Assert.Multiple(() =>
        {
            Assert.That(weekend.Weekly.Select(w => w.Day).Distinct(), Is.EquivalentTo(new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday }));
            Assert.That(weekend.At(At(2026, 12, 5, 0, 0)).NextChange, Is.EqualTo(At(2026, 12, 8, 0, 0)), "Saturday 00:00 to Tuesday 00:00 is one stretch");
            Assert.That(weekend.IsOpenAt(At(2026, 12, 7, 23, 59)), Is.True);
            Assert.That(weekend.IsOpenAt(At(2026, 12, 8, 0, 0)), Is.False);
        });
    }

    [Test]
    public void NextOpenCrossesTheWeekEnd()
    {
        var weekdays = Schedule("""{ "weekly": { "mon-fri": "09:00-17:00" } }""");
        Assert.Multiple(() =>
        {
            Assert.That(weekdays.NextOpen(At(2026, 12, 4, 17, 0)), Is.EqualTo(At(2026, 12, 7, 9, 0)));
            Assert.That(weekdays.NextOpen(At(2026, 12, 4, 16, 0)), Is.EqualTo(At(2026, 12, 4, 16, 0)), "open now: now");
            Assert.That(weekdays.NextClose(At(2026, 12, 5, 12, 0)), Is.EqualTo(At(2026, 12, 5, 12, 0)), "closed now: now");
            Assert.That(weekdays.NextClose(At(2026, 12, 4, 16, 0)), Is.EqualTo(At(2026, 12, 4, 17, 0)));
        });
    }

    [Test]
    public void ClosedDatesFixedYearlyAndByRuleCloseTheDay()
    {
        var schedule = Schedule("""
            { "weekly": { "daily": "09:00-17:00" },
              "closed": ["2026-07-03", "12-25", "last monday of may", "1st monday of september"] }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(schedule.At(At(2026, 7, 3, 12, 0)).Rule, Is.EqualTo("holiday 2026-07-03"));
            Assert.That(schedule.IsOpenAt(At(2027, 7, 3, 12, 0)), Is.True, "a fixed date closes once");
            Assert.That(schedule.IsOpenAt(At(2031, 12, 25, 12, 0)), Is.False, "a yearly date every year");
            Assert.That(schedule.At(At(2026, 5, 25, 12, 0)).Rule, Is.EqualTo("holiday last monday of may"));
            Assert.That(schedule.IsOpenAt(At(2026, 5, 18, 12, 0)), Is.True);
            Assert.That(schedule.IsOpenAt(At(2026, 9, 7, 12, 0)), Is.False);
        });
    }

    [TestCase(2024, 28)]
    [TestCase(2025, 27)]
    [TestCase(2026, 26)]
    [TestCase(2027, 25)]
    [TestCase(2028, 23)]
    [TestCase(2029, 22)]
    [TestCase(2030, 28)]
    public void ThanksgivingIsTheFourthThursdayOfNovemberEveryYear(int year, int day)
    {
        var rule = new NthWeekdayClosedDate("Thanksgiving", 4, IsoDayOfWeek.Thursday, 11);
        var closedDays = Enumerable.Range(1, 30).Where(d => rule.Matches(new LocalDate(year, 11, d))).ToList();
        Assert.That(closedDays, Is.EqualTo(new[] { day }));
    }

    [TestCase(2026, 25)]
    [TestCase(2027, 31)]
    [TestCase(2028, 29)]
    public void MemorialDayIsTheLastMondayOfMay(int year, int day) =>
        Assert.That(new NthWeekdayClosedDate("Memorial Day", -1, IsoDayOfWeek.Monday, 5).OccurrenceIn(year), Is.EqualTo(new LocalDate(year, 5, day)));

    [Test]
    public void AFifthWeekdayAMonthLacksClosesNothing() =>
        Assert.That(new NthWeekdayClosedDate("x", 5, IsoDayOfWeek.Monday, 2).OccurrenceIn(2026), Is.Null);

    [Test]
    public void OverridesBeatHolidaysWhichBeatWeeklyHours()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Representatives.At(At(2026, 11, 26, 10, 0)).Rule, Is.EqualTo("override 2026-11-26 12:00–16:00"), "the override on Thanksgiving decides, closed at 10:00");
            Assert.That(Representatives.At(At(2026, 11, 26, 13, 0)), Has.Property("IsOpen").True.And.Property("Rule").EqualTo("override 2026-11-26 12:00–16:00"));
            Assert.That(Representatives.At(At(2027, 11, 25, 13, 0)), Has.Property("IsOpen").False.And.Property("Rule").EqualTo("holiday Thanksgiving"));
            Assert.That(Representatives.At(At(2026, 12, 24, 13, 0)).Rule, Is.EqualTo("override 2026-12-24 09:00–14:00"));
            Assert.That(Representatives.At(At(2026, 12, 24, 13, 0)).NextChange, Is.EqualTo(At(2026, 12, 24, 14, 0)));
            Assert.That(Representatives.At(At(2026, 12, 24, 15, 0)).NextChange, Is.EqualTo(At(2026, 12, 26, 9, 0)), "Christmas is closed");
            Assert.That(Representatives.At(At(2026, 12, 31, 12, 0)).Rule, Is.EqualTo("override 2026-12-31 closed"));
            Assert.That(Representatives.At(At(2026, 12, 31, 12, 0)).NextChange, Is.EqualTo(At(2027, 1, 2, 9, 0)), "New Year's Day too");
        });
    }

    [Test]
    public void OpenIntervalsBetweenTwoInstantsAreClippedAndMerged()
    {
        var night = Schedule("""{ "weekly": { "daily": ["18:00-24:00", "00:00-02:00"] } }""");
        var spans = night.OpenIntervals(At(2026, 12, 1, 19, 0), At(2026, 12, 3, 1, 0));
        Assert.That(spans.Select(s => (s.Start, s.End)), Is.EqualTo(new[]
        {
            (At(2026, 12, 1, 19, 0), At(2026, 12, 2, 2, 0)),
            (At(2026, 12, 2, 18, 0), At(2026, 12, 3, 1, 0)),
        }));
    }

    [Test]
    public void AScheduleInItsOwnZoneUsesThatZone()
    {
        var moscow = Schedule("""{ "timeZone": "Europe/Moscow", "weekly": { "daily": "09:00-18:00" } }""");
        Assert.Multiple(() =>
        {
            Assert.That(moscow.Zone.Id, Is.EqualTo("Europe/Moscow"));
            Assert.That(moscow.IsOpenAt(Instant.FromUtc(2026, 12, 1, 6, 0)), Is.True, "09:00 in Moscow is 01:00 in New York");
            Assert.That(moscow.IsOpenAt(Instant.FromUtc(2026, 12, 1, 15, 0)), Is.False);
        });
    }

    [Test]
    public void AScheduleWithNoHoursNeverOpens() =>
        Assert.That(Schedule("""{ "weekly": { } }""").At(At(2026, 12, 1, 12, 0)), Has.Property("IsOpen").False.And.Property("NextChange").Null);

    [Test]
    public void TheSearchForTheNextChangeReachesTwoYearsAheadAndNoFurther()
    {
        var always = (string closed) => Schedule($$"""{ "weekly": { "daily": "00:00-24:00" }, "closed": [{{closed}}] }""");
        var from = At(2026, 12, 1, 12, 0);
        Assert.Multiple(() =>
        {
            Assert.That(always("\"2026-12-20\"").NextClose(from), Is.EqualTo(At(2026, 12, 20, 0, 0)), "19 days: the second search");
            Assert.That(always("\"2027-07-04\"").NextClose(from), Is.EqualTo(At(2027, 7, 4, 0, 0)), "215 days: the third");
            Assert.That(always("\"2028-06-01\"").NextClose(from), Is.EqualTo(At(2028, 6, 1, 0, 0)), "548 days: the last");
            Assert.That(always("\"2029-06-01\"").NextClose(from), Is.Null, "913 days: open for good as far as the search goes");
            Assert.That(always("\"2029-06-01\"").At(from), Has.Property("IsOpen").True.And.Property("NextChange").Null);

            var once = Schedule("""{ "weekly": { }, "overrides": { "2028-03-01": "09:00-10:00" } }""");
            Assert.That(once.NextOpen(from), Is.EqualTo(At(2028, 3, 1, 9, 0)), "455 days ahead");
            Assert.That(once.At(At(2028, 3, 1, 9, 30)).NextChange, Is.EqualTo(At(2028, 3, 1, 10, 0)));
            Assert.That(once.NextOpen(At(2028, 3, 1, 10, 0)), Is.Null, "never again");
        });
    }

    /// <summary>
    /// The searches for the next change widen step by step (8, 40, 400, 800 days) and keep the spans already planned;
    /// what they find must be what the open intervals say: the end of the one that holds the instant, or the start of the
    /// first after it. Random weekly ranges (some past midnight), holidays and overrides, in zones with daylight saving
    /// (a half-hour change on Lord Howe, a change at midnight in Santiago).
    /// </summary>
    [Test]
    public void NextOpenAndNextCloseAreWhereTheOpenIntervalsBeginAndEnd_OnRandomSchedules()
    {
        var random = new Random(18);
        string[] zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata"];
        string[] days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "mon-fri", "sat-sun", "daily"];
        var horizon = Duration.FromDays(700);
        var checkedCloses = 0;
        var checkedOpens = 0;
        for (var s = 0; s < 60; s++)
        {
            string Range()
            {
                if (random.Next(8) == 0) return "00:00-24:00";
                var start = random.Next(0, 96) * 15;
                return $"{TimeRange.Clock(start)}-{TimeRange.Clock((start + random.Next(1, 96) * 15) % 1440)}";
            }
            var weekly = string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"\"{days[random.Next(days.Length)]}\": \"{Range()}\"")
                .DistinctBy(entry => entry[..entry.IndexOf(':')]));
            var first = new LocalDate(2026, 12, 1);
            var closed = string.Join(", ", Enumerable.Range(0, random.Next(0, 6)).Select(_ => $"\"{first.PlusDays(random.Next(0, 600)):yyyy-MM-dd}\""));
            var overrides = string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => first.PlusDays(random.Next(0, 600))).Distinct()
                .Select(date => $"\"{date:yyyy-MM-dd}\": \"{(random.Next(3) == 0 ? "closed" : Range())}\""));
            var json = $$"""{ "timeZone": "{{zones[random.Next(zones.Length)]}}", "weekly": { {{weekly}} }, "closed": [{{closed}}], "overrides": { {{overrides}} } }""";
            var schedule = Schedule(json);

            for (var q = 0; q < 25; q++)
            {
                var from = Instant.FromUtc(2026, 12, 1, 0, 0) + Duration.FromMinutes(random.Next(0, 400 * 24 * 4) * 15 + random.Next(0, 2) * 7);
                var open = schedule.OpenIntervals(from, from + horizon);
                var openNow = open.Count > 0 && open[0].Start == from;
                Assert.That(schedule.At(from).IsOpen, Is.EqualTo(openNow), () => $"{json} at {from}: open?");
                if (!openNow) Assert.That(schedule.NextClose(from), Is.EqualTo(from), () => $"{json}: closed at {from}");
                else if (open[0].End < from + horizon)
                {
                    Assert.That(schedule.NextClose(from), Is.EqualTo(open[0].End), () => $"{json}: next close after {from}");
                    checkedCloses++;
                }
                if (open.Count > 0)
                {
                    Assert.That(schedule.NextOpen(from), Is.EqualTo(open[0].Start), () => $"{json}: next open after {from}");
                    checkedOpens++;
                }
            }
        }
        TestContext.Out.WriteLine($"closes checked: {checkedCloses}, opens: {checkedOpens}");
        Assert.That(checkedCloses, Is.GreaterThan(300), "instants open, closing within the horizon");
        Assert.That(checkedOpens, Is.GreaterThan(700), "instants with an opening within the horizon");
    }
}
