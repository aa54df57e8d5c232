using NodaTime;
using NodaTime.Extensions;

namespace IvrEngine.Queues;

/// <summary>
/// Running totals of one queue, turned into <see cref="QueueStatistics"/> on demand; each outcome
/// also goes to the centre's <see cref="IQueueObserver"/>, if it has one.
/// </summary>
internal sealed class QueueMetrics(Duration serviceLevelThreshold, string queue, IQueueObserver? observer, TimeProvider time)
{
    private static readonly Duration ShortAbandon = Duration.FromSeconds(5);

    private int _offered;
    private int _answered;
    private int _answeredInTime;
    private int _abandoned;
    private int _shortAbandons;
    private int _abandonedInTime;
    private int _overflowed;
    private int _overflowedInTime;
    private int _transferredOut;
    private Duration _answerWaits;
    private Duration _handleTimes;
    private int _handled;
    private Duration _longestWait;
    private int _callbacksOffered;
    private int _callbacksAccepted;
    private int _callbacksInTime;
    private int _turnedAway;

    public void CallbackOffered(Duration waited)
    {
        _callbacksOffered++;
        observer?.CallbackOffered(queue, Now, waited);
    }

    public void CallbackAccepted(Duration wait)
    {
        _callbacksAccepted++;
        observer?.CallbackAccepted(queue, Now, wait);
        if (wait <= serviceLevelThreshold) _callbacksInTime++;
        Waited(wait);
    }

    /// <param name="joinedAt">When the caller joined, if not now: a callback leg is counted as offered only once it is clear it will not be put through.</param>
    public void Offered(Instant? joinedAt = null)
    {
        _offered++;
        observer?.Offered(queue, joinedAt ?? Now);
    }

    public void Answered(Duration wait, bool callbackLeg)
    {
        _answered++;
        observer?.Answered(queue, Now, wait, callbackLeg);
        if (wait <= serviceLevelThreshold) _answeredInTime++;
        _answerWaits += wait;
        Waited(wait);
    }

    public void Abandoned(Duration wait)
    {
        _abandoned++;
        observer?.Abandoned(queue, Now, wait);
        if (wait < ShortAbandon) _shortAbandons++;
        else if (wait <= serviceLevelThreshold) _abandonedInTime++;
        Waited(wait);
    }

    /// <param name="turnedAway">Refused on arrival (full, no agents): counted, but never "in queue", so left out of the service levels.</param>
    public void Overflowed(Duration wait, bool turnedAway = false)
    {
        _overflowed++;
        observer?.Overflowed(queue, Now, wait, turnedAway);
        if (turnedAway)
        {
            _turnedAway++;
            return;
        }
        if (wait <= serviceLevelThreshold) _overflowedInTime++;
        Waited(wait);
    }

    public void Handled(Duration talkAndWrapUp, bool transferredOut, Instant answeredAt)
    {
        _handled++;
        observer?.Handled(queue, answeredAt, talkAndWrapUp);
        _handleTimes += talkAndWrapUp;
        if (transferredOut) _transferredOut++;
    }

    public QueueStatistics Snapshot(string queue, double? occupancy)
    {
        var countedAbandons = _abandoned - _shortAbandons;
        // Callers who left with a callback left the queue too (the "removed" definition counts them).
        var removed = _answered + countedAbandons + (_overflowed - _turnedAway) + _callbacksAccepted;
        return new QueueStatistics(
            queue,
            serviceLevelThreshold,
            _offered,
            _answered,
            _abandoned,
            _shortAbandons,
            _overflowed,
            _transferredOut,
            Share(_answeredInTime, _answered),
            Share(_answeredInTime + _abandonedInTime, _answered + countedAbandons),
            Share(_answeredInTime + _abandonedInTime + _overflowedInTime + _callbacksInTime, removed),
            _answered == 0 ? null : _answerWaits / _answered,
            _handled == 0 ? null : _handleTimes / _handled,
            _longestWait,
            occupancy)
        {
            CallbacksOffered = _callbacksOffered,
            CallbacksAccepted = _callbacksAccepted,
        };
    }

    private Instant Now => time.GetUtcNow().ToInstant();

    private void Waited(Duration wait)
    {
        if (wait > _longestWait) _longestWait = wait;
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
