namespace IvrEngine.Simulation;

/// <summary>
/// Running counts for one queue in one interval of the week, summed over every simulated week:
/// what the report's KPIs are computed from. Callers are counted in the interval they joined the
/// queue, as workforce tools count offered calls.
/// </summary>
public sealed class IntervalFigures
{
    private WaitHistogram? _waits;

    public long Offered { get; internal set; }

    public long Answered { get; internal set; }

    public long AnsweredInTime { get; internal set; }

    public long Abandoned { get; internal set; }

    /// <summary>Sent to the overflow after waiting (maximum wait, the last agent leaving).</summary>
    public long Overflowed { get; internal set; }

    /// <summary>Refused on arrival (queue full, nobody logged in).</summary>
    public long TurnedAway { get; internal set; }

    public long CallbacksOffered { get; internal set; }

    public long CallbacksAccepted { get; internal set; }

    /// <summary>Callbacks that reached an agent (counted when the callee was answered).</summary>
    public long CallbacksCompleted { get; internal set; }

    /// <summary>Seconds answered callers waited, summed (for the ASA).</summary>
    public double AnswerWaitSeconds { get; internal set; }

    /// <summary>Seconds every caller who left the queue waited (answered, abandoned, sent on, or called back), summed.</summary>
    public double WaitSeconds { get; internal set; }

    public long Waits { get; internal set; }

    /// <summary>Of <see cref="Waits"/>, the callers whose wait was not zero (an agent was not free the moment they joined).</summary>
    public long WaitedAtAll { get; internal set; }

    public double LongestWaitSeconds { get; internal set; }

    /// <summary>Talk plus wrap-up of calls answered in this interval, in seconds.</summary>
    public double HandledSeconds { get; internal set; }

    /// <summary>Agent-seconds logged in during this interval (agents × its length, each week).</summary>
    public double StaffedSeconds { get; internal set; }

    /// <summary>How many weeks this interval was simulated in.</summary>
    public int Weeks { get; internal set; }

    internal WaitHistogram WaitHistogram => _waits ??= new WaitHistogram();

    /// <summary>The wait 90% of callers who left the queue did not exceed; null when nobody did.</summary>
    public double? Wait90Seconds => _waits?.Percentile(0.9);

    internal void Waited(double seconds)
    {
        Waits++;
        if (seconds > 0) WaitedAtAll++;
        WaitSeconds += seconds;
        if (seconds > LongestWaitSeconds) LongestWaitSeconds = seconds;
        WaitHistogram.Add(seconds);
    }

    /// <summary>Every count back to zero and the histogram emptied (its room kept): as new, for figures reused for another week.</summary>
    internal void Clear()
    {
        Offered = Answered = AnsweredInTime = Abandoned = Overflowed = TurnedAway = 0;
        CallbacksOffered = CallbacksAccepted = CallbacksCompleted = 0;
        AnswerWaitSeconds = WaitSeconds = LongestWaitSeconds = HandledSeconds = StaffedSeconds = 0;
        Waits = WaitedAtAll = 0;
        Weeks = 0;
        _waits?.Clear();
    }

    public void Merge(IntervalFigures other)
    {
        Offered += other.Offered;
        Answered += other.Answered;
        AnsweredInTime += other.AnsweredInTime;
        Abandoned += other.Abandoned;
        Overflowed += other.Overflowed;
        TurnedAway += other.TurnedAway;
        CallbacksOffered += other.CallbacksOffered;
        CallbacksAccepted += other.CallbacksAccepted;
        CallbacksCompleted += other.CallbacksCompleted;
        AnswerWaitSeconds += other.AnswerWaitSeconds;
        WaitSeconds += other.WaitSeconds;
        Waits += other.Waits;
        WaitedAtAll += other.WaitedAtAll;
        LongestWaitSeconds = Math.Max(LongestWaitSeconds, other.LongestWaitSeconds);
        HandledSeconds += other.HandledSeconds;
        StaffedSeconds += other.StaffedSeconds;
        Weeks += other.Weeks;
        if (other._waits is { } waits) WaitHistogram.Merge(waits);
    }

    /// <summary>Answered within the threshold, of those answered or abandoned; null when neither happened.</summary>
    public double? ServiceLevel => Answered + Abandoned == 0 ? null : (double)AnsweredInTime / (Answered + Abandoned);

    /// <summary>P(wait): the share of callers who left the queue that waited at all — the figure Erlang C computes; null when nobody left it.</summary>
    public double? WaitProbability => Waits == 0 ? null : (double)WaitedAtAll / Waits;

    public double? AverageSpeedOfAnswerSeconds => Answered == 0 ? null : AnswerWaitSeconds / Answered;

    public double? AverageWaitSeconds => Waits == 0 ? null : WaitSeconds / Waits;

    public double? AbandonRate => Offered == 0 ? null : (double)Abandoned / Offered;

    public double? Occupancy => StaffedSeconds <= 0 ? null : Math.Min(1, HandledSeconds / StaffedSeconds);
}
