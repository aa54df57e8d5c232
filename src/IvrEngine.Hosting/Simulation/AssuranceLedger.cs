namespace IvrEngine.Hosting.Simulation;

/// <summary>
/// What the assurance rounds of <see cref="StaffingPlanner"/> have measured — every interval's latest
/// service level at each count it has been planned at — and the assured level that gives an interval
/// at a count. The spread is pooled over every measurement of the queue, from any round, whose mean
/// rounds to the same percent: the same point on the staffing curve, so intervals raised a round
/// apart still pool together, and no decision rests on a handful of intervals' weeks (<see cref="AssuranceSpread"/>).
/// </summary>
/// <param name="modelLevel">The model's service level for (queue, interval, agents): the mean.</param>
/// <param name="callersPerWeek">The callers a week the scenario expects in (queue, interval), given the interval's measurement.</param>
internal sealed class AssuranceLedger(StaffingAssurance assurance, Func<string, int, int, double> modelLevel, Func<string, int, ServiceLevelEstimate, double> callersPerWeek)
{
    private readonly Dictionary<(string Queue, int Interval, int Count), ServiceLevelEstimate> _measured = [];
    private readonly Dictionary<(string Queue, int Interval, int Count), double> _model = [];
    private Dictionary<(string Queue, double Percent), AssuranceSpread>? _pools;

    /// <summary>The interval's service level over a round's weeks at <paramref name="count"/> agents; replaces an earlier one at that count.</summary>
    public void Record(string queue, int interval, int count, ServiceLevelEstimate estimate)
    {
        _measured[(queue, interval, count)] = estimate;
        _pools = null;
    }

    /// <summary>The assured level at a count the interval was measured at; null at a count it never was.</summary>
    public double? AssuredLevel(string queue, int interval, int count)
    {
        if (!_measured.TryGetValue((queue, interval, count), out var estimate)) return null;
        var model = Model((queue, interval, count));
        var mean = StaffingAssurance.MeanOf(model, estimate);
        _pools ??= _measured.GroupBy(m => (m.Key.Queue, Percent(m)))
            .ToDictionary(g => g.Key, g => AssuranceSpread.Pool([.. g.Select(m => (m.Value, MeanOf(m), callersPerWeek(m.Key.Queue, m.Key.Interval, m.Value)))]));
        return assurance.AssuredLevel(model, estimate, _pools[(queue, Math.Round(mean * 100))], callersPerWeek(queue, interval, estimate));
    }

    private double Model((string Queue, int Interval, int Count) key)
    {
        if (!_model.TryGetValue(key, out var level)) _model[key] = level = modelLevel(key.Queue, key.Interval, key.Count);
        return level;
    }

    private double MeanOf(KeyValuePair<(string Queue, int Interval, int Count), ServiceLevelEstimate> measured) => StaffingAssurance.MeanOf(Model(measured.Key), measured.Value);

    private double Percent(KeyValuePair<(string Queue, int Interval, int Count), ServiceLevelEstimate> measured) => Math.Round(MeanOf(measured) * 100);
}
