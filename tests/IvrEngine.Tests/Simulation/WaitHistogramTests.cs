using IvrEngine.Simulation;

namespace IvrEngine.Tests.Simulation;

[TestFixture]
public sealed class WaitHistogramTests
{
    [Test]
    public void Percentiles_AreFoundAcrossBucketBlocksNeverWrittenAndWritten()
    {
        var histogram = new WaitHistogram();
        for (var i = 0; i < 5; i++) histogram.Add(0);
        histogram.Add(10.5);
        histogram.Add(400);      // 5-second buckets: 400–405
        histogram.Add(2000);     // 30-second buckets: 1980–2010
        histogram.Add(20_000);   // above 4 hours: up to the longest

        Assert.Multiple(() =>
        {
            Assert.That(histogram.Percentile(0.5), Is.EqualTo(0), "5 of 9 waited nothing");
            Assert.That(histogram.Percentile(6 / 9.0), Is.EqualTo(11).Within(1e-9), "the top of the 10–11 s bucket");
            Assert.That(histogram.Percentile(7 / 9.0), Is.EqualTo(405).Within(1e-9));
            Assert.That(histogram.Percentile(8 / 9.0), Is.EqualTo(2010).Within(1e-9));
            Assert.That(histogram.Percentile(1), Is.EqualTo(20_000).Within(1e-9));
        });
    }

    [Test]
    public void Merging_AddsTheOtherHistogramsBuckets_IncludingBlocksThisOneNeverHad()
    {
        var first = new WaitHistogram();
        first.Add(3.2);
        var second = new WaitHistogram();
        second.Add(3.7);
        second.Add(1000);

        first.Merge(second);

        Assert.Multiple(() =>
        {
            Assert.That(first.Count, Is.EqualTo(3));
            Assert.That(first.Percentile(2 / 3.0), Is.EqualTo(4).Within(1e-9), "both 3 s waits in one bucket");
            Assert.That(first.Percentile(1), Is.EqualTo(1005).Within(1e-9), "the top of the 1000–1005 s bucket");
        });
    }
}
