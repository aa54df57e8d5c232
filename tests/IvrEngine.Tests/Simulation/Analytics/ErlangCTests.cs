using IvrEngine.Simulation.Analytics;
using NodaTime;

namespace IvrEngine.Tests.Simulation.Analytics;

/// <summary>
/// Erlang C against figures computed outside this code: the closed formula
/// C(n, A) = (Aⁿ/n!·n/(n − A)) / (Σₖ₌₀ⁿ⁻¹ Aᵏ/k! + Aⁿ/n!·n/(n − A)) in exact rational arithmetic
/// (factorials and all, see erlang_reference.py beside this file), ASA = C·AHT/(n − A) and
/// SL(t) = 1 − C·e^(−(n − A)·t/AHT), evaluated at 50 digits.
/// </summary>
public sealed class ErlangCTests
{
    private static readonly TrafficLoad TextbookLoad =
        TrafficLoad.PerInterval(360, Duration.FromMinutes(30), Duration.FromMinutes(4));

    private static readonly TrafficLoad HundredCallsAHalfHour =
        TrafficLoad.PerInterval(100, Duration.FromMinutes(30), Duration.FromSeconds(180));

    [Test]
    public void TheTextbookExample_360CallsAHalfHour_FourMinuteCalls_55Agents()
    {
        // The worked example of Mitan's "The Erlang-C formula" page (360 calls a half hour, 4-minute
        // calls, 55 agents, 15-second target); exact values from erlang_reference.py.
        var result = ErlangC.Evaluate(TextbookLoad, 55);

        Assert.That(result.TrafficIntensity, Is.EqualTo(48).Within(1e-12), "A = 0.2 calls/s × 240 s");
        Assert.That(result.Occupancy, Is.EqualTo(48.0 / 55).Within(1e-15));
        Assert.That(result.IsStable, Is.True);
        Assert.That(result.ProbabilityOfWaiting, Is.EqualTo(0.23870093637800922).Within(1e-13));
        Assert.That(result.AverageSpeedOfAnswerSeconds, Is.EqualTo(8.1840321043888875).Within(1e-11));
        Assert.That(result.AverageSpeedOfAnswer!.Value.TotalSeconds, Is.EqualTo(8.1840321043888875).Within(1e-9), "a Duration keeps nanoseconds");
        Assert.That(result.AverageQueueLength, Is.EqualTo(0.2 * 8.1840321043888875).Within(1e-12), "Lq = λ·ASA");
        Assert.That(result.ServiceLevel(Duration.FromSeconds(15)), Is.EqualTo(0.84588309217058034).Within(1e-13));
        Assert.That(result.ServiceLevel(Duration.FromSeconds(20)), Is.EqualTo(0.86679648817285089).Within(1e-13));
        Assert.That(result.ProbabilityOfWaitingLongerThan(Duration.FromSeconds(20)), Is.EqualTo(1 - 0.86679648817285089).Within(1e-13));
    }

    [Test]
    public void TheTextbookExample_Needs54AgentsFor80PercentIn20Seconds_And55For80In15()
    {
        var needed = ErlangC.MinimumAgents(TextbookLoad, 0.8, Duration.FromSeconds(20));

        Assert.That(needed, Is.EqualTo(54));
        Assert.That(ErlangC.Evaluate(TextbookLoad, 54).ServiceLevel(Duration.FromSeconds(20)), Is.EqualTo(0.81724752101468358).Within(1e-13));
        Assert.That(ErlangC.Evaluate(TextbookLoad, 53).ServiceLevel(Duration.FromSeconds(20)), Is.LessThan(0.8), "one fewer misses the target");
        Assert.That(ErlangC.MinimumAgents(TextbookLoad, 0.8, Duration.FromSeconds(15)), Is.EqualTo(55));
    }

    [Test]
    public void APublishedExample_100CallsAHalfHour_ThreeMinuteCalls()
    {
        // As published with the R package ErlangC (rdocumentation.org/packages/ErlangC): 14 agents give
        // P(wait) 0.1741319, SL 0.88835 in 20 s, ASA 7.83593701177724 s, occupancy 0.7142857; 11 agents
        // give P(wait) 0.6821182. The exact values agree (erlang_reference.py).
        var fourteen = ErlangC.Evaluate(HundredCallsAHalfHour, 14);

        Assert.That(fourteen.TrafficIntensity, Is.EqualTo(10).Within(1e-12));
        Assert.That(fourteen.ProbabilityOfWaiting, Is.EqualTo(0.1741319).Within(5e-8));
        Assert.That(fourteen.ServiceLevel(Duration.FromSeconds(20)), Is.EqualTo(0.88835).Within(5e-6));
        Assert.That(fourteen.AverageSpeedOfAnswerSeconds, Is.EqualTo(7.83593701177724).Within(1e-11));
        Assert.That(fourteen.Occupancy, Is.EqualTo(0.7142857).Within(5e-8));
        Assert.That(ErlangC.Evaluate(HundredCallsAHalfHour, 11).ProbabilityOfWaiting, Is.EqualTo(0.6821182).Within(5e-8));
        Assert.That(ErlangC.Evaluate(HundredCallsAHalfHour, 11).ServiceLevel(Duration.FromSeconds(20)), Is.EqualTo(0.38961381172915338).Within(1e-13));
        Assert.That(ErlangC.MinimumAgents(HundredCallsAHalfHour, 0.8, Duration.FromSeconds(20)), Is.EqualTo(14));
    }

