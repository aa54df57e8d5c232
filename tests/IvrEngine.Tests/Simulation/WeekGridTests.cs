using IvrEngine.Hours;
using IvrEngine.Simulation;
using NodaTime;

namespace IvrEngine.Tests.Simulation;

/// <summary>The week's interval grid, and how scenario rows lay values on it.</summary>
public sealed class WeekGridTests
{
    private static readonly IsoDayOfWeek[] Sunday = [IsoDayOfWeek.Sunday];

    [TestCase(15, 96)]
    [TestCase(30, 48)]
    [TestCase(60, 24)]
    public void AGrid_HasItsIntervalsPerDayAndWeek(int minutes, int perDay)
    {
        var grid = new WeekGrid(minutes);

        Assert.That((grid.IntervalsPerDay, grid.IntervalsPerWeek), Is.EqualTo((perDay, perDay * 7)));
        Assert.That(grid.IntervalLength, Is.EqualTo(Duration.FromMinutes(minutes)));
    }

    [TestCase(20)]
    [TestCase(0)]
    [TestCase(1440)]
    public void AnIntervalOtherThan15_30Or60Minutes_IsRefused(int minutes) =>
        Assert.That(() => new WeekGrid(minutes), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void IntervalsCount_FromMonday0000LocalTime()
    {
        var grid = new WeekGrid(30);

        Assert.That(grid.IntervalOf(new LocalDateTime(2026, 11, 30, 0, 0)), Is.Zero);
        Assert.That(grid.IntervalOf(new LocalDateTime(2026, 11, 30, 0, 29, 59)), Is.Zero);
        Assert.That(grid.IntervalOf(new LocalDateTime(2026, 11, 30, 8, 30)), Is.EqualTo(17));
        Assert.That(grid.IntervalOf(new LocalDateTime(2026, 12, 1, 0, 0)), Is.EqualTo(48), "Tuesday starts the second day");
        Assert.That(grid.IntervalOf(new LocalDateTime(2026, 12, 6, 23, 59)), Is.EqualTo(335), "the last interval of Sunday");
        Assert.That(grid.IntervalOf(new LocalDateTime(2027, 3, 1, 8, 30)), Is.EqualTo(17), "any Monday: the grid is the week's, not a date's");
        Assert.That((grid.Label(17), grid.TimeLabel(17), grid.DayOf(17), grid.StartMinuteOf(17)), Is.EqualTo(("Mon 08:30", "08:30", IsoDayOfWeek.Monday, 510)));
        Assert.That(grid.Label(335), Is.EqualTo("Sun 23:30"));
    }

    [Test]
    public void ARowPastMidnight_RunsIntoTheNextDay_AndSundayIntoMonday()
    {
        var grid = new WeekGrid(60);

        var covered = grid.Cover(Sunday, TimeRange.Of(22, 0, 2, 0))!.ToList();

        Assert.That(covered.Select(grid.Label), Is.EqualTo(new[] { "Sun 22:00", "Sun 23:00", "Mon 00:00", "Mon 01:00" }));
    }

    [Test]
    public void ARowTo2400_EndsWithTheDay()
    {
        var grid = new WeekGrid(30);

        var covered = grid.Cover([IsoDayOfWeek.Friday], TimeRange.Of(23, 0, 24, 0))!.ToList();

        Assert.That(covered.Select(grid.Label), Is.EqualTo(new[] { "Fri 23:00", "Fri 23:30" }));
    }

    [TestCase(30, 9, 15, 12, 0)]
    [TestCase(30, 9, 0, 11, 45)]
    [TestCase(60, 9, 30, 12, 0)]
    [TestCase(15, 9, 10, 12, 0)]
    public void ARowOffTheGrid_CoversNothing(int minutes, int fromHour, int fromMinute, int toHour, int toMinute) =>
        Assert.That(new WeekGrid(minutes).Cover(Sunday, TimeRange.Of(fromHour, fromMinute, toHour, toMinute)), Is.Null);

    [Test]
    public void LaterRows_OverrideEarlierOnes_AndUncoveredIntervalsAreZero()
    {
        var json = SimulationFiles.With(
            "{ \"days\": \"mon\", \"from\": \"09:00\", \"to\": \"12:00\", \"callsPerHour\": 100 }",
            """
            { "days": "mon-fri", "from": "08:00", "to": "18:00", "callsPerHour": 10 },
                { "days": "mon", "from": "09:00", "to": "12:00", "callsPerHour": 100 },
                { "days": "mon", "from": "10:00", "to": "11:00", "callsPerHour": 0 },
                { "days": "sun", "from": "22:00", "to": "02:00", "callsPerHour": 7.5 }
            """);

        var rates = SimulationFiles.LoadTiny(json).CallsPerHour;
        var grid = rates.Grid;
        double At(string label) => rates[Enumerable.Range(0, grid.IntervalsPerWeek).Single(i => grid.Label(i) == label)];

        Assert.Multiple(() =>
        {
            Assert.That(At("Mon 08:00"), Is.EqualTo(10), "the first row only");
            Assert.That(At("Mon 09:00"), Is.EqualTo(100), "the second row over the first");
            Assert.That(At("Mon 10:00"), Is.Zero, "the third row sets 0 over both");
            Assert.That(At("Mon 11:00"), Is.EqualTo(100));
            Assert.That(At("Tue 09:00"), Is.EqualTo(10), "the Monday rows leave Tuesday alone");
            Assert.That(At("Sat 09:00"), Is.Zero, "no row covers Saturday");
            Assert.That(At("Sun 23:00"), Is.EqualTo(7.5));
            Assert.That(At("Mon 00:00"), Is.EqualTo(7.5), "Sunday night runs into the week's Monday");
            Assert.That(At("Mon 01:00"), Is.EqualTo(7.5));
            Assert.That(At("Mon 02:00"), Is.Zero);
        });
        Assert.That(rates.Sum, Is.EqualTo((10 * 10 * 5) - (10 * 3) + (100 * 3) - (100 * 1) + (7.5 * 4)).Within(1e-9));
        Assert.That(rates.Max, Is.EqualTo(100));
    }

    [Test]
    public void WeeklyValues_NeedOneValuePerInterval_AndWithChangesACopyOnly()
    {
        var grid = new WeekGrid(60);
        Assert.That(() => new WeeklyValues(grid, new double[48]), Throws.ArgumentException);

        var values = new WeeklyValues(grid, new double[168]);
        var changed = values.With(9, 4);

        Assert.That((values[9], changed[9], changed.Sum), Is.EqualTo((0.0, 4.0, 4.0)));
        var copy = changed.ToArray();
        copy[9] = 99;
        Assert.That(changed[9], Is.EqualTo(4), "ToArray hands out a copy");
    }
}
