namespace IvrEngine.Tests.Simulation.Analytics;

/// <summary>
/// The test's own oracle for M/M/n+M: the birth–death chain of the number of callers in the
/// system (births λ; deaths min(k, n)·μ + max(k − n, 0)·θ), solved by its detailed balance
/// πₖ ∝ Πᵢ₌₁ᵏ λ / death(i), in logarithms, truncated once the terms fall for good below e^-80 of
/// the largest and of πₙ (so that P(wait) keeps its digits even when it is 1e-237). Time in average handle times (μ = 1). Shares nothing with the code under test.
/// </summary>
internal static class BirthDeathChain
{
    public static (double Waiting, double QueueLength) Solve(double erlangs, int agents, double abandonRate)
    {
        var logs = new List<double> { 0 };
        var log = 0.0;
        var largest = 0.0;
        for (var k = 1; ; k++)
        {
            var death = Math.Min(k, agents) + (Math.Max(k - agents, 0) * abandonRate);
            log += Math.Log(erlangs / death);
            logs.Add(log);
            largest = Math.Max(largest, log);
            if (k > agents && death > erlangs && log < Math.Min(largest, logs[agents]) - 80) break;
        }

        double total = 0, waiting = 0, queue = 0;
        for (var k = logs.Count - 1; k >= 0; k--)
        {
            var weight = Math.Exp(logs[k] - largest);
            total += weight;
            if (k >= agents) waiting += weight;
            if (k > agents) queue += (k - agents) * weight;
        }
        return (waiting / total, queue / total);
    }
}