    [Test]
    public void MinimumAgents_AlsoHonoursAnOccupancyCap_AndAnAsaCap()
    {
        var twenty = Duration.FromSeconds(20);

        Assert.That(ErlangC.MinimumAgents(TextbookLoad, 0.8, twenty, maximumOccupancy: 0.85), Is.EqualTo(57), "48/57 = 0.842; 48/56 = 0.857");
        Assert.That(ErlangC.MinimumAgents(TextbookLoad, 0.8, twenty, maximumOccupancy: 0.75), Is.EqualTo(64), "48/64 is exactly 0.75");
        Assert.That(ErlangC.MinimumAgents(TextbookLoad, 0.8, twenty, maximumAverageSpeedOfAnswer: Duration.FromSeconds(10)), Is.EqualTo(55), "ASA 12.05 s at 54, 8.18 s at 55");
        Assert.That(ErlangC.MinimumAgents(TextbookLoad, 0, Duration.Zero), Is.EqualTo(49), "the first stable count");
    }

    [Test]
    public void OneAgent_IsTheMM1Queue()
    {
        // 12 calls an hour, 3-minute calls: λ = 12/h, μ = 20/h, ρ = 0.6. M/M/1: P(wait) = ρ,
        // Wq = ρ/(μ − λ) = 0.6/8 h = 270 s, Lq = ρ²/(1 − ρ) = 0.9, P(W > t) = ρ·e^(−(μ − λ)t).
        var result = ErlangC.Evaluate(new TrafficLoad(12, Duration.FromMinutes(3)), 1);

        Assert.That(result.ProbabilityOfWaiting, Is.EqualTo(0.6).Within(1e-15));
        Assert.That(result.AverageSpeedOfAnswerSeconds, Is.EqualTo(270).Within(1e-12));
        Assert.That(result.AverageQueueLength, Is.EqualTo(0.9).Within(1e-14));
        Assert.That(result.ServiceLevel(Duration.FromMinutes(1)), Is.EqualTo(1 - (0.6 * Math.Exp(-8.0 / 60))).Within(1e-15));
        Assert.That(result.Occupancy, Is.EqualTo(0.6).Within(1e-15));
    }

    [Test]
    public void NoCalls_NoWait()
    {
        var none = new TrafficLoad(0, Duration.FromMinutes(4));

        foreach (var agents in new[] { 0, 1, 10 })
        {
            var result = ErlangC.Evaluate(none, agents);
            Assert.That(result.IsStable, Is.True);
            Assert.That(result.ProbabilityOfWaiting, Is.Zero);
            Assert.That(result.AverageSpeedOfAnswer, Is.EqualTo(Duration.Zero));
            Assert.That(result.AverageQueueLength, Is.Zero);
            Assert.That(result.ServiceLevel(Duration.Zero), Is.EqualTo(1));
            Assert.That(result.Occupancy, Is.Zero);
        }
        Assert.That(ErlangC.MinimumAgents(none, 0.8, Duration.FromSeconds(20)), Is.Zero);
    }

    [TestCase(48, 48)]
    [TestCase(48, 40)]
    [TestCase(0.5, 0)]
    public void AsManyErlangsAsAgents_OrMore_IsUnstable_WithoutNaN(double erlangs, int agents)
    {
        var result = ErlangC.Evaluate(new TrafficLoad(erlangs * 15, Duration.FromMinutes(4)), agents);

        Assert.That(result.TrafficIntensity, Is.EqualTo(erlangs).Within(1e-12));
        Assert.That(result.IsStable, Is.False);
        Assert.That(result.ProbabilityOfWaiting, Is.EqualTo(1));
        Assert.That(result.AverageSpeedOfAnswerSeconds, Is.EqualTo(double.PositiveInfinity));
        Assert.That(result.AverageSpeedOfAnswer, Is.Null);
        Assert.That(result.AverageQueueLength, Is.EqualTo(double.PositiveInfinity));
        Assert.That(result.ServiceLevel(Duration.FromHours(1)), Is.Zero);
        Assert.That(result.Occupancy, Is.EqualTo(1));
    }

