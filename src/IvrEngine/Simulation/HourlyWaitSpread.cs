using NodaTime;

namespace IvrEngine.Simulation;

/// <summary>
/// How much each weekday hour's average wait varies from one simulated week to the next, so the
/// best-time map can say which differences are real and which are noise. Weeks are independent
/// replications (their own seeds, an empty line each Monday); callers within an hour are not (one
/// busy spell delays many), so the spread is measured over weeks: the ratio estimator Σ wait ÷
/// Σ callers with its delta-method variance, kept as running sums (fixed memory, however many weeks).
/// </summary>
public sealed class HourlyWaitSpread
{
    private readonly double[,] _wait = new double[7, 24];
    private readonly double[,] _callers = new double[7, 24];
    private readonly double[,] _waitSquared = new double[7, 24];
    private readonly double[,] _callersSquared = new double[7, 24];
    private readonly double[,] _cross = new double[7, 24];

    // One week's sums, reused for each week added (a long run adds hundreds).
    private readonly double[,] _weekWait = new double[7, 24];
    private readonly long[,] _weekCallers = new long[7, 24];

    /// <summary>Weeks added.</summary>
    public int Weeks { get; private set; }

    /// <summary>Adds one week's figures (only the hours its arrivals covered).</summary>
    public void Add(SimulationFigures week)
    {
        Array.Clear(_weekWait);
        Array.Clear(_weekCallers);
        BestTimeToCall.SumByHour(week, _weekWait, _weekCallers);
        var (wait, callers) = (_weekWait, _weekCallers);
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                double w = wait[d, h], c = callers[d, h];
                _wait[d, h] += w;
                _callers[d, h] += c;
                _waitSquared[d, h] += w * w;
                _callersSquared[d, h] += c * c;
                _cross[d, h] += w * c;
            }
        }
        Weeks++;
    }

    /// <summary>The 95 % interval of the hour's average wait in seconds; null with fewer than two weeks or no callers.</summary>
    public (double Low, double High)? Interval(IsoDayOfWeek day, int hour)
    {
        int d = (int)day - 1, n = Weeks;
        if (n < 2 || _callers[d, hour] == 0) return null;
        var mean = _wait[d, hour] / _callers[d, hour];
        // Σ (X_w − mean·Y_w)², expanded into the running sums.
        var residuals = _waitSquared[d, hour] - (2 * mean * _cross[d, hour]) + (mean * mean * _callersSquared[d, hour]);
        var meanCallers = _callers[d, hour] / n;
        // Student's t for up to 29 degrees of freedom, the normal's 1.96 from 30 weeks on.
        var half = (n > 30 ? 1.96 : StudentT.TwoSided95(n - 1)) * Math.Sqrt(Math.Max(0, residuals) / (n - 1) / n) / meanCallers;
        return (Math.Max(0, mean - half), mean + half);
    }
}
