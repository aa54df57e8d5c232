using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Hosting.Callbacks;
using NodaTime;

namespace IvrEngine.Tests.Callbacks;

public sealed class SqliteCallbackStoreTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 15, 0);

    private static CallbackRequest Request(int seed, string phone = "+12025550143", string queue = "general", double dueInMinutes = 0) =>
        new(ReferenceNumber.Create(new Random(seed)), queue, phone, CallbackKind.Scheduled, "en-US",
            Now, Now + Duration.FromMinutes(dueInMinutes), Now + Duration.FromHours(24));

    [Test]
    public void AScheduledCallback_SurvivesReopeningTheFile()
    {
        using var database = new TempDatabase();
        var request = Request(1);
        new SqliteCallbackStore(database.Path).Schedule(request);

        var reopened = new SqliteCallbackStore(database.Path);

        Assert.That(reopened.Find(request.Reference), Is.EqualTo(request));
        Assert.That(reopened.List(), Has.Count.EqualTo(1));
    }

    [Test]
    public void ASecondRequestFromTheSameNumberForTheSameQueue_ReturnsTheFirst()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var first = store.Schedule(Request(1));

        var again = store.Schedule(Request(2));
        var otherQueue = store.Schedule(Request(3, queue: "billing"));

        Assert.That(again.Reference, Is.EqualTo(first.Reference));
        Assert.That(otherQueue.Reference, Is.Not.EqualTo(first.Reference));
        Assert.That(store.List(), Has.Count.EqualTo(2));
    }

    [Test]
    public void AClaimIsExclusive_UntilItsLeaseLapses()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        store.Schedule(Request(1));
        store.Schedule(Request(2, phone: "+12025550144", dueInMinutes: 10));

        var claimed = store.ClaimDue(Now, "a", Duration.FromMinutes(5), 10);
        Assert.That(claimed.Select(c => c.State), Is.EqualTo(new[] { CallbackState.Dialing }), "only the one due now");
        Assert.That(new SqliteCallbackStore(database.Path).ClaimDue(Now + Duration.FromMinutes(4), "b", Duration.FromMinutes(5), 10), Is.Empty);

        var takenOver = store.ClaimDue(Now + Duration.FromMinutes(5), "b", Duration.FromMinutes(5), 10);
        Assert.That(takenOver.Select(c => (c.Reference, c.LeaseOwner)), Is.EqualTo(new[] { (claimed[0].Reference, (string?)"b") }), "a dead dialer's claim is taken over");
    }

    [Test]
    public void ADialerWhoseLeaseWasTakenOver_CannotWriteAnyMore()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var request = store.Schedule(Request(1));
        store.ClaimDue(Now, "stalled", Duration.FromMinutes(5), 10);
        store.ClaimDue(Now + Duration.FromMinutes(6), "new", Duration.FromMinutes(5), 10);

        var late = store.RecordAttempt(new CallbackAttempt(request.Reference, 1, Now + Duration.FromMinutes(7), "answered"), CallbackState.Connected, "stalled");
        var postponed = store.Postpone(request.Reference, Now + Duration.FromHours(1), "queue closed", "stalled");

        Assert.That((late, postponed), Is.EqualTo((false, false)));
        Assert.That(store.Attempts(request.Reference), Is.Empty);
        Assert.That(store.Find(request.Reference)!.LeaseOwner, Is.EqualTo("new"));
        Assert.That(store.RecordAttempt(new CallbackAttempt(request.Reference, 1, Now + Duration.FromMinutes(7), "busy"), CallbackState.Dialing, "new"), Is.True);
    }

    [Test]
    public void Attempts_AreRecorded_AndAFailedCallbackIsNoLongerClaimed()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var request = store.Schedule(Request(1));
        store.ClaimDue(Now, "a", Duration.FromMinutes(5), 10);

        store.RecordAttempt(new CallbackAttempt(request.Reference, 1, Now, "busy"), CallbackState.Dialing);
        store.RecordAttempt(new CallbackAttempt(request.Reference, 2, Now + Duration.FromMinutes(2), "no-answer"), CallbackState.Failed);

        Assert.That(store.Attempts(request.Reference).Select(a => a.Result), Is.EqualTo(new[] { "busy", "no-answer" }));
        Assert.That(store.Find(request.Reference)!.State, Is.EqualTo(CallbackState.Failed));
        Assert.That(store.ClaimDue(Now + Duration.FromDays(1), "b", Duration.FromMinutes(5), 10), Is.Empty);
        Assert.That(store.Schedule(Request(9)).Reference, Is.Not.EqualTo(request.Reference), "a failed callback does not block a new request");
    }

    [Test]
    public void ADialerRetrying_KeepsItsLease()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var request = store.Schedule(Request(1));
        store.ClaimDue(Now, "a", Duration.FromMinutes(5), 10);

        store.RecordAttempt(new CallbackAttempt(request.Reference, 1, Now, "busy"), CallbackState.Dialing);

        Assert.That(store.ClaimDue(Now + Duration.FromMinutes(1), "b", Duration.FromMinutes(5), 10), Is.Empty);
        Assert.That(store.ClaimDue(Now + Duration.FromMinutes(6), "b", Duration.FromMinutes(5), 10), Has.Count.EqualTo(1));
    }

    [Test]
    public void AConnectedCallback_WhoseDialerDied_IsSettledAsCompleted_NotDialedAgain()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var alive = store.Schedule(Request(1));
        var orphan = store.Schedule(Request(2, phone: "+12025550144"));
        store.ClaimDue(Now, "alive", Duration.FromMinutes(5), 1);
        store.ClaimDue(Now, "dead", Duration.FromMinutes(5), 1);
        store.RecordAttempt(new CallbackAttempt(alive.Reference, 1, Now, "answered"), CallbackState.Connected);
        store.RecordAttempt(new CallbackAttempt(orphan.Reference, 1, Now, "answered"), CallbackState.Connected);

        store.RenewLeases("alive", Now + Duration.FromMinutes(15));
        var settled = store.SettleOrphans(Now + Duration.FromMinutes(10));

        Assert.That(settled, Is.EqualTo(1));
        Assert.That(store.Find(alive.Reference)!.State, Is.EqualTo(CallbackState.Connected), "its dialer renewed the lease");
        var done = store.Find(orphan.Reference)!;
        Assert.That((done.State, done.LastResult), Is.EqualTo((CallbackState.Completed, "put through; the line restarted during the call")));
        Assert.That(store.ClaimDue(Now + Duration.FromHours(1), "new", Duration.FromMinutes(5), 10), Is.Empty, "neither is dialed again");
    }

    [Test]
    public void PendingCallbacksPastTheirExpiry_AreExpired_AndOnlyPendingOnesCanBeCancelled()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var old = store.Schedule(Request(1));
        var cancelled = store.Schedule(Request(2, phone: "+12025550144"));

        Assert.That(store.Cancel(cancelled.Reference, Now, "operator"), Is.True);
        Assert.That(store.Cancel(cancelled.Reference, Now, "operator"), Is.False);
        Assert.That(store.ExpireDue(Now + Duration.FromHours(25)), Is.EqualTo(1));
        Assert.That(store.Find(old.Reference)!.State, Is.EqualTo(CallbackState.Expired));
        Assert.That(store.List(CallbackState.Cancelled).Single().Reference, Is.EqualTo(cancelled.Reference));
    }

    [Test]
    public void APostponedCallback_IsNotClaimedBeforeItsTime()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var request = store.Schedule(Request(1));
        store.ClaimDue(Now, "a", Duration.FromMinutes(5), 10);

        store.Postpone(request.Reference, Now + Duration.FromHours(9), "outside the calling window");

        Assert.That(store.ClaimDue(Now + Duration.FromHours(8), "a", Duration.FromMinutes(5), 10), Is.Empty);
        Assert.That(store.ClaimDue(Now + Duration.FromHours(9), "a", Duration.FromMinutes(5), 10), Has.Count.EqualTo(1));
        Assert.That(store.Find(request.Reference)!.Attempts, Is.Zero, "a postponement is not an attempt");
    }

    [Test]
    public void AFileFromANewerVersion_IsRefusedWithAClearMessage()
    {
        using var database = new TempDatabase();
        _ = new SqliteCallbackStore(database.Path).List();
        Execute(database.Path, "INSERT INTO schema_version (version) VALUES (99)");

        var error = Assert.Throws<CallbackStoreException>(() => _ = new SqliteCallbackStore(database.Path).List());
        Assert.That(error!.Message, Is.EqualTo($"the callback store {database.Path} has schema version 99; this ivr knows up to 3. Use a newer ivr."));
    }

    [Test]
    public void AVersion1Store_IsUpgraded_KeepingItsCallbacks_WhichOnlyALineWithTheirQueueClaims()
    {
        using var database = new TempDatabase();
        Execute(database.Path, $"""
                CREATE TABLE schema_version (version INTEGER NOT NULL);
                CREATE TABLE callbacks (reference TEXT PRIMARY KEY, queue TEXT NOT NULL, phone TEXT NOT NULL, kind TEXT NOT NULL, locale TEXT NOT NULL,
                    requested_at INTEGER NOT NULL, due_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER, last_result TEXT, lease_until INTEGER, lease_owner TEXT);
                CREATE INDEX callbacks_due ON callbacks (state, due_at);
                CREATE UNIQUE INDEX callbacks_one_open_per_number ON callbacks (phone, queue) WHERE state IN ('Pending', 'Dialing');
                CREATE TABLE attempts (reference TEXT NOT NULL REFERENCES callbacks (reference), number INTEGER NOT NULL, at INTEGER NOT NULL, result TEXT NOT NULL, detail TEXT, PRIMARY KEY (reference, number));
                INSERT INTO schema_version (version) VALUES (1);
                INSERT INTO callbacks (reference, queue, phone, kind, locale, requested_at, due_at, expires_at, state)
                    VALUES ('{Request(1).Reference}', 'billing', '+12025550143', 'Scheduled', 'en-US', {Now.ToUnixTimeMilliseconds()}, {Now.ToUnixTimeMilliseconds()}, {(Now + Duration.FromDays(1)).ToUnixTimeMilliseconds()}, 'Pending');
                """);

        Assert.That(SqliteCallbackStore.OpenReadOnly(database.Path).List().Single().Line, Is.Null, "a version 1 file reads without being upgraded");
        var store = new SqliteCallbackStore(database.Path);
        var old = store.List().Single();
        Assert.That((old.Reference, old.Queue, old.Line), Is.EqualTo((Request(1).Reference, "billing", (string?)null)));

        // The same number and queue on another line is a separate promise.
        var mine = store.Schedule(Request(2) with { Queue = "billing", Line = "carrier-support" });
        Assert.That(mine.Reference, Is.EqualTo(Request(2).Reference));
        Assert.That(store.ClaimDue(Now, "minimal", Duration.FromMinutes(5), 10, new CallbackLine("minimal", ["general"])), Is.Empty, "no billing queue: neither is its to place");
        var claimed = store.ClaimDue(Now, "carrier", Duration.FromMinutes(5), 10, new CallbackLine("carrier-support", ["general", "billing"]));
        Assert.That(claimed.Select(c => c.Reference), Is.EqualTo(new[] { old.Reference, mine.Reference }));
    }

    [Test]
    public void AVersion2Store_IsUpgraded_AndAPlaceKeptWithoutAJoinTime_IsDueAtOnceAfterTheRestart()
    {
        using var database = new TempDatabase();
        Execute(database.Path, $"""
                CREATE TABLE schema_version (version INTEGER NOT NULL);
                CREATE TABLE callbacks (reference TEXT PRIMARY KEY, queue TEXT NOT NULL, phone TEXT NOT NULL, kind TEXT NOT NULL, locale TEXT NOT NULL,
                    requested_at INTEGER NOT NULL, due_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER, last_result TEXT, lease_until INTEGER, lease_owner TEXT, line TEXT, cancelled_at INTEGER, cancelled_by TEXT);
                CREATE INDEX callbacks_due ON callbacks (state, due_at);
                CREATE UNIQUE INDEX callbacks_one_open_per_number ON callbacks (IFNULL(line, ''), phone, queue) WHERE state IN ('Pending', 'Dialing');
                CREATE TABLE attempts (reference TEXT NOT NULL REFERENCES callbacks (reference), number INTEGER NOT NULL, at INTEGER NOT NULL, result TEXT NOT NULL, detail TEXT, PRIMARY KEY (reference, number));
                INSERT INTO schema_version (version) VALUES (2);
                INSERT INTO callbacks (reference, queue, phone, kind, locale, requested_at, due_at, expires_at, state, next_attempt_at, last_result, line)
                    VALUES ('{Request(1).Reference}', 'general', '+12025550143', 'VirtualHold', 'en-US', {Now.ToUnixTimeMilliseconds()}, {(Now + Duration.FromMinutes(30)).ToUnixTimeMilliseconds()},
                        {(Now + Duration.FromDays(1)).ToUnixTimeMilliseconds()}, 'Pending', {(Now + Duration.FromDays(1)).ToUnixTimeMilliseconds()}, '{CallbackReasons.PlaceKept}', 'hold-line');
                """);

        Assert.That(SqliteCallbackStore.OpenReadOnly(database.Path).List().Single().JoinedAt, Is.Null, "a version 2 file reads without being upgraded");
        var store = new SqliteCallbackStore(database.Path);
        var line = new CallbackLine("hold-line", ["general"]);
        Assert.That(store.KeptPlaces(line), Is.Empty, "with no join time the place cannot be put back in order");

        var restart = Now + Duration.FromMinutes(5);
        Assert.That(store.MakeKeptPlacesDue(line, restart, []), Is.EqualTo(1));
        var due = store.ClaimDue(restart, "dialer", Duration.FromMinutes(5), 10, line).Single();
        Assert.That((due.Reference, due.DueAt, due.LastResult), Is.EqualTo((Request(1).Reference, restart, (string?)CallbackReasons.PlaceLost)));
    }

    [Test]
    public void ADialingCallbackPastItsExpiry_WhoseDialerDied_IsExpired_NotDialed()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        var callback = store.Schedule(Request(1));
        store.ClaimDue(Now, "killed-dialer", Duration.FromMinutes(20), 10);

        var days = Now + Duration.FromDays(3);
        Assert.That(store.ExpireDue(days), Is.EqualTo(1));
        Assert.That(store.ClaimDue(days, "new-dialer", Duration.FromMinutes(20), 10), Is.Empty);
        Assert.That(store.Find(callback.Reference)!.State, Is.EqualTo(CallbackState.Expired));
    }

    [Test]
    public void AStoreFileDeletedWhileInUse_RefusesNewBookings_WithAClearMessage()
    {
        using var database = new TempDatabase();
        var store = new SqliteCallbackStore(database.Path);
        store.Schedule(Request(1));
        File.Delete(database.Path);

        var error = Assert.Throws<CallbackStoreException>(() => store.Schedule(Request(2, phone: "+12025550144")));
        Assert.That(error!.Message, Is.EqualTo($"the callback store {database.Path} was deleted while in use; nothing more is booked into it (restart to create a new one)."));
    }

    /// <summary>Runs SQL against the file directly, as an older ivr or another tool would have left it.</summary>
    private static void Execute(string path, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
