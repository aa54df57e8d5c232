using NodaTime;

namespace IvrEngine.Hours;

/// <summary>A stretch of time a schedule is open, with the rule that opened it.</summary>
public sealed record OpenSpan(Interval Interval, string Rule)
{
    public Instant Start => Interval.Start;

    public Instant End => Interval.End;
}
