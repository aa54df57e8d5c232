namespace IvrEngine.Simulation;

/// <summary>
/// Waits counted in fixed buckets — by the second up to 5 minutes, by 5 seconds up to 30, by 30
/// seconds up to 4 hours — so percentiles of millions of waits take a fixed size. The buckets are kept
/// in blocks of 64, each made when a wait first falls in it: a run keeps one histogram per queue and
/// interval (thousands), and most see waits in one or two blocks, about 1 KB instead of all 8 KB.
/// Waits of exactly zero (answered at once) have their own count, so a mostly-instant queue reports 0,
/// not half a second.
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

    private const int BlockSize = 64;

    private readonly long[]?[] _blocks = new long[]?[(Buckets + BlockSize - 1) / BlockSize];
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
        (_blocks[bucket / BlockSize] ??= new long[BlockSize])[bucket % BlockSize]++;
        if (bucket == Buckets - 1) _overflowMax = Math.Max(_overflowMax, seconds);
    }

    /// <summary>Empties it, keeping the blocks made (all zero: a percentile reads them as absent).</summary>
    public void Clear()
    {
        Count = 0;
        _zeros = 0;
        _overflowMax = 0;
        foreach (var block in _blocks)
        {
            if (block is not null) Array.Clear(block);
        }
    }

    public void Merge(WaitHistogram other)
    {
        Count += other.Count;
        _zeros += other._zeros;
        _overflowMax = Math.Max(_overflowMax, other._overflowMax);
        for (var b = 0; b < _blocks.Length; b++)
        {
            if (other._blocks[b] is not { } theirs) continue;
            var ours = _blocks[b] ??= new long[BlockSize];
            for (var i = 0; i < BlockSize; i++) ours[i] += theirs[i];
        }
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
            if (_blocks[i / BlockSize] is not { } block)
            {
                i += BlockSize - 1;
                continue;
            }
            var count = block[i % BlockSize];
            if (count == 0) continue;
            if (seen + count >= rank)
            {
                var (low, high) = Edges(i);
                return low + ((high - low) * (rank - seen) / count);
            }
            seen += count;
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
