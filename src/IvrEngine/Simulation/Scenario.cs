using System.Collections.Immutable;
using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Simulation;

/// <summary>
/// A load scenario: the real menu, when calls arrive over a week, how callers behave, and how each
/// queue is staffed. Loaded from a scenario file (<c>docs/simulation.md</c>) by <see cref="ScenarioLoader"/>.
/// </summary>
/// <param name="WeekOf">The Monday the simulated weeks start on, in the menu's time zone.</param>
/// <param name="CallsPerHour">The Poisson arrival rate in each interval of the week.</param>
/// <param name="Queues">Staffing and handling per queue; a queue of the menu not listed has no agents.</param>
public sealed record Scenario(
    string SourcePath,
    string? Description,
    Menu Menu,
    LocalDate WeekOf,
    WeekGrid Grid,
    WeeklyValues CallsPerHour,
    CallerBehaviour Callers,
    ImmutableDictionary<string, QueueStaffing> Queues)
{
    /// <summary>Calls expected in one week.</summary>
    public double CallsPerWeek => CallsPerHour.Sum * Grid.IntervalMinutes / 60.0;

    /// <summary>
    /// Calls expected in the first <paramref name="length"/> from Monday 00:00 of the first week: the
    /// arrival rates added up interval by interval (a day's share of the week's calls is rarely a seventh).
    /// </summary>
    public double CallsExpectedIn(Duration length)
    {
        var zone = Menu.TimeZone;
        var at = WeekStart(0);
        var end = at + length;
        var calls = 0.0;
        while (at < end)
        {
            var (interval, next) = Grid.NextBoundary(at, zone);
            var until = next < end ? next : end;
            calls += CallsPerHour[interval] * (until - at).TotalHours;
            at = until;
        }
        return calls;
    }

    /// <summary>Monday 00:00 of week <paramref name="week"/> (0-based) in the menu's zone.</summary>
    public Instant WeekStart(int week) => Menu.TimeZone.AtStartOfDay(WeekOf.PlusWeeks(week)).ToInstant();

    /// <summary>The same scenario with queue <paramref name="queueId"/> staffed by <paramref name="agents"/>.</summary>
    public Scenario WithAgents(string queueId, WeeklyValues agents) =>
        this with { Queues = Queues.SetItem(queueId, Queues[queueId] with { Agents = agents }) };
}
