using IvrEngine.Simulation;

namespace IvrEngine.Tests.Simulation;

/// <summary>Weighted choices: shares are the weights scaled to 1, and a uniform number picks by share.</summary>
public sealed class ChoiceTableTests
{
    [Test]
    public void Weights_AreScaledToShares_AndZeroWeightsLeftOut()
    {
        var table = new ChoiceTable([("1", 6), ("2", 3), ("hangup", 1), ("3", 0)]);

        Assert.That(table.Shares, Is.EqualTo(new[] { ("1", 0.6), ("2", 0.3), ("hangup", 0.1) }).Using<(string, double)>((a, b) => a.Item1 == b.Item1 && Math.Abs(a.Item2 - b.Item2) < 1e-12));
    }

    [TestCase(0.0, "1")]
    [TestCase(0.5999, "1")]
    [TestCase(0.6, "2")]
    [TestCase(0.8999, "2")]
    [TestCase(0.9, "hangup")]
    [TestCase(0.999999, "hangup")]
    public void AUniformNumber_PicksTheActionWhoseShareItFallsIn(double uniform, string expected)
    {
        var table = new ChoiceTable([("1", 6), ("2", 3), ("hangup", 1)]);

        Assert.That(table.Pick(uniform), Is.EqualTo(expected));
    }

    [Test]
    public void ManyPicks_FollowTheShares()
    {
        var table = new ChoiceTable([("1", 22), ("2", 18), ("silence", 5), ("hangup", 55)]);
        var random = new Random(12345);
        const int Draws = 100_000;

        var counts = Enumerable.Range(0, Draws).Select(_ => table.Pick(random.NextDouble())).CountBy(a => a).ToDictionary();

        foreach (var (action, share) in table.Shares)
        {
            // Binomial: within 5 standard deviations of the expected count.
            var expected = Draws * share;
            var tolerance = 5 * Math.Sqrt(Draws * share * (1 - share));
            Assert.That(counts[action], Is.EqualTo(expected).Within(tolerance), action);
        }
    }

    [Test]
    public void ATableWithNoWeightAbove0_IsRefused()
    {
        Assert.That(() => new ChoiceTable([("1", 0), ("2", 0)]), Throws.ArgumentException);
        Assert.That(() => new ChoiceTable([]), Throws.ArgumentException);
    }
}