    [TestCase(950, 1000, 0.068253415377141424)]
    [TestCase(9500, 9600, 0.21467366432380302)]
    public void ThousandsOfAgents_StayExact(double erlangs, int agents, double expected)
    {
        // Expected: exact rationals for n = 1000, the recursion at 50 digits for n = 9600 (erlang_reference.py).
        var result = ErlangC.Evaluate(new TrafficLoad(erlangs * 15, Duration.FromMinutes(4)), agents);

        Assert.That(result.ProbabilityOfWaiting, Is.EqualTo(expected).Within(1e-14 * expected));
        // The sum itself is the weaker of the two here: ln 9600! ≈ 78 000, summed in doubles, carries ~1e-11.
        Assert.That(result.ProbabilityOfWaiting, Is.EqualTo(DirectSum(erlangs, agents)).Within(1e-9 * expected), "the textbook sum in logarithms");
    }

    [Test]
    public void FarMoreAgentsThanCalls_NoneWait_AndNothingOverflows()
    {
        var result = ErlangC.Evaluate(new TrafficLoad(15, Duration.FromMinutes(4)), 5000);

        Assert.That(result.ProbabilityOfWaiting, Is.Zero, "below the smallest double: A⁵⁰⁰⁰/5000! with A = 1");
        Assert.That(result.ServiceLevel(Duration.Zero), Is.EqualTo(1));
        Assert.That(result.AverageSpeedOfAnswerSeconds, Is.Zero);
    }

    [Test]
    public void MoreAgents_AlwaysAnswerFaster()
    {
        var previous = ErlangC.Evaluate(TextbookLoad, 49);
        for (var agents = 50; agents <= 90; agents++)
        {
            var next = ErlangC.Evaluate(TextbookLoad, agents);
            Assert.That(next.ProbabilityOfWaiting, Is.LessThan(previous.ProbabilityOfWaiting), $"{agents} agents");
            Assert.That(next.AverageSpeedOfAnswerSeconds, Is.LessThan(previous.AverageSpeedOfAnswerSeconds), $"{agents} agents");
            Assert.That(next.ServiceLevel(Duration.FromSeconds(20)), Is.GreaterThan(previous.ServiceLevel(Duration.FromSeconds(20))).Or.EqualTo(1), $"{agents} agents");
            previous = next;
        }
    }

    [Test]
    public void ALoadPerInterval_IsTheSameLoadPerHour()
    {
        Assert.That(TextbookLoad.CallsPerHour, Is.EqualTo(720));
        Assert.That(TextbookLoad, Is.EqualTo(new TrafficLoad(720, Duration.FromSeconds(240))));
    }

    [Test]
    public void NonsenseInputs_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TrafficLoad(-1, Duration.FromMinutes(4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TrafficLoad(double.NaN, Duration.FromMinutes(4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TrafficLoad(10, Duration.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(TextbookLoad, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(TextbookLoad, 55).ServiceLevel(Duration.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.MinimumAgents(TextbookLoad, 1, Duration.FromSeconds(20)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.MinimumAgents(TextbookLoad, 0.8, Duration.FromSeconds(20), maximumOccupancy: 0));
    }

    [Test]
    public void ErlangB_MatchesPublishedTableValues()
    {
        // Erlang B tables: 2 E on 5 lines 3.67 %, 10 E on 14 lines 5.68 %, 1 E on 1 line 50 %.
        Assert.That(ErlangB.BlockingProbability(2, 5), Is.EqualTo(0.0367).Within(5e-5));
        Assert.That(ErlangB.BlockingProbability(10, 14), Is.EqualTo(0.0568).Within(5e-5));
        Assert.That(ErlangB.BlockingProbability(1, 1), Is.EqualTo(0.5).Within(1e-15));
        Assert.That(ErlangB.BlockingProbability(4, 0), Is.EqualTo(1));
        Assert.That(ErlangB.BlockingProbability(0, 3), Is.Zero);
    }

    /// <summary>C(n, A) from the textbook sum, each term Aᵏ/k! as a logarithm (ln k! summed), scaled by the largest.</summary>
    private static double DirectSum(double erlangs, int agents)
    {
        var logTerms = new double[agents + 1];
        var logFactorial = 0.0;
        for (var k = 0; k <= agents; k++)
        {
            if (k > 0) logFactorial += Math.Log(k);
            logTerms[k] = (k * Math.Log(erlangs)) - logFactorial;
        }
        logTerms[agents] += Math.Log(agents / (agents - erlangs));
        var largest = logTerms.Max();
        var sum = logTerms.Sum(t => Math.Exp(t - largest));
        return Math.Exp(logTerms[agents] - largest) / sum;
    }
}
