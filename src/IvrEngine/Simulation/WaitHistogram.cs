namespace IvrEngine.Simulation;

/// <summary>
/// Waits counted in fixed buckets — by the second up to 5 minutes, by 5 seconds up to 30, by 30
/// seconds up to 4 hours — so percentiles of millions of waits take a fixed ~8 KB. Waits of exactly
/// zero (answered at once) have their own count, so a mostly-instant queue reports 0, not half a second.
/// </summary>
public sealed class WaitHistogram
{
    private const int FineSeconds = 300;
    private const int MediumSeconds = 1800;
    private const int CoarseSeconds = 14_400;
    private const int FineBuckets = FineSeconds;
    private const int MediumBuckets = (MediumSeconds - FineSeconds) / 5;
    private const int CoarseBuckets = (CoarseSeconds - MediumSeconds) / 30;
    private const int Buckets = FineBuckets + MediumBuckets + CoarseBuckets + 1;

    private readonly long[] _counts = new long[Buckets];
    private long _zeros;
    private double _overflowMax;

    public long Count { get; private set; }

    public void Add(double seconds)
    {
        Count++;
        if (seconds <= 0)
        {
            _zeros++;
            return;
        }
        var bucket = BucketOf(seconds);
        _counts[bucket]++;
        if (bucket == Buckets - 1) _overflowMax = Math.Max(_overflowMax, seconds);
    }

    public void Merge(WaitHistogram other)
    {
        Count += other.Count;
        _zeros += other._zeros;
        _overflowMax = Math.Max(_overflowMax, other._overflowMax);
        for (var i = 0; i < Buckets; i++) _counts[i] += other._counts[i];
    }

    /// <summary>The wait <paramref name="share"/> of callers did not exceed (0.9 → the 90th percentile), interpolated within its bucket; null when empty.</summary>
    public double? Percentile(double share)
    {
        if (Count == 0) return null;
        var rank = share * Count;
        if (rank <= _zeros) return 0;
        double seen = _zeros;
        for (var i = 0; i < Buckets; i++)
        {
            if (_counts[i] == 0) continue;
            if (seen + _counts[i] >= rank)
            {
                var (low, high) = Edges(i);
                return low + ((high - low) * (rank - seen) / _counts[i]);
            }
            seen += _counts[i];
        }
        return Edges(Buckets - 1).High;
    }

    private static int BucketOf(double seconds) => seconds switch
    {
        < FineSeconds => (int)seconds,
        < MediumSeconds => FineBuckets + (int)((seconds - FineSeconds) / 5),
        < CoarseSeconds => FineBuckets + MediumBuckets + (int)((seconds - MediumSeconds) / 30),
        _ => Buckets - 1,
    };

    private (double Low, double High) Edges(int bucket)
    {
        if (bucket < FineBuckets) return (bucket, bucket + 1);
        if (bucket < FineBuckets + MediumBuckets) return (FineSeconds + ((bucket - FineBuckets) * 5.0), FineSeconds + ((bucket - FineBuckets + 1) * 5.0));
        if (bucket < Buckets - 1) return (MediumSeconds + ((bucket - FineBuckets - MediumBuckets) * 30.0), MediumSeconds + ((bucket - FineBuckets - MediumBuckets + 1) * 30.0));
        return (CoarseSeconds, Math.Max(CoarseSeconds, _overflowMax));
    }
}
