using IvrEngine.Simulation;
using IvrEngine.Simulation.Analytics;
using NodaTime;

namespace IvrEngine.Hosting.Simulation;

/// <summary>A service-level target: <see cref="ServiceLevel"/> of callers answered within <see cref="Threshold"/> (80/20).</summary>
public sealed record ServiceTarget(double ServiceLevel, Duration Threshold)
{
    /// <summary>Reads <c>80/20</c> (percent / seconds).</summary>
    public static bool TryParse(string text, out ServiceTarget target, out string problem)
    {
        target = new ServiceTarget(0.8, Duration.FromSeconds(20));
        var parts = text.Split('/');
        // Written so NaN, which no comparison holds for, is out of range too.
        if (parts.Length != 2
            || !double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var percent)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || !(percent is >= 1 and < 100) || seconds is < 1 or > 3600)
        {
            problem = $"'{text}' is not a target such as 80/20 (percent answered, from 1 to 99, within seconds, from 1 to 3600).";
            return false;
        }
        target = new ServiceTarget(percent / 100, Duration.FromSeconds(seconds));
        problem = string.Empty;
        return true;
    }
}

/// <summary>One queue and interval of a staffing answer.</summary>
/// <param name="CallsPerHour">Callers reaching the queue in the interval, per hour, as simulated (callbacks put through included).</param>
/// <param name="ErlangAgents">Erlang C's fewest agents for the target (the first guess).</param>
/// <param name="Agents">Agents after the simulation's confirmation.</param>
/// <param name="ServiceLevel">The simulated service level with <paramref name="Agents"/>; null when nobody waited.</param>
/// <param name="Judged">Whether enough callers came for the simulation to judge the interval (<see cref="StaffingPlanner.MinimumCallersToJudge"/>).</param>
public sealed record IntervalStaffing(string Queue, int Interval, double CallsPerHour, int ErlangAgents, int Agents, double? ServiceLevel, bool Judged);

/// <summary>The staffing <see cref="StaffingPlanner"/> found, the scenario with it, and whether every interval met the target.</summary>
public sealed record StaffingAnswer(Scenario Staffed, IReadOnlyList<IntervalStaffing> Intervals, int Rounds, bool MetEverywhere);

/// <summary>
/// The fewest agents per queue and interval reaching a service-level target: Erlang C's answer
/// from the simulated arrivals at each queue as a first guess, then simulation rounds (the real
/// menu, abandonment, callbacks) adding an agent wherever the simulated service level falls short.
/// </summary>
public static class StaffingPlanner
{
    /// <summary>
    /// An interval is judged by simulation only with at least this many callers answered or abandoned
    /// (over the weeks of a round): with fewer, one unlucky caller decides its service level, and
    /// Erlang C's answer stands.
    /// </summary>
    public const int MinimumCallersToJudge = 20;

    public static async Task<StaffingAnswer> PlanAsync(Scenario scenario, ServiceTarget target, int weeks, int seed, int maxRounds = 8,
        Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var length = SimulationLength.Of(Duration.FromDays(7 * weeks));
        progress?.Invoke("measuring the calls each queue gets");
        var measured = await LoadSimulation.RunAsync(scenario, length, seed, cancellationToken: cancellationToken, serviceLevelThreshold: target.Threshold).ConfigureAwait(false);
        var grid = scenario.Grid;
        var hoursPerInterval = grid.IntervalMinutes / 60.0;
        var rates = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var erlang = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var staffed = scenario;
        var hours = new Hours.BusinessHours(scenario.Menu.Hours);
        foreach (var (queue, staffing) in scenario.Queues.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            var perHour = new double[grid.IntervalsPerWeek];
            var agents = new int[grid.IntervalsPerWeek];
            for (var i = 0; i < grid.IntervalsPerWeek; i++)
            {
                var figures = measured[queue, i];
                // Callbacks the line places come into the queue too (ahead of new callers, often in a rush at opening).
                perHour[i] = figures.Weeks == 0 ? 0 : (figures.Offered + figures.CallbacksCompleted) / (double)figures.Weeks / hoursPerInterval;
                agents[i] = ErlangC.MinimumAgents(new TrafficLoad(perHour[i], staffing.AverageHandleTime), target.ServiceLevel, target.Threshold);
                // A queue the scenario keeps open and staffed keeps at least one agent: a quiet
                // queue's few callers would otherwise find nobody where the sample happened to have none.
                if (agents[i] == 0 && staffing.Agents[i] > 0 && IsOpen(scenario, hours, queue, i)) agents[i] = 1;
            }
            rates[queue] = perHour;
            erlang[queue] = agents;
            staffed = staffed.WithAgents(queue, new WeeklyValues(grid, [.. agents.Select(a => (double)a)]));
        }

        var rounds = 0;
        SimulationFigures result;
        while (true)
        {
            rounds++;
            progress?.Invoke($"confirming by simulation, round {rounds}");
            result = await LoadSimulation.RunAsync(staffed, length, seed, cancellationToken: cancellationToken, serviceLevelThreshold: target.Threshold).ConfigureAwait(false);
            var shortfalls = scenario.Queues.Keys
                .SelectMany(queue => Enumerable.Range(0, grid.IntervalsPerWeek).Where(i => Judged(result[queue, i]) && result[queue, i].ServiceLevel < target.ServiceLevel).Select(i => (queue, i)))
                .ToList();
            // The reported service levels must be those of the staffing reported: stop before raising on the last round.
            if (shortfalls.Count == 0 || rounds == maxRounds) break;
            foreach (var group in shortfalls.GroupBy(s => s.queue))
            {
                var agents = staffed.Queues[group.Key].Agents.ToArray();
                foreach (var (_, interval) in group)
                {
                    // Far short (an opening rush, a backlog of callbacks): several agents at once, else one.
                    var level = result[group.Key, interval].ServiceLevel ?? 0;
                    agents[interval] += Math.Max(1, Math.Ceiling(agents[interval] * (target.ServiceLevel - level)));
                }
                staffed = staffed.WithAgents(group.Key, new WeeklyValues(grid, agents));
            }
        }

        var met = true;
        var intervals = new List<IntervalStaffing>();
        foreach (var queue in scenario.Queues.Keys.Order(StringComparer.Ordinal))
        {
            for (var i = 0; i < grid.IntervalsPerWeek; i++)
            {
                var level = result[queue, i].ServiceLevel;
                if (Judged(result[queue, i]) && level < target.ServiceLevel) met = false;
                intervals.Add(new IntervalStaffing(queue, i, rates[queue][i], erlang[queue][i], (int)staffed.Queues[queue].Agents[i], level, Judged(result[queue, i])));
            }
        }
        return new StaffingAnswer(staffed, intervals, rounds, met);
    }

    /// <summary>Whether the queue's hours (if any) are open at the start of <paramref name="interval"/> in the first simulated week.</summary>
    private static bool IsOpen(Scenario scenario, Hours.BusinessHours hours, string queue, int interval)
    {
        if (scenario.Menu.Queues[queue].Hours is not { } rule) return true;
        var grid = scenario.Grid;
        var zone = scenario.Menu.TimeZone;
        var local = scenario.WeekOf.PlusDays((int)grid.DayOf(interval) - 1).AtMidnight().PlusMinutes(grid.StartMinuteOf(interval));
        return hours.IsOpenAt(rule.ScheduleId, zone.AtLeniently(local).ToInstant());
    }

    private static bool Judged(IntervalFigures figures) => figures.Answered + figures.Abandoned >= MinimumCallersToJudge;
}
