using NodaTime;

namespace IvrEngine.Simulation;

/// <summary>
/// Poisson arrivals whose rate changes at each interval boundary of the week: exponential gaps at
/// the current interval's rate, restarted at the boundary when a gap would cross it (which the
/// exponential's lack of memory makes exact). Draws from its own random source, so how many calls
/// a week has does not depend on what the callers then do.
/// </summary>
public sealed class ArrivalProcess
{
    private readonly Scenario _scenario;
    private readonly Random _random;
    private readonly Instant _stopAt;
    private Instant _now;
    private Instant _intervalEnd;
    private double _perSecond;

    /// <param name="start">When arrivals start (a Monday 00:00 of the line's zone).</param>
    /// <param name="stopAt">No arrival at or after this.</param>
    public ArrivalProcess(Scenario scenario, Instant start, Instant stopAt, int seed)
    {
        _scenario = scenario;
        _random = new Random(seed);
        _stopAt = stopAt;
        _now = start;
        EnterIntervalAt(start);
    }

    /// <summary>The next arrival, or null when there are no more before the stop.</summary>
    public Instant? Next()
    {
        while (_now < _stopAt)
        {
            if (_perSecond > 0)
            {
                var gap = -Math.Log(1 - _random.NextDouble()) / _perSecond;
                var at = _now + Duration.FromSeconds(gap);
                if (at < _intervalEnd)
                {
                    _now = at;
                    return at < _stopAt ? at : null;
                }
            }
            _now = _intervalEnd;
            EnterIntervalAt(_now);
        }
        return null;
    }

    /// <summary>How many arrivals there are before the stop (draws them all).</summary>
    public long CountAll()
    {
        long count = 0;
        while (Next() is not null) count++;
        return count;
    }

    private void EnterIntervalAt(Instant at)
    {
        var (interval, end) = _scenario.Grid.NextBoundary(at, _scenario.Menu.TimeZone);
        _intervalEnd = end;
        _perSecond = _scenario.CallsPerHour[interval] / 3600.0;
    }
}
