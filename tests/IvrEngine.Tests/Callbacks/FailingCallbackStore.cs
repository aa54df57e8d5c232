using IvrEngine.Callbacks;
using IvrEngine.Calls;
using NodaTime;

namespace IvrEngine.Tests.Callbacks;

/// <summary>A store whose disk is gone: every write fails, as SQLite does when the file cannot be written.</summary>
internal sealed class FailingCallbackStore : ICallbackStore
{
    private static Exception Broken() => new CallbackStoreException("disk I/O error");

    public CallbackRequest Schedule(CallbackRequest request) => throw Broken();

    public CallbackRequest? Find(ReferenceNumber reference) => null;

    public IReadOnlyList<CallbackRequest> List(CallbackState? state = null) => [];

    public IReadOnlyList<CallbackRequest> ClaimDue(Instant now, string owner, Duration lease, int max, CallbackLine? line = null) => throw Broken();

    public bool RecordAttempt(CallbackAttempt attempt, CallbackState state, string? owner = null, Instant? nextAttemptAt = null) => throw Broken();

    public void SetState(ReferenceNumber reference, CallbackState state, string? result = null) => throw Broken();

    public void MakeDue(ReferenceNumber reference, Instant now) => throw Broken();

    public int RenewLeases(string owner, Instant until) => throw Broken();

    public int SettleOrphans(Instant now) => throw Broken();

    public bool Postpone(ReferenceNumber reference, Instant until, string reason, string? owner = null) => throw Broken();

    public bool Cancel(ReferenceNumber reference, Instant at, string by) => throw Broken();

    public int ReleaseLeases(string owner) => throw Broken();

    public IReadOnlyList<CallbackRequest> KeptPlaces(CallbackLine line) => throw Broken();

    public int MakeKeptPlacesDue(CallbackLine line, Instant now, IReadOnlyCollection<ReferenceNumber> restored) => throw Broken();

    public int ExpireDue(Instant now) => throw Broken();

    public IReadOnlyList<CallbackAttempt> Attempts(ReferenceNumber reference) => [];
}
