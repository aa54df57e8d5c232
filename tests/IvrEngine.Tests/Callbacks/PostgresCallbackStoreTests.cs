using System.Diagnostics;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Hosting.Callbacks;
using Npgsql;
using NodaTime;

namespace IvrEngine.Tests.Callbacks;

/// <summary>
/// What only a store shared by several servers must do, on a real PostgreSQL (a fresh schema per
/// test; ignored without <c>IVR_TEST_POSTGRES</c>): dialers on separate connections claiming at
/// once never share a callback, a lapsed lease goes to exactly one other dialer, servers booking
/// one number at once make one promise, servers starting together create the tables once, and
/// every fault is one line that names the server and never the password.
/// </summary>
[NonParallelizable]
public sealed class PostgresCallbackStoreTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 15, 0);
    private static readonly Duration Lease = Duration.FromMinutes(5);

    private TempPostgresSchema _schema = null!;
    private readonly List<PostgresCallbackStore> _stores = [];

    [SetUp]
    public void CreateSchema() => _schema = new TempPostgresSchema();

    [TearDown]
    public void DropSchema()
    {
        foreach (var store in _stores) store.Dispose();
        _stores.Clear();
        _schema?.Dispose();
    }

    /// <summary>A store of its own (its own connection pool), as another server would have.</summary>
    private PostgresCallbackStore Server()
    {
        var store = _schema.Open();
        _stores.Add(store);
        return store;
    }

    private static CallbackRequest Request(int index, string? phone = null) =>
        new(ReferenceNumber.Create(new Random(index)), "general", phone ?? $"+1202555{index:D4}", CallbackKind.Scheduled, "en-US",
            Now, Now + Duration.FromSeconds(index % 60), Now + Duration.FromHours(24), Line: "hold-line");

    [Test]
    public async Task DialersOnEightServersClaimingAtOnce_ClaimEveryDueCallbackExactlyOnce()
    {
        const int Callbacks = 400;
        const int Dialers = 8;
        var booking = Server();
        var references = new HashSet<ReferenceNumber>();
        for (var i = 0; references.Count < Callbacks; i++)
        {
            var request = Request(i);
            if (references.Add(request.Reference)) booking.Schedule(request);
        }
        var servers = Enumerable.Range(0, Dialers).Select(_ => Server()).ToList();
        foreach (var server in servers) server.EnsureReady();

        // Every dialer polls as fast as it can, a few callbacks at a time, until none is left.
        using var start = new Barrier(Dialers);
        var watch = new Stopwatch();
        var claims = await Task.WhenAll(servers.Select((server, n) => Task.Run(() =>
        {
            start.SignalAndWait();
            if (n == 0) watch.Start();
            var mine = new List<CallbackRequest>();
            for (var batch = server.ClaimDue(Now + Duration.FromMinutes(1), $"dialer-{n}", Lease, max: 5); batch.Count > 0; batch = server.ClaimDue(Now + Duration.FromMinutes(1), $"dialer-{n}", Lease, max: 5))
            {
                mine.AddRange(batch);
            }
            return mine;
        })));
        watch.Stop();

        var claimed = claims.SelectMany(c => c).ToList();
        Assert.That(claimed.Select(c => c.Reference), Is.Unique, "no callback claimed twice");
        Assert.That(claimed.Select(c => c.Reference), Is.EquivalentTo(references), "every due callback claimed");
        Assert.That(claims.Count(c => c.Count > 0), Is.GreaterThan(1), "the claims were spread over the dialers, so they really ran at once");
        var stored = booking.List().ToDictionary(c => c.Reference);
        Assert.That(claims.SelectMany((mine, n) => mine.Where(c => stored[c.Reference].LeaseOwner != $"dialer-{n}")), Is.Empty, "the store names each callback's one claimer");
        await TestContext.Progress.WriteLineAsync(
            $"PostgreSQL claims: {Callbacks} callbacks claimed by {Dialers} dialers (5 per claim) in {watch.Elapsed.TotalMilliseconds:F0} ms, {Callbacks / watch.Elapsed.TotalSeconds:F0} claims/s; per dialer {string.Join(", ", claims.Select(c => c.Count))}");
    }

    [Test]
    public async Task ALeaseThatLapses_IsTakenOverByExactlyOneOfManyDialers_AndTheDeadDialerWritesNothing()
    {
        var callback = Server().Schedule(Request(1));
        var claimedAt = callback.DueAt;
        var dead = Server();
        Assert.That(dead.ClaimDue(claimedAt, "dead", Lease, 10), Has.Count.EqualTo(1));
        var others = Enumerable.Range(0, 6).Select(_ => Server()).ToList();

        Assert.That(others[0].ClaimDue(claimedAt + Lease - Duration.FromMilliseconds(1), "early", Lease, 10), Is.Empty, "the lease still runs");

        using var start = new Barrier(others.Count);
        var takeovers = await Task.WhenAll(others.Select((server, n) => Task.Run(() =>
        {
            start.SignalAndWait();
            return server.ClaimDue(claimedAt + Lease, $"survivor-{n}", Lease, 10);
        })));

        var taken = takeovers.SelectMany(t => t).ToList();
        Assert.That(taken.Select(c => c.Reference), Is.EqualTo(new[] { callback.Reference }), "one dialer takes it over");
        var survivor = taken[0].LeaseOwner!;
        Assert.That(dead.RecordAttempt(new CallbackAttempt(callback.Reference, 1, claimedAt + Lease, "answered"), CallbackState.Connected, "dead"), Is.False);
        Assert.That(dead.Postpone(callback.Reference, Now + Duration.FromHours(1), "queue closed", "dead"), Is.False);
        var winner = others[int.Parse(survivor["survivor-".Length..], System.Globalization.CultureInfo.InvariantCulture)];
        Assert.That(winner.RecordAttempt(new CallbackAttempt(callback.Reference, 1, claimedAt + Lease, "answered"), CallbackState.Connected, survivor), Is.True);
        Assert.That(winner.Attempts(callback.Reference).Select(a => (a.Number, a.Result)), Is.EqualTo(new[] { (1, "answered") }));
    }

    [Test]
    public async Task TheSameNumberBookedOnEightServersAtOnce_IsOnePromise()
    {
        var servers = Enumerable.Range(0, 8).Select(_ => Server()).ToList();
        foreach (var server in servers) server.EnsureReady();

        using var start = new Barrier(servers.Count);
        var booked = await Task.WhenAll(servers.Select((server, n) => Task.Run(() =>
        {
            start.SignalAndWait();
            return server.Schedule(Request(n, phone: "+12025550143"));
        })));

        var stored = servers[0].List();
        Assert.That(stored, Has.Count.EqualTo(1));
        Assert.That(booked.Select(b => b.Reference).Distinct(), Is.EqualTo(new[] { stored[0].Reference }), "every server tells its caller the one reference kept");
    }

    [Test]
    public async Task ServersStartingTogether_CreateTheTablesOnce()
    {
        var servers = Enumerable.Range(0, 6).Select(_ => Server()).ToList();

        using var start = new Barrier(servers.Count);
        await Task.WhenAll(servers.Select(server => Task.Run(() =>
        {
            start.SignalAndWait();
            server.EnsureReady();
        })));

        Assert.That(_schema.Scalar("SELECT string_agg(version::text, ',') FROM callback_schema_version"), Is.EqualTo("1"));
        Assert.That(servers.Select(s => s.Exists()), Is.All.True);
    }

    [Test]
    public void ACallbackSurvivesTheStoreBeingOpenedAgain_ToTheMicrosecond()
    {
        var request = Request(7) with { RequestedAt = Now + Duration.FromTicks(12_345_670), JoinedAt = Now - Duration.FromMilliseconds(1500), Kind = CallbackKind.VirtualHold };
        Server().Schedule(request);

        Assert.That(Server().Find(request.Reference), Is.EqualTo(request));
    }

    [Test]
    public void ReadOnly_ADatabaseWithoutTheTables_ListsNothing_AndIsLeftWithoutThem()
    {
        using var reader = PostgresCallbackStore.OpenReadOnly(PostgresConnection.Parse(_schema.ConnectionString));

        Assert.That(reader.List(), Is.Empty);
        Assert.That(reader.Find(Request(1).Reference), Is.Null);
        Assert.That(reader.Exists(), Is.False);
        Assert.That(_schema.Scalar("SELECT to_regclass('callbacks') IS NULL AND to_regclass('callback_schema_version') IS NULL"), Is.True);
        var write = Assert.Throws<CallbackStoreException>(() => reader.Schedule(Request(1)));
        Assert.That(write!.Message, Does.StartWith("there is no callback store in PostgreSQL ").And.EndWith("it was opened read-only and is not changed."));
    }

    [Test]
    public void ReadOnly_AStoreWithCallbacks_IsReadButNeverWritten()
    {
        var request = Server().Schedule(Request(1));
        using var reader = PostgresCallbackStore.OpenReadOnly(PostgresConnection.Parse(_schema.ConnectionString));

        Assert.That(reader.List(), Is.EqualTo(new[] { request }));
        var write = Assert.Throws<CallbackStoreException>(() => reader.Cancel(request.Reference, Now, "operator"));
        Assert.That(write!.Message, Does.EndWith("is read-only; nothing can be booked or changed in it."));
        Assert.That(Server().Find(request.Reference)!.State, Is.EqualTo(CallbackState.Pending));
    }

    [Test]
    public void ANewerSchema_IsRefusedInOneLine()
    {
        Server().EnsureReady();
        _schema.Scalar("UPDATE callback_schema_version SET version = 2");

        var refused = Assert.Throws<CallbackStoreException>(() => Server().EnsureReady());

        Assert.That(refused!.Message, Is.EqualTo($"the callback store {Location()} has schema version 2; this ivr knows up to 1. Use a newer ivr."));
    }

    [Test]
    public void ACallbacksTableThatIsNoStores_IsRefused_AndLeftAsItWas()
    {
        _schema.Scalar("CREATE TABLE callbacks (id integer)");

        var refused = Assert.Throws<CallbackStoreException>(() => Server().List());

        Assert.That(refused!.Message, Is.EqualTo($"{Location()} has a callbacks table that is not a callback store's (no callback_schema_version table); use another database or schema."));
        Assert.That(_schema.Scalar("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'callbacks'"), Is.EqualTo(1L));
    }

    [Test]
    public void AReferenceAlreadyInTheStore_IsRefusedInOneLine()
    {
        var store = Server();
        store.Schedule(Request(1));

        var refused = Assert.Throws<CallbackStoreException>(() => store.Schedule(Request(1, phone: "+12025550199")));

        Assert.That(refused!.Message, Is.EqualTo($"callback {Request(1).Reference} is already in the callback store {Location()}."));
    }

    [Test]
    public void AWrongPassword_IsRefusedInOneLine_WithoutThePassword()
    {
        var wrong = new NpgsqlConnectionStringBuilder(_schema.ConnectionString) { Password = "not-the-password" };
        using var store = new PostgresCallbackStore(PostgresConnection.Parse(wrong.ConnectionString));

        var fault = Assert.Throws<CallbackStoreException>(store.EnsureReady);

        Assert.That(fault!.Message, Is.EqualTo($"the callback store {store.Location} refused the login: password authentication failed for user \"{wrong.Username}\"."));
    }

    [Test]
    public void ADatabaseThatDoesNotExist_IsOneLine()
    {
        var missing = new NpgsqlConnectionStringBuilder(_schema.ConnectionString) { Database = "ivr_no_such_database" };
        using var store = new PostgresCallbackStore(PostgresConnection.Parse(missing.ConnectionString));

        var fault = Assert.Throws<CallbackStoreException>(() => store.List());

        Assert.That(fault!.Message, Is.EqualTo($"the callback store {store.Location} cannot be opened: database \"ivr_no_such_database\" does not exist (create it, or name another database)."));
    }

    private string Location() => PostgresConnection.Parse(_schema.ConnectionString).Display;
}
