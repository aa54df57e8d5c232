using System.Collections.Immutable;
using IvrEngine.Hours;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Kernel;
using NodaTime;

namespace IvrEngine.Tests.Simulation.Kernel;

/// <summary>
/// The kernel keeps each schedule's answer until it changes, and shares what one week worked out with
/// the weeks after it; every answer must still be the schedule's own (<see cref="Schedule.At"/>).
/// </summary>
public sealed class KernelHoursTests
{
    [Test]
    public void A_change_further_ahead_than_the_schedules_search_is_still_met_by_a_later_week()
    {
        // Open round the clock, but closed for one day 1,000 days after the first week: further than
        // Schedule.At searches ahead (800 days), so the first week finds no change at all.
        var scenario = OpeningHours();
        var start = scenario.WeekStart(0);
        var zone = scenario.Menu.TimeZone;
        var closedDay = start.InZone(zone).Date.PlusDays(1000);
        var late = scenario.Menu.Hours["late"] with
        {
            Weekly = [.. Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).Select(d => new WeeklyRange(d, new TimeRange(0, 1440)))],
            Overrides = ImmutableDictionary<LocalDate, DateOverride>.Empty.Add(closedDay, new DateOverride(closedDay, [])),
        };
        scenario = scenario with { Menu = scenario.Menu with { Hours = scenario.Menu.Hours.SetItem("late", late) } };
        var line = new CompiledLine(scenario);
        var schedule = Array.IndexOf(line.ScheduleIds, "late");

        // Each week asks with its own KernelHours, as each KernelWeek does, all sharing the line's answers.
        var asked = new List<(Instant At, bool Kernel, bool Schedule)>();
        for (var day = 0; day <= 1005; day += 5)
        {
            foreach (var at in new[] { start.Plus(Duration.FromDays(day)), closedDay.PlusDays(day % 2).AtStartOfDayInZone(zone).ToInstant().Plus(Duration.FromHours(12)) })
            {
                var week = new KernelHours(line);
                asked.Add((at, week.IsOpen(schedule, at.ToDateTimeOffset().UtcTicks, at), late.At(at).IsOpen));
            }
        }

        Assert.That(asked.Where(a => a.Kernel != a.Schedule), Is.Empty, "every answer is the schedule's own");
        Assert.That(asked.Count(a => !a.Schedule), Is.GreaterThan(0), "the closed day was asked about");
    }

    private static Scenario OpeningHours() =>
        ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Root, "tests", "IvrEngine.Tests", "Simulation", "Kernel", "opening-hours.scenario.json")).Scenario!;
}
