using System.Globalization;
using System.Text.RegularExpressions;
using IvrEngine.Queues;
using IvrEngine.Simulation;
using NodaTime;

namespace IvrEngine.Tests.Simulation;

/// <summary>The best-time-to-call map: coloured by the wait itself, and honest about noise.</summary>
public sealed class BestTimeToCallTests
{
    [Test]
    public void HoursOfNearlyEqualWaits_ArePaintedNearlyOneColour_NotGreenToRedByRank()
    {
        var scenario = SimulationFiles.LoadTiny();
        var week = Week(scenario, (9, [8]), (10, [9]), (11, [10]));

        var fills = Regex.Matches(BestTimeToCall.From(week).ToSvg("tiny"), "fill=\"#([0-9a-f]{2})([0-9a-f]{2})60\"><title>")
            .Select(m => (Red: int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture), Green: int.Parse(m.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(fills, Has.Count.EqualTo(3));
            // By rank these would be green (#50c8), yellow and red (#ff5a): 8, 9 and 10 seconds are all short.
            Assert.That(fills.Max(f => f.Red) - fills.Min(f => f.Red), Is.LessThanOrEqualTo(24));
            Assert.That(fills.Max(f => f.Green) - fills.Min(f => f.Green), Is.LessThanOrEqualTo(24));
        });
    }

    [Test]
    public void OneWeek_SaysItHasNoMeasureOfNoise()
    {
        var scenario = SimulationFiles.LoadTiny();
        var week = Week(scenario, (9, [10]), (10, [100]));
        var spread = new HourlyWaitSpread();
        spread.Add(week);

        Assert.That(Table(BestTimeToCall.From(week, spread)), Does.Contain("One simulated week: no measure of noise, so differences between hours may be chance"));
    }

    [Test]
    public void WeeksWhoseHoursSwapPlaces_AreWithinNoise()
    {
        var scenario = SimulationFiles.LoadTiny();
        var (total, spread) = Weeks(scenario,
            Week(scenario, (9, [10, 14]), (10, [12, 12])),
            Week(scenario, (9, [14, 14]), (10, [10, 10])),
            Week(scenario, (9, [12, 10]), (10, [16, 12])));

        Assert.That(Table(BestTimeToCall.From(total, spread)), Does.Match(@"Differences between hours are within noise: the best and the worst hour's 95% intervals overlap \(.+, over 3 weeks\)\."));
    }

    [Test]
    public void AnHourThatAlwaysWaitsLonger_DiffersBeyondNoise()
    {
        var scenario = SimulationFiles.LoadTiny();
        var (total, spread) = Weeks(scenario,
            Week(scenario, (9, [1, 2]), (10, [100, 110])),
            Week(scenario, (9, [2, 1]), (10, [105, 100])),
            Week(scenario, (9, [1, 1]), (10, [110, 105])));

        Assert.That(Table(BestTimeToCall.From(total, spread)), Does.Contain("The best and the worst hour differ beyond noise (95% intervals 0:01–0:02 and 1:39–1:51, over 3 weeks)."));
    }

    /// <summary>One week in which callers joined on Monday at these hours and waited these seconds before an answer.</summary>
    private static SimulationFigures Week(Scenario scenario, params (int Hour, int[] Waits)[] hours)
    {
        var figures = new SimulationFigures(scenario);
        IQueueObserver observer = figures;
        foreach (var (hour, waits) in hours)
        {
            var joined = scenario.WeekStart(0) + Duration.FromHours(hour);
            figures.Covered(scenario.Grid.Locate(joined, scenario.Menu.TimeZone).Interval);
            foreach (var wait in waits)
            {
                observer.Offered("general", joined);
                observer.Answered("general", joined + Duration.FromSeconds(wait), Duration.FromSeconds(wait), callbackLeg: false);
            }
        }
        return figures;
    }

    private static (SimulationFigures Total, HourlyWaitSpread Spread) Weeks(Scenario scenario, params SimulationFigures[] weeks)
    {
        var total = new SimulationFigures(scenario);
        var spread = new HourlyWaitSpread();
        foreach (var week in weeks)
        {
            total.Merge(week);
            spread.Add(week);
        }
        return (total, spread);
    }

    private static string Table(BestTimeToCall map)
    {
        using var text = new StringWriter();
        map.WriteTable(text);
        return text.ToString();
    }
}
