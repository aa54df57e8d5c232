using NodaTime;

namespace IvrEngine.Queues;

/// <summary>
/// A queue's figures under the names call centres compare. Service level has three common
/// definitions, all given (null while their denominator is zero):
/// <list type="bullet">
/// <item><see cref="ServiceLevelOfAnswered"/>: answered within X ÷ answered.</item>
/// <item><see cref="ServiceLevelOfAnsweredAndAbandoned"/>: (answered + abandoned within X) ÷ (answered + abandoned).</item>
/// <item><see cref="ServiceLevelOfRemoved"/>: callers leaving the queue for any reason (answered, abandoned, overflowed after waiting, or with a callback) within X ÷ all who left.</item>
/// </list>
/// Short abandons (within 5 s: misdials, callers who hang up on hearing the queue) are counted in
/// <see cref="Abandoned"/> and <see cref="AbandonedWithin5Seconds"/> but left out of all three,
/// as is usual.
/// </summary>
/// <param name="Offered">Callers who tried to join (including those turned away full or empty).</param>
/// <param name="Overflowed">Callers who left for the overflow: full, empty, or past the maximum wait.</param>
/// <param name="AverageSpeedOfAnswer">ASA: mean wait of answered callers.</param>
/// <param name="AverageHandleTime">AHT: mean talk plus wrap-up of finished calls.</param>
/// <param name="LongestWait">The longest wait of any caller who has left the queue.</param>
/// <param name="Occupancy">Share of the member agents' logged-in time spent on calls and wrap-up.</param>
public sealed record QueueStatistics(
    string Queue,
    Duration ServiceLevelThreshold,
    int Offered,
    int Answered,
    int Abandoned,
    int AbandonedWithin5Seconds,
    int Overflowed,
    int TransferredOut,
    double? ServiceLevelOfAnswered,
    double? ServiceLevelOfAnsweredAndAbandoned,
    double? ServiceLevelOfRemoved,
    Duration? AverageSpeedOfAnswer,
    Duration? AverageHandleTime,
    Duration LongestWait,
    double? Occupancy)
{
    /// <summary>Callers offered a callback (virtual hold), counted once each.</summary>
    public int CallbacksOffered { get; init; }

    /// <summary>Callers who took the callback and hung up, keeping their place.</summary>
    public int CallbacksAccepted { get; init; }
}
