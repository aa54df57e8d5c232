using IvrEngine.Hours;
using NodaTime;
using NodaTime.Extensions;
using static IvrEngine.Tests.Hours.HoursMenus;

namespace IvrEngine.Tests.Hours;

/// <summary>
/// Every minute from 00:00 to 04:00 (and on to 04:00 of the next day for the next change) around
/// both 2026 New York transitions, against an expectation computed independently with the BCL's
/// <see cref="TimeZoneInfo"/>: an instant is open when its wall-clock time lies in a range (the rule
/// documented on <see cref="Schedule"/>).
/// </summary>
[TestFixture]
public sealed class DstTests
{
    // Ranges chosen to touch the skipped and the repeated hour from every side; both days are Sundays.
    private static readonly (IsoDayOfWeek Day, int Start, int End)[] Ranges =
    [
        (IsoDayOfWeek.Saturday, 23 * 60, 60 + 15),      // 23:00-01:15, from the night before
        (IsoDayOfWeek.Sunday, 60 + 30, 2 * 60 + 30),    // 01:30-02:30: ends in the gap / covers the repeat
        (IsoDayOfWeek.Sunday, 2 * 60 + 45, 3 * 60 + 10), // 02:45-03:10: starts in the gap
        (IsoDayOfWeek.Sunday, 3 * 60 + 30, 3 * 60 + 40), // 03:30-03:40
    ];

    private static readonly Schedule Night = Schedule("""
        { "weekly": { "sat": "23:00-01:15", "sun": ["01:30-02:30", "02:45-03:10", "03:30-03:40"] } }
        """);

    private static readonly TimeZoneInfo Bcl = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [TestCase(2026, 3, 8, TestName = "Spring forward 2026-03-08, minute by minute")]
    [TestCase(2026, 11, 1, TestName = "Fall back 2026-11-01, minute by minute")]
    public void EveryMinuteMatchesTheWallClockRule(int year, int month, int day)
    {
        // From local midnight (unambiguous on both days) for as many real minutes as reach 04:00 local.
        var start = new DateTimeOffset(new DateTime(year, month, day, 0, 0, 0), Bcl.GetUtcOffset(new DateTime(year, month, day, 0, 0, 0))).ToInstant();
        var checkedMinutes = 0;
        for (var t = start; Local(t) < new DateTime(year, month, day, 4, 0, 0); t += Duration.FromMinutes(1))
        {
            var answer = Night.At(t);
            var expected = ExpectedOpen(t);
            Assert.That(answer.IsOpen, Is.EqualTo(expected), () => $"at {t} (local {Local(t):HH:mm}, offset {Bcl.GetUtcOffset(t.ToDateTimeUtc())})");
            Assert.That(answer.NextChange, Is.EqualTo(ExpectedNextChange(t)), () => $"next change after {t} (local {Local(t):HH:mm})");
            checkedMinutes++;
        }
        Assert.That(checkedMinutes, Is.EqualTo(month == 3 ? 180 : 300), "a spring day has an hour fewer before 04:00, a fall day one more");
    }

    [Test]
    public void SpringForwardARangeEndingInTheGapClosesAt0300AndOneStartingInItOpensAt0300()
    {
        var spring = Schedule("""{ "weekly": { "sun": "01:30-02:30" } }""");
        var late = Schedule("""{ "weekly": { "sun": "02:30-05:00" } }""");
        Assert.Multiple(() =>
        {
            Assert.That(spring.At(Instant.FromUtc(2026, 3, 8, 6, 45)).NextChange, Is.EqualTo(Instant.FromUtc(2026, 3, 8, 7, 0)), "closes at 03:00 EDT");
            Assert.That(late.At(Instant.FromUtc(2026, 3, 8, 6, 45)).NextChange, Is.EqualTo(Instant.FromUtc(2026, 3, 8, 7, 0)), "opens at 03:00 EDT");
            Assert.That(Schedule("""{ "weekly": { "sun": "02:00-02:59" } }""").OpenIntervals(Instant.FromUtc(2026, 3, 8, 0, 0), Instant.FromUtc(2026, 3, 9, 0, 0)), Is.Empty, "a range wholly in the gap never opens");
        });
    }

    [Test]
    public void FallBackARangeInTheRepeatedHourCoversBothOccurrences()
    {
        var repeated = Schedule("""{ "weekly": { "sun": "01:00-01:30" } }""");
        var spans = repeated.OpenIntervals(Instant.FromUtc(2026, 11, 1, 0, 0), Instant.FromUtc(2026, 11, 2, 0, 0));
        Assert.That(spans.Select(s => (s.Start, s.End)), Is.EqualTo(new[]
        {
            (Instant.FromUtc(2026, 11, 1, 5, 0), Instant.FromUtc(2026, 11, 1, 5, 30)), // 01:00-01:30 EDT
            (Instant.FromUtc(2026, 11, 1, 6, 0), Instant.FromUtc(2026, 11, 1, 6, 30)), // 01:00-01:30 EST
        }));
    }

    [Test]
    public void AnAllDayRangeOnADstDayIs23Or25HoursLong()
    {
        var daily = Schedule("""{ "weekly": { "sun": "00:00-24:00" } }""");
        Assert.Multiple(() =>
        {
            Assert.That(Length(daily, 2026, 3, 8), Is.EqualTo(Duration.FromHours(23)));
            Assert.That(Length(daily, 2026, 11, 1), Is.EqualTo(Duration.FromHours(25)));
        });
    }

    private static Duration Length(Schedule schedule, int year, int month, int day) =>
        schedule.OpenIntervals(Instant.FromUtc(year, month, day, 0, 0) - Duration.FromDays(1), Instant.FromUtc(year, month, day, 12, 0) + Duration.FromDays(1))
            .Aggregate(Duration.Zero, (sum, s) => sum + (s.End - s.Start));

    private static DateTime Local(Instant t) => TimeZoneInfo.ConvertTimeFromUtc(t.ToDateTimeUtc(), Bcl);

    private static bool ExpectedOpen(Instant t)
    {
        var local = Local(t);
        foreach (var (day, startMinute, endMinute) in Ranges)
        {
            // The range's start date is the local date, or the day before for a range past midnight.
            foreach (var startDate in new[] { local.Date, local.Date.AddDays(-1) })
            {
                if ((int)startDate.DayOfWeek != (int)day % 7) continue;
                var from = startDate.AddMinutes(startMinute);
                var to = (endMinute <= startMinute ? startDate.AddDays(1) : startDate).AddMinutes(endMinute);
                if (local >= from && local < to) return true;
            }
        }
        return false;
    }

    private static Instant? ExpectedNextChange(Instant t)
    {
        var open = ExpectedOpen(t);
        for (var next = t + Duration.FromMinutes(1); next < t + Duration.FromDays(8); next += Duration.FromMinutes(1))
        {
            if (ExpectedOpen(next) != open) return next;
        }
        return null;
    }
}
