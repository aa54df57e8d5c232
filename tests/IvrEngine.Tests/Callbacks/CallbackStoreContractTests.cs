using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Hosting.Callbacks;
using NodaTime;

namespace IvrEngine.Tests.Callbacks;

/// <summary>
/// The <see cref="ICallbackStore"/> contract, one specification run against every store: the SQLite
/// file the line keeps its promises in, the PostgreSQL database several servers share (a fresh
/// schema per test; ignored without <c>IVR_TEST_POSTGRES</c>), and the in-memory store QA flows and
/// simulations book into. A dialer or a call must not be able to tell which one it talks to.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("postgresql")]
[TestFixture("in-memory")]
public sealed class CallbackStoreContractTests(string kind)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 15, 0);
    private static readonly Duration Lease = Duration.FromMinutes(5);
    private static readonly CallbackLine HoldLine = new("hold-line", ["general", "billing"]);

    private TempDatabase? _database;
    private TempPostgresSchema? _schema;
    private ICallbackStore _store = null!;

    [SetUp]
    public void Open()
    {
        _database = kind == "sqlite" ? new TempDatabase() : null;
        _schema = kind == "postgresql" ? new TempPostgresSchema() : null;
        _store = _database is { } database ? new SqliteCallbackStore(database.Path)
            : _schema is { } schema ? schema.Open()
            : new InMemoryCallbackStore();
    }

    [TearDown]
    public void Close()
    {
        (_store as IDisposable)?.Dispose();
        _database?.Dispose();
        _schema?.Dispose();
    }

    private static CallbackRequest Request(int seed, string phone = "+12025550143", string queue = "general", double dueInMinutes = 0, string? line = "hold-line") =>
        new(ReferenceNumber.Create(new Random(seed)), queue, phone, CallbackKind.Scheduled, "en-US",
            Now, Now + Duration.FromMinutes(dueInMinutes), Now + Duration.FromHours(24), Line: line);

    private static CallbackRequest KeptPlace(int seed, string phone, double joinedMinutesAgo) =>
        Request(seed, phone, dueInMinutes: 30) with { Kind = CallbackKind.VirtualHold, JoinedAt = Now - Duration.FromMinutes(joinedMinutesAgo) };

    [Test]
    public void WhatIsScheduled_IsFoundAndListedAsItWasGiven()
    {
        var request = KeptPlace(1, "+12025550143", joinedMinutesAgo: 3);

        Assert.That(_store.Schedule(request), Is.EqualTo(request));
        Assert.That(_store.Find(request.Reference), Is.EqualTo(request));
        Assert.That(_store.List(), Is.EqualTo(new[] { request }));
        Assert.That(_store.List(CallbackState.Pending), Is.EqualTo(new[] { request }));
        Assert.That(_store.List(CallbackState.Dialing), Is.Empty);
        Assert.That(_store.Find(Request(2).Reference), Is.Null);
    }

    [Test]
    public void ASecondRequestFromTheSameNumberForTheSameQueueOfTheSameLine_ReturnsTheFirst_OthersAreSeparatePromises()
    {
        var first = _store.Schedule(Request(1));

        Assert.That(_store.Schedule(Request(2)).Reference, Is.EqualTo(first.Reference));
        Assert.That(_store.Schedule(Request(3, queue: "billing")).Reference, Is.EqualTo(Request(3).Reference), "another queue");
        Assert.That(_store.Schedule(Request(4, line: "carrier-support")).Reference, Is.EqualTo(Request(4).Reference), "another line");
        Assert.That(_store.List().Select(c => c.Reference), Is.EqualTo(new[] { first.Reference, Request(3).Reference, Request(4).Reference }));
    }

    [Test]
    public void AReferenceAlreadyInTheStore_IsRefused_NotOverwritten()
    {
        var first = _store.Schedule(Request(1));

        Assert.Throws<CallbackStoreException>(() => _store.Schedule(Request(1, phone: "+12025550144")));
        Assert.That(_store.List(), Is.EqualTo(new[] { first }));
    }

    [Test]
    public void AClaimIsExclusive_UntilItsLeaseLapses_ThenAnotherDialerTakesItOver()
    {
        var due = _store.Schedule(Request(1));
        _store.Schedule(Request(2, phone: "+12025550144", dueInMinutes: 10));

        var claimed = _store.ClaimDue(Now, "a", Lease, 10);
        Assert.That(claimed.Select(c => (c.Reference, c.State, c.LeaseOwner, c.LeaseUntil)), Is.EqualTo(new[] { (due.Reference, CallbackState.Dialing, (string?)"a", (Instant?)(Now + Lease)) }));
        Assert.That(_store.ClaimDue(Now + Duration.FromMinutes(4), "b", Lease, 10), Is.Empty);

        var takenOver = _store.ClaimDue(Now + Lease, "b", Lease, 10);
        Assert.That(takenOver.Select(c => (c.Reference, c.LeaseOwner)), Is.EqualTo(new[] { (due.Reference, (string?)"b") }));
        Assert.That(_store.RecordAttempt(new CallbackAttempt(due.Reference, 1, Now + Lease, "answered", null), CallbackState.Connected, "a"), Is.False,
            "the dialer whose lease was taken over writes nothing");
        Assert.That(_store.Attempts(due.Reference), Is.Empty);
    }

    [Test]
    public void ClaimDue_TakesTheEarliestDueFirst_AtMostMax()
    {
        _store.Schedule(Request(1, dueInMinutes: 2));
        _store.Schedule(Request(2, phone: "+12025550144", dueInMinutes: 1));
        _store.Schedule(Request(3, phone: "+12025550145", dueInMinutes: 3));

        var claimed = _store.ClaimDue(Now + Duration.FromMinutes(3), "a", Lease, max: 2);

        Assert.That(claimed.Select(c => c.Reference), Is.EqualTo(new[] { Request(2).Reference, Request(1).Reference }));
    }

    [Test]
    public void ADialerClaimsOnlyItsOwnLinesCallbacks_AndOfThoseWithNoLine_TheOnesWhoseQueueItHas()
    {
        var mine = _store.Schedule(Request(1));
        _store.Schedule(Request(2, line: "carrier-support"));
        var legacy = _store.Schedule(Request(3, phone: "+12025550144", queue: "billing", line: null));
        _store.Schedule(Request(4, phone: "+12025550145", queue: "retention", line: null));

        var claimed = _store.ClaimDue(Now, "a", Lease, 10, HoldLine);

        Assert.That(claimed.Select(c => c.Reference), Is.EqualTo(new[] { mine.Reference, legacy.Reference }));
    }

    [Test]
    public void Attempts_AreRecordedInOrder_ARetryingDialerKeepsItsLease_AndAFailedCallbackIsNotClaimedAgain()
    {
        var callback = _store.Schedule(Request(1));
        _store.ClaimDue(Now, "a", Lease, 10);

        Assert.That(_store.RecordAttempt(new CallbackAttempt(callback.Reference, 1, Now, "busy", "+1 ••••••••43"), CallbackState.Dialing, "a"), Is.True);
        Assert.That(_store.Find(callback.Reference)!.LeaseOwner, Is.EqualTo("a"), "retrying, the dialer keeps its lease");
        Assert.That(_store.RecordAttempt(new CallbackAttempt(callback.Reference, 2, Now + Duration.FromMinutes(1), "no-answer", null), CallbackState.Failed, "a"), Is.True);

        var failed = _store.Find(callback.Reference)!;
        Assert.That((failed.State, failed.Attempts, failed.LastResult, failed.LeaseOwner), Is.EqualTo((CallbackState.Failed, 2, (string?)"no-answer", (string?)null)));
        Assert.That(_store.Attempts(callback.Reference).Select(a => (a.Number, a.Result)), Is.EqualTo(new[] { (1, "busy"), (2, "no-answer") }));
        Assert.That(_store.ClaimDue(Now + Duration.FromHours(1), "b", Lease, 10), Is.Empty);
    }

    [Test]
    public void AConnectedCallbackWhoseDialerDied_IsSettledAsCompleted_NotDialedAgain()
    {
        var callback = _store.Schedule(Request(1));
        _store.ClaimDue(Now, "a", Lease, 10);
        _store.RecordAttempt(new CallbackAttempt(callback.Reference, 1, Now, "answered", null), CallbackState.Connected, "a");

        Assert.That(_store.SettleOrphans(Now + Duration.FromMinutes(4)), Is.Zero, "the lease still runs");
        Assert.That(_store.SettleOrphans(Now + Lease), Is.EqualTo(1));
        Assert.That(_store.Find(callback.Reference)!.State, Is.EqualTo(CallbackState.Completed));
        Assert.That(_store.ClaimDue(Now + Lease, "b", Lease, 10), Is.Empty);
    }

    [Test]
    public void RenewedLeases_KeepAClaimFromBeingTakenOver()
    {
        _store.Schedule(Request(1));
        _store.ClaimDue(Now, "a", Lease, 10);

        Assert.That(_store.RenewLeases("a", Now + Duration.FromMinutes(20)), Is.EqualTo(1));
        Assert.That(_store.ClaimDue(Now + Duration.FromMinutes(10), "b", Lease, 10), Is.Empty);
    }

    [Test]
    public void APostponedCallback_IsNotClaimedBeforeItsTime_AndOnlyItsLeaseHolderMayPostponeIt()
    {
        var callback = _store.Schedule(Request(1));
        _store.ClaimDue(Now, "a", Lease, 10);

        Assert.That(_store.Postpone(callback.Reference, Now + Duration.FromHours(1), "queue closed", "b"), Is.False);
        Assert.That(_store.Postpone(callback.Reference, Now + Duration.FromHours(1), "queue closed", "a"), Is.True);

        var postponed = _store.Find(callback.Reference)!;
        Assert.That((postponed.State, postponed.NextAttemptAt, postponed.LastResult, postponed.LeaseOwner), Is.EqualTo((CallbackState.Pending, (Instant?)(Now + Duration.FromHours(1)), (string?)"queue closed", (string?)null)));
        Assert.That(_store.ClaimDue(Now + Duration.FromMinutes(59), "a", Lease, 10), Is.Empty);
        Assert.That(_store.ClaimDue(Now + Duration.FromHours(1), "a", Lease, 10), Has.Count.EqualTo(1));
    }

    [Test]
    public void Cancelling_RecordsWhenAndByWhom_OnlyOnce_AndOnlyWhilePending()
    {
        var callback = _store.Schedule(Request(1));
        var dialing = _store.Schedule(Request(2, phone: "+12025550144"));
        _store.ClaimDue(Now, "a", Lease, 10);
        _store.Postpone(callback.Reference, Now + Duration.FromHours(1), "queue closed", "a");

        Assert.That(_store.Cancel(callback.Reference, Now + Duration.FromMinutes(1), "supervisor"), Is.True);
        Assert.That(_store.Cancel(callback.Reference, Now + Duration.FromMinutes(2), "caller"), Is.False, "already cancelled");
        Assert.That(_store.Cancel(dialing.Reference, Now, "supervisor"), Is.False, "being dialed");
        Assert.That(_store.Cancel(Request(3).Reference, Now, "supervisor"), Is.False, "no such callback");

        var cancelled = _store.Find(callback.Reference)!;
        Assert.That((cancelled.State, cancelled.CancelledAt, cancelled.CancelledBy), Is.EqualTo((CallbackState.Cancelled, (Instant?)(Now + Duration.FromMinutes(1)), (string?)"supervisor")));
        Assert.That(_store.ClaimDue(Now + Duration.FromHours(2), "b", Lease, 10).Select(c => c.Reference), Is.EqualTo(new[] { dialing.Reference }), "only the one whose dialer's lease lapsed");
    }

    [Test]
    public void PastTheirExpiry_PendingCallbacksAndThoseOfADeadDialer_AreExpired_NotDialed()
    {
        var pending = _store.Schedule(Request(1, dueInMinutes: 60 * 25));
        var dialing = _store.Schedule(Request(2, phone: "+12025550144"));
        _store.ClaimDue(Now, "killed-dialer", Duration.FromMinutes(20), 10);

        var days = Now + Duration.FromDays(3);
        Assert.That(_store.ExpireDue(days), Is.EqualTo(2));
        Assert.That(_store.ClaimDue(days, "new-dialer", Lease, 10), Is.Empty);
        Assert.That(new[] { pending, dialing }.Select(c => _store.Find(c.Reference)!.State), Is.All.EqualTo(CallbackState.Expired));
    }

    [Test]
    public void AGracefulStop_GivesBackTheDialersClaims_ClaimableAtOnceByAnother()
    {
        var callback = _store.Schedule(Request(1));
        _store.Schedule(Request(2, phone: "+12025550144"));
        _store.ClaimDue(Now, "a", Lease, 1);

        Assert.That(_store.ReleaseLeases("a"), Is.EqualTo(1));
        Assert.That(_store.Find(callback.Reference)!.State, Is.EqualTo(CallbackState.Pending));
        Assert.That(_store.ClaimDue(Now, "b", Lease, 10).Select(c => c.LeaseOwner), Is.EqualTo(new[] { "b", "b" }));
    }

    [Test]
    public void AKeptPlaceThatComesUp_IsDueNow()
    {
        var held = _store.Schedule(KeptPlace(1, "+12025550143", joinedMinutesAgo: 3));
        Assert.That(_store.ClaimDue(Now, "a", Lease, 10), Is.Empty, "due at the estimate, 30 minutes on");

        _store.MakeDue(held.Reference, Now + Duration.FromMinutes(1));

        Assert.That(_store.ClaimDue(Now + Duration.FromMinutes(1), "a", Lease, 10).Select(c => (c.Reference, c.DueAt)), Is.EqualTo(new[] { (held.Reference, Now + Duration.FromMinutes(1)) }));
    }

    [Test]
    public void AfterARestart_KeptPlacesWithAJoinTimeComeBackInJoinOrder_TheRestAreDueAtOnce()
    {
        var later = _store.Schedule(KeptPlace(1, "+12025550143", joinedMinutesAgo: 2));
        var earlier = _store.Schedule(KeptPlace(2, "+12025550144", joinedMinutesAgo: 5));
        var noJoinTime = _store.Schedule(KeptPlace(3, "+12025550145", joinedMinutesAgo: 1) with { JoinedAt = null });
        var waitingForItsPlace = _store.Schedule(KeptPlace(4, "+12025550146", joinedMinutesAgo: 4));
        _store.ClaimDue(Now + Duration.FromMinutes(30), "killed", Lease, 10);
        _store.Postpone(waitingForItsPlace.Reference, waitingForItsPlace.ExpiresAt, CallbackReasons.PlaceKept, "killed");
        _store.ReleaseLeases("killed");
        var otherLine = _store.Schedule(KeptPlace(5, "+12025550147", joinedMinutesAgo: 6) with { Line = "carrier-support" });
        var scheduled = _store.Schedule(Request(6, phone: "+12025550148", dueInMinutes: 60));

        var kept = _store.KeptPlaces(HoldLine);
        Assert.That(kept.Select(c => c.Reference), Is.EqualTo(new[] { earlier.Reference, waitingForItsPlace.Reference, later.Reference }));

        var restart = Now + Duration.FromMinutes(31);
        Assert.That(_store.MakeKeptPlacesDue(HoldLine, restart, [earlier.Reference, later.Reference]), Is.EqualTo(2), "the one with no join time, and the one not put back");
        var made = _store.List(CallbackState.Pending).Where(c => c.LastResult == CallbackReasons.PlaceLost).Select(c => (c.Reference, c.DueAt, c.NextAttemptAt));
        Assert.That(made, Is.EquivalentTo(new[] { (noJoinTime.Reference, Now + Duration.FromMinutes(30), (Instant?)null), (waitingForItsPlace.Reference, Now + Duration.FromMinutes(30), (Instant?)null) }));
        Assert.That(_store.Find(otherLine.Reference)!.LastResult, Is.Null, "another line's place is its own to restore");
        Assert.That(_store.Find(scheduled.Reference)!.LastResult, Is.Null);
    }

    [Test]
    public void AVirtualHoldCallbackAlreadyDialed_IsNoKeptPlace()
    {
        var dialed = _store.Schedule(KeptPlace(1, "+12025550143", joinedMinutesAgo: 5));
        _store.MakeDue(dialed.Reference, Now);
        _store.ClaimDue(Now, "a", Lease, 10);
        _store.RecordAttempt(new CallbackAttempt(dialed.Reference, 1, Now, "busy", null), CallbackState.Dialing, "a");
        _store.ReleaseLeases("a");

        Assert.That(_store.KeptPlaces(HoldLine), Is.Empty, "its place was released when the callee did not answer");
    }
}
