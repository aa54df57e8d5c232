using NodaTime;

namespace IvrEngine.Queues;

/// <summary>
/// Sees each queue outcome as it happens, with its time: the load simulator's per-interval figures
/// come from here, counted by the same code that counts <see cref="CallCenter.Statistics"/>.
/// Called on the call centre's thread.
/// </summary>
public interface IQueueObserver
{
    /// <summary>A caller arrived at the queue (callback legs are not new offers).</summary>
    void Offered(string queue, Instant at);

    /// <param name="callbackLeg">The caller is a callback the line placed, not a new caller.</param>
    void Answered(string queue, Instant at, Duration wait, bool callbackLeg);

    void Abandoned(string queue, Instant at, Duration wait);

    /// <param name="turnedAway">Refused on arrival (full, no agents) rather than sent on after waiting.</param>
    void Overflowed(string queue, Instant at, Duration wait, bool turnedAway);

    /// <summary>A waiting caller was first offered a callback.</summary>
    void CallbackOffered(string queue, Instant at, Duration waited);

    /// <summary>A waiting caller took the callback and left the line (their place kept).</summary>
    void CallbackAccepted(string queue, Instant at, Duration waited);

    /// <summary>An agent finished talking to a caller they answered at <paramref name="answeredAt"/>: talk plus wrap-up.</summary>
    void Handled(string queue, Instant answeredAt, Duration talkAndWrapUp);
}
