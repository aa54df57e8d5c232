using IvrEngine.Simulation;

namespace IvrEngine.Tests.Simulation;

public sealed class CallerRandomTests
{
    [Test]
    public void TheSameSeed_GivesTheSameStream()
    {
        var first = new CallerRandom(42);
        var second = new CallerRandom(42);

        Assert.That(Enumerable.Range(0, 100).Select(_ => first.NextDouble()), Is.EqualTo(Enumerable.Range(0, 100).Select(_ => second.NextDouble())));
    }

    [Test]
    public void NeighbouringSeeds_GiveUnrelatedStreams()
    {
        var first = new CallerRandom(1);
        var second = new CallerRandom(2);

        var pairs = Enumerable.Range(0, 1000).Select(_ => (first.NextDouble(), second.NextDouble())).ToList();

        Assert.That(pairs.Count(p => p.Item1 == p.Item2), Is.Zero);
        Assert.That(Correlation(pairs), Is.InRange(-0.1, 0.1));
    }

    [Test]
    public void Doubles_AreUniformInZeroToOne()
    {
        var random = new CallerRandom(7);
        var draws = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble()).ToList();

        Assert.That(draws, Has.All.InRange(0.0, 0.999999999999));
        Assert.That(draws.Average(), Is.EqualTo(0.5).Within(0.005));
        // Each tenth of [0, 1) gets its share (10,000 expected; a few hundred either way is chance).
        var tenths = draws.GroupBy(d => (int)(d * 10)).Select(g => g.Count()).ToList();
        Assert.That(tenths, Has.Count.EqualTo(10).And.All.InRange(9_500, 10_500));
    }

    [Test]
    public void Integers_CoverTheirRangeEvenly_AndNothingElse()
    {
        var random = new CallerRandom(3);
        var draws = Enumerable.Range(0, 60_000).Select(_ => random.Next(6)).ToList();

        Assert.That(draws.Distinct().Order(), Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(draws.GroupBy(d => d).Select(g => g.Count()), Has.All.InRange(9_500, 10_500));
        Assert.That(Enumerable.Range(0, 100).Select(_ => random.Next(1)), Has.All.Zero);
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void AnEmptyRange_IsRefused(int maxExclusive)
    {
        Assert.That(() => new CallerRandom(1).Next(maxExclusive), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    private static double Correlation(List<(double X, double Y)> pairs)
    {
        var meanX = pairs.Average(p => p.X);
        var meanY = pairs.Average(p => p.Y);
        var covariance = pairs.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var varianceX = pairs.Sum(p => (p.X - meanX) * (p.X - meanX));
        var varianceY = pairs.Sum(p => (p.Y - meanY) * (p.Y - meanY));
        return covariance / Math.Sqrt(varianceX * varianceY);
    }
}
