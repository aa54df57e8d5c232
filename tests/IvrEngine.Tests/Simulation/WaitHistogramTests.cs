using IvrEngine.Simulation;

namespace IvrEngine.Tests.Simulation;

/// <summary>
/// Wait percentiles from fixed buckets (1 s to 5 minutes, 5 s to 30 minutes, 30 s to 4 hours, then
/// one overflow bucket), interpolated within the bucket the rank falls in.
/// </summary>
public sealed class WaitHistogramTests
{
    [Test]
    public void AnEmptyHistogram_HasNoPercentile() => Assert.That(new WaitHistogram().Percentile(0.9), Is.Null);

    [Test]
    public void OneWaitPerSecondBucket_GivesExactPercentiles()
    {
        var histogram = new WaitHistogram();
        for (var second = 0; second < 100; second++) histogram.Add(second + 0.5);

        Assert.That(histogram.Count, Is.EqualTo(100));
        Assert.That(histogram.Percentile(0.9), Is.EqualTo(90));
        Assert.That(histogram.Percentile(0.5), Is.EqualTo(50));
        Assert.That(histogram.Percentile(0.01), Is.EqualTo(1));
        Assert.That(histogram.Percentile(1.0), Is.EqualTo(100));
    }

    [Test]
    public void WithinABucket_ThePercentileIsInterpolated()
    {
        var seconds = new WaitHistogram();
        for (var i = 0; i < 10; i++) seconds.Add(5.2);
        var fiveSeconds = new WaitHistogram();
        for (var i = 0; i < 10; i++) fiveSeconds.Add(301);
        var halfMinutes = new WaitHistogram();
        for (var i = 0; i < 4; i++) halfMinutes.Add(1805);

        Assert.That(seconds.Percentile(0.5), Is.EqualTo(5.5).Within(1e-9), "bucket 5-6 s, half way");
        Assert.That(fiveSeconds.Percentile(0.9), Is.EqualTo(304.5).Within(1e-9), "bucket 300-305 s, nine tenths of the way");
        Assert.That(halfMinutes.Percentile(0.25), Is.EqualTo(1807.5).Within(1e-9), "bucket 1800-1830 s, a quarter of the way");
    }

    [Test]
    public void ZeroWaits_AreCountedApart_SoMostlyInstantAnswersReport0()
    {
        var histogram = new WaitHistogram();
        for (var i = 0; i < 95; i++) histogram.Add(0);
        for (var i = 0; i < 5; i++) histogram.Add(40.5);
        histogram.Add(-1);

        Assert.That(histogram.Count, Is.EqualTo(101));
        Assert.That(histogram.Percentile(0.9), Is.Zero);
        Assert.That(histogram.Percentile(0.94), Is.Zero, "rank 94.94 of 101 is still among the 96 zeros");
        Assert.That(histogram.Percentile(0.99), Is.GreaterThan(40).And.LessThanOrEqualTo(41));
    }

    [Test]
    public void WaitsOverFourHours_ShareOneBucketUpToTheLongest()
    {
        var histogram = new WaitHistogram();
        histogram.Add(14_400);
        histogram.Add(20_000);

        Assert.That(histogram.Percentile(1.0), Is.EqualTo(20_000));
        Assert.That(histogram.Percentile(0.5), Is.EqualTo(14_400 + (0.5 * (20_000 - 14_400))).Within(1e-9));
    }

    [Test]
    public void Merging_IsTheSameAsAddingEveryWaitToOne()
    {
        var random = new Random(7);
        var waits = Enumerable.Range(0, 5_000).Select(i => i % 10 == 0 ? 0 : Math.Exp(random.NextDouble() * 10)).ToList();
        var all = new WaitHistogram();
        foreach (var wait in waits) all.Add(wait);
        var first = new WaitHistogram();
        var second = new WaitHistogram();
        foreach (var wait in waits.Take(1_234)) first.Add(wait);
        foreach (var wait in waits.Skip(1_234)) second.Add(wait);

        first.Merge(second);

        Assert.That(first.Count, Is.EqualTo(all.Count));
        foreach (var share in new[] { 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1.0 })
        {
            Assert.That(first.Percentile(share), Is.EqualTo(all.Percentile(share)), $"percentile {share}");
        }
    }

    [Test]
    public void ManyWaits_GiveAPercentileWithinItsBucketOfTheExactOne()
    {
        var random = new Random(3);
        var waits = Enumerable.Range(0, 20_000).Select(_ => -120 * Math.Log(1 - random.NextDouble())).Order().ToList();
        var histogram = new WaitHistogram();
        foreach (var wait in waits) histogram.Add(wait);

        var exact90 = waits[(int)(0.9 * waits.Count) - 1];

        Assert.That(histogram.Percentile(0.9), Is.EqualTo(exact90).Within(1.0), "the 90th percentile of exponential waits (mean 2 minutes) lies in the 1-second buckets");
    }
}
