using IvrEngine.Calls;
using NodaTime;

namespace IvrEngine.Callbacks;

/// <summary>
/// Where promised callbacks live. Every write is durable when the method returns: the line tells a
/// caller "we'll call you back" only after <see cref="Schedule"/> has returned. A SQLite file is the
/// default; a server database can implement the same contract for several dialers.
/// </summary>
public interface ICallbackStore
{
    /// <summary>
    /// Keeps <paramref name="request"/>, or returns the callback already pending (or dialing) for
    /// the same number and queue of the same line, so a caller who asks twice gets one callback and
    /// one reference. Draw the reference with <see cref="CallbackReferences.Unused"/>: one already in
    /// the store is refused.
    /// </summary>
    CallbackRequest Schedule(CallbackRequest request);

    CallbackRequest? Find(ReferenceNumber reference);

    /// <summary>Callbacks in the order they were requested; all, or those in one state.</summary>
    IReadOnlyList<CallbackRequest> List(CallbackState? state = null);

    /// <summary>
    /// Claims up to <paramref name="max"/> callbacks due at <paramref name="now"/> for
    /// <paramref name="owner"/>: pending ones whose due and retry times have come, and dialing ones
    /// whose lease has lapsed (their dialer died). A claimed callback is <see cref="CallbackState.Dialing"/>
    /// until <paramref name="now"/> + <paramref name="lease"/>; no other owner can claim it meanwhile.
    /// </summary>
    /// <param name="line">Only this line's callbacks (and those stored before lines were recorded whose queue it has); null claims any.</param>
    IReadOnlyList<CallbackRequest> ClaimDue(Instant now, string owner, Duration lease, int max, CallbackLine? line = null);

    /// <summary>Records an attempt and moves the callback to <paramref name="state"/>; the lease is kept while it is <see cref="CallbackState.Dialing"/> or <see cref="CallbackState.Connected"/> and released otherwise.</summary>
    /// <param name="owner">The dialer recording it: the write is refused (false) when the callback's lease is no longer this owner's — another dialer took it over.</param>
    bool RecordAttempt(CallbackAttempt attempt, CallbackState state, string? owner = null, Instant? nextAttemptAt = null);

    /// <summary>Moves a callback to a later state without an attempt (connected → completed).</summary>
    void SetState(ReferenceNumber reference, CallbackState state, string? result = null);

    /// <summary>Makes a virtual-hold callback due now: the caller's place in line has come up.</summary>
    void MakeDue(ReferenceNumber reference, Instant now);

    /// <summary>Extends the leases <paramref name="owner"/> holds (dialing and connected callbacks) to <paramref name="until"/>: the dialer is alive.</summary>
    int RenewLeases(string owner, Instant until);

    /// <summary>
    /// Completes connected callbacks whose dialer's lease lapsed: it died while the callee was on the
    /// line, so the promise was kept but the call's end was never recorded. Dialing them again would
    /// call the caller twice.
    /// </summary>
    int SettleOrphans(Instant now);

    /// <summary>Gives a claimed callback back, not to be dialed before <paramref name="until"/> (closed queue, outside the calling window); not an attempt.</summary>
    /// <param name="owner">As for <see cref="RecordAttempt"/>: refused (false) when the lease is another dialer's.</param>
    bool Postpone(ReferenceNumber reference, Instant until, string reason, string? owner = null);

    /// <summary>Cancels a pending callback, recording when and by whom; false when there is none to cancel.</summary>
    bool Cancel(ReferenceNumber reference, Instant at, string by);

    /// <summary>
    /// Marks every callback past its expiry as expired: pending ones, and dialing ones whose dialer
    /// died (lease lapsed) — a callee is not called days after the promise ran out. Returns how many.
    /// </summary>
    int ExpireDue(Instant now);

    /// <summary>Gives back the dialing callbacks <paramref name="owner"/> holds (a graceful stop): pending again, claimable at once by another dialer.</summary>
    int ReleaseLeases(string owner);

    /// <summary>
    /// The places <paramref name="line"/>'s queues kept for virtual-hold callers when its previous
    /// process stopped: pending virtual-hold callbacks never dialed, still waiting for their place, whose
    /// join time is known; in join-time order. A starting line puts them back in line
    /// (<see cref="MakeKeptPlacesDue"/> then deals with the rest).
    /// </summary>
    IReadOnlyList<CallbackRequest> KeptPlaces(CallbackLine line);

    /// <summary>
    /// A line starting holds no kept places but the ones it put back (<paramref name="restored"/>): its
    /// other pending virtual-hold callbacks whose place was still kept (never dialed, or waiting for the
    /// place) become due now, instead of waiting for a place that died with the previous process.
    /// Returns how many.
    /// </summary>
    int MakeKeptPlacesDue(CallbackLine line, Instant now, IReadOnlyCollection<ReferenceNumber> restored);

    IReadOnlyList<CallbackAttempt> Attempts(ReferenceNumber reference);
}
