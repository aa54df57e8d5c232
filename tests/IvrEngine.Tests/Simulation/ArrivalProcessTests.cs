using IvrEngine.Simulation;
using NodaTime;

namespace IvrEngine.Tests.Simulation;

/// <summary>
/// Poisson arrivals at each interval's rate. Counts are checked against their expectation within
/// 5 standard deviations (a Poisson count of mean m has standard deviation √m), so a correct
/// process fails about once in 1.7 million runs — and these runs are seeded, so never.
/// </summary>
public sealed class ArrivalProcessTests
{
    private const string MondayMorning = "{ \"days\": \"mon\", \"from\": \"09:00\", \"to\": \"12:00\", \"callsPerHour\": 100 }";

    [Test]
    public void ArrivalsOverManyWeeks_NumberAboutTheRateTimesTheHours()
    {
        var scenario = SimulationFiles.LoadTiny();
        const int Weeks = 200;

        var count = Enumerable.Range(0, Weeks).Sum(w => new ArrivalProcess(scenario, scenario.WeekStart(w), scenario.WeekStart(w + 1), seed: w).CountAll());

        var expected = 100.0 * 3 * Weeks;
        Assert.That(scenario.CallsPerWeek * Weeks, Is.EqualTo(expected));
        Assert.That(count, Is.EqualTo(expected).Within(5 * Math.Sqrt(expected)));
    }

    [Test]
    public void EachInterval_GetsArrivalsAtItsOwnRate_AndZeroRateIntervalsNone()
    {
        var scenario = SimulationFiles.LoadTiny(SimulationFiles.With(MondayMorning,
            """
            { "days": "mon", "from": "09:00", "to": "10:00", "callsPerHour": 60 },
                { "days": "mon", "from": "10:00", "to": "11:00", "callsPerHour": 240 },
                { "days": "wed", "from": "23:00", "to": "00:00", "callsPerHour": 30 }
            """));
        var zone = scenario.Menu.TimeZone;
        var perInterval = new long[scenario.Grid.IntervalsPerWeek];
        const int Weeks = 100;

        for (var w = 0; w < Weeks; w++)
        {
            var arrivals = new ArrivalProcess(scenario, scenario.WeekStart(w), scenario.WeekStart(w + 1), seed: 1000 + w);
            while (arrivals.Next() is { } at) perInterval[scenario.Grid.IntervalOf(at.InZone(zone).LocalDateTime)]++;
        }

        var byLabel = Enumerable.Range(0, perInterval.Length).Where(i => perInterval[i] > 0).ToDictionary(scenario.Grid.Label, i => perInterval[i]);
        Assert.That(byLabel.Keys, Is.EquivalentTo(new[] { "Mon 09:00", "Mon 10:00", "Wed 23:00" }), "no arrival where the rate is 0");
        Assert.That(byLabel["Mon 09:00"], Is.EqualTo(6_000).Within(5 * Math.Sqrt(6_000)));
        Assert.That(byLabel["Mon 10:00"], Is.EqualTo(24_000).Within(5 * Math.Sqrt(24_000)));
        Assert.That(byLabel["Wed 23:00"], Is.EqualTo(3_000).Within(5 * Math.Sqrt(3_000)));
    }

    [Test]
    public void TheSameSeed_GivesTheSameArrivals_AndAnotherSeedOthers()
    {
        var scenario = SimulationFiles.LoadTiny();
        List<Instant> Draw(int seed)
        {
            var arrivals = new ArrivalProcess(scenario, scenario.WeekStart(0), scenario.WeekStart(1), seed);
            var list = new List<Instant>();
            while (arrivals.Next() is { } at) list.Add(at);
            return list;
        }

        var first = Draw(42);

        Assert.That(first, Is.Not.Empty);
        Assert.That(Draw(42), Is.EqualTo(first));
        Assert.That(Draw(43), Is.Not.EqualTo(first));
        Assert.That(first, Is.Ordered);
    }

    [Test]
    public void Arrivals_FallFromTheStartAndBeforeTheStop()
    {
        var scenario = SimulationFiles.LoadTiny(SimulationFiles.With(MondayMorning, "{ \"days\": \"daily\", \"from\": \"00:00\", \"to\": \"24:00\", \"callsPerHour\": 500 }"));
        var start = scenario.WeekStart(0) + Duration.FromHours(10);
        var stop = start + Duration.FromMinutes(90);

        var arrivals = new ArrivalProcess(scenario, start, stop, seed: 5);
        var all = new List<Instant>();
        while (arrivals.Next() is { } at) all.Add(at);

        Assert.That(all, Has.All.Matches<Instant>(at => at >= start && at < stop));
        Assert.That(all, Has.Count.EqualTo(750).Within(5 * Math.Sqrt(750)));
        Assert.That(arrivals.Next(), Is.Null, "once over, it stays over");
    }

    [Test]
    public void AWeekWithNoRateAnywhere_HasNoArrivals()
    {
        var scenario = SimulationFiles.LoadTiny(SimulationFiles.With(MondayMorning, "{ \"days\": \"daily\", \"from\": \"00:00\", \"to\": \"24:00\", \"callsPerHour\": 0 }"));

        Assert.That(new ArrivalProcess(scenario, scenario.WeekStart(0), scenario.WeekStart(1), seed: 1).CountAll(), Is.Zero);
    }

    [Test]
    public void AWeekWhenClocksGoForward_HasAnHourLessOfArrivals()
    {
        // 2026-03-08 in New York: 02:00-02:59 does not happen, so the week is 167 hours long.
        var json = SimulationFiles.With("\"weekOf\": \"2026-11-30\"", "\"weekOf\": \"2026-03-02\"");
        var scenario = SimulationFiles.LoadTiny(SimulationFiles.With(json, MondayMorning, "{ \"days\": \"daily\", \"from\": \"00:00\", \"to\": \"24:00\", \"callsPerHour\": 200 }"));
        Assert.That(scenario.WeekStart(1) - scenario.WeekStart(0), Is.EqualTo(Duration.FromHours(167)));
        const int Runs = 30;

        var count = Enumerable.Range(0, Runs).Sum(seed => new ArrivalProcess(scenario, scenario.WeekStart(0), scenario.WeekStart(1), seed).CountAll());

        var expected = 200.0 * 167 * Runs;
        Assert.That(count, Is.EqualTo(expected).Within(5 * Math.Sqrt(expected)));
    }
}
