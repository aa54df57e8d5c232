using IvrEngine.Callbacks;
using IvrEngine.Calls;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace IvrEngine.Hosting.Callbacks;

/// <summary>
/// Callbacks in a PostgreSQL database, shared by any number of servers: the same contract as the
/// SQLite file (<see cref="SqliteCallbackStore"/>), for lines served from several machines. Tables are
/// created and upgraded on first use (<c>callback_schema_version</c>), under an advisory lock so
/// servers starting together migrate once. Every write is one committed transaction: when
/// <see cref="Schedule"/> returns, the callback is on the server.
/// </summary>
/// <remarks>
/// <para>
/// Claims lock the due rows with <c>SELECT … FOR UPDATE SKIP LOCKED</c> and stamp a lease in the same
/// transaction: two dialers claiming at once, on any servers, never get the same callback (each skips
/// the rows the other holds), and a claim whose lease lapsed (its dialer died) is claimable again.
/// Writes a dialer makes are fenced by its lease (the row is locked while the owner is checked).
/// Leases are stamped with the dialer's clock (<c>now</c> as given), not the server's: the engine's one
/// time source, virtual in tests; servers sharing a store need clocks in step (NTP), as for any lease.
/// </para>
/// <para>
/// Thread-safe: every operation takes a pooled connection. Every failure surfaces as a
/// <see cref="CallbackStoreException"/> in one line naming the server and database, never the password.
/// </para>
/// </remarks>
public sealed class PostgresCallbackStore : IDurableCallbackStore, IDisposable
{
    /// <summary>The schema this code writes (PostgreSQL's own numbering; it started with every column SQLite version 3 has).</summary>
    public const int SchemaVersion = 1;

    private const string Columns = "reference, queue, phone, kind, locale, requested_at, due_at, expires_at, state, attempts, next_attempt_at, last_result, lease_until, lease_owner, line, cancelled_at, cancelled_by, joined_at";

    /// <summary>Serializes schema changes between servers starting at once (an arbitrary, fixed key).</summary>
    private const long MigrationLock = 0x1_7CA1_1BAC;

    /// <summary>A line's callbacks, and those stored with no line whose queue it has; every callback when no line is given.</summary>
    private const string LineFilter = "(@line IS NULL OR line = @line OR (line IS NULL AND queue = ANY(@queues)))";

    /// <summary>A line's pending virtual-hold callbacks whose caller's place was still kept in line: never dialed, or waiting for the place.</summary>
    private const string KeptPlaceFilter = $"state = 'Pending' AND kind = 'VirtualHold' AND (next_attempt_at IS NULL OR last_result = @kept) AND {LineFilter}";

    private readonly NpgsqlDataSource _source;
    private readonly bool _readOnly;
    private volatile bool _ready;

    /// <summary>The store on the server <paramref name="connection"/> names, its tables created (and upgraded) on first use.</summary>
    public PostgresCallbackStore(PostgresConnection connection)
        : this(connection, readOnly: false)
    {
    }

    private PostgresCallbackStore(PostgresConnection connection, bool readOnly)
    {
        _readOnly = readOnly;
        Location = connection.Display;
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        // Reading for people (ivr callbacks list): the server itself refuses any write.
        if (readOnly) builder.Options = $"{builder.Options} -c default_transaction_read_only=on".Trim();
        _source = NpgsqlDataSource.Create(builder);
    }

    public string Location { get; }

    /// <summary>The store for reading only: no table is created, upgraded or written; a database without the tables reads as an empty store.</summary>
    public static PostgresCallbackStore OpenReadOnly(PostgresConnection connection) => new(connection, readOnly: true);

    public void EnsureReady()
    {
        using var connection = Open();
    }

    public bool Exists()
    {
        // Looks without creating: a writable store would make its tables on the first Run.
        try
        {
            using var connection = Connect();
            return VersionOf(connection, null) is not null;
        }
        catch (NpgsqlException exception)
        {
            throw PostgresStoreFaults.Describe(exception, Location);
        }
    }

    public CallbackRequest Schedule(CallbackRequest request) => Run(connection =>
    {
        // The unique index on open callbacks decides between servers booking the same number at once:
        // the one whose insert loses returns the winner's callback (one promise, one reference).
        for (var tries = 0; ; tries++)
        {
            using var insert = Command(connection, null,
                $"""
                INSERT INTO callbacks ({Columns}) VALUES (@reference, @queue, @phone, @kind, @locale, @requested, @due, @expires, @state, @attempts, @next, @result, @lease, @owner, @line, @cancelledAt, @cancelledBy, @joined)
                ON CONFLICT ((COALESCE(line, '')), phone, queue) WHERE state IN ('Pending', 'Dialing') DO NOTHING
                """,
                Parameters(request));
            if (Duplicate(() => insert.ExecuteNonQuery(), request.Reference) == 1) return request;
            var existing = Query(connection, null,
                $"SELECT {Columns} FROM callbacks WHERE COALESCE(line, '') = COALESCE(@line, '') AND phone = @phone AND queue = @queue AND state IN ('Pending', 'Dialing') LIMIT 1",
                Text("line", request.Line), Text("phone", request.PhoneNumber), Text("queue", request.Queue));
            if (existing.Count > 0) return existing[0];
            // The open one was settled between the two statements: book again.
            if (tries >= 3) throw new CallbackStoreException($"the callback store {Location} kept changing while callback {request.Reference} was booked; try again.");
        }
    });

    public CallbackRequest? Find(ReferenceNumber reference) => Read(connection =>
        Query(connection, null, $"SELECT {Columns} FROM callbacks WHERE reference = @reference", Text("reference", reference.ToString())).FirstOrDefault(), null);

    public IReadOnlyList<CallbackRequest> List(CallbackState? state = null) => Read<IReadOnlyList<CallbackRequest>>(connection => state is { } only
        ? Query(connection, null, $"SELECT {Columns} FROM callbacks WHERE state = @state ORDER BY seq", Text("state", only.ToString()))
        : Query(connection, null, $"SELECT {Columns} FROM callbacks ORDER BY seq"), []);

    public IReadOnlyList<CallbackRequest> ClaimDue(Instant now, string owner, Duration lease, int max, CallbackLine? line = null) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction();
        // Rows another dialer is claiming right now are skipped, not waited for; once its claim commits
        // they are Dialing under its lease, and PostgreSQL re-checks a locked row's WHERE on its newest
        // version, so no two dialers ever hold one callback.
        var claimed = Query(connection, transaction,
            $"""
            WITH due AS (
                SELECT reference FROM callbacks
                WHERE ((state = 'Pending' AND due_at <= @now AND (next_attempt_at IS NULL OR next_attempt_at <= @now) AND expires_at > @now)
                       OR (state = 'Dialing' AND lease_until <= @now AND expires_at > @now))
                  AND {LineFilter}
                ORDER BY due_at, seq
                LIMIT @max
                FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE callbacks c SET state = 'Dialing', lease_until = @until, lease_owner = @owner
                FROM due WHERE c.reference = due.reference
                RETURNING c.seq, {string.Join(", ", Columns.Split(", ").Select(column => $"c.{column}"))})
            SELECT {Columns} FROM claimed ORDER BY due_at, seq
            """,
            [Time("now", now), Integer("max", Math.Max(max, 0)), Time("until", now + lease), Text("owner", owner), .. LineParameters(line)]);
        transaction.Commit();
        return claimed;
    });

    public bool RecordAttempt(CallbackAttempt attempt, CallbackState state, string? owner = null, Instant? nextAttemptAt = null) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction();
        // The fence: the row stays locked from this check to the commit, so no claim slips in between.
        using (var holder = Command(connection, transaction, "SELECT lease_owner FROM callbacks WHERE reference = @reference FOR UPDATE", [Text("reference", attempt.Reference.ToString())]))
        {
            var current = holder.ExecuteScalar();
            if (current is null || (owner is not null && !Equals(current as string, owner))) return false;
        }
        Execute(connection, transaction, "INSERT INTO callback_attempts (reference, number, at, result, detail) VALUES (@reference, @number, @at, @result, @detail)",
            Text("reference", attempt.Reference.ToString()), Integer("number", attempt.Number), Time("at", attempt.At), Text("result", attempt.Result), Text("detail", attempt.Detail));
        Execute(connection, transaction,
            // A dialer still retrying keeps its lease (and the callback stays claimable if it dies).
            """
            UPDATE callbacks SET state = @state, attempts = @number, next_attempt_at = @next, last_result = @result,
                lease_until = CASE WHEN @state IN ('Dialing', 'Connected') THEN lease_until END,
                lease_owner = CASE WHEN @state IN ('Dialing', 'Connected') THEN lease_owner END
            WHERE reference = @reference
            """,
            Text("state", state.ToString()), Integer("number", attempt.Number), Time("next", nextAttemptAt), Text("result", attempt.Result), Text("reference", attempt.Reference.ToString()));
        transaction.Commit();
        return true;
    });

    public void SetState(ReferenceNumber reference, CallbackState state, string? result = null) => Run(connection => Execute(connection, null,
        "UPDATE callbacks SET state = @state, last_result = COALESCE(@result, last_result), lease_until = NULL, lease_owner = NULL WHERE reference = @reference",
        Text("state", state.ToString()), Text("result", result), Text("reference", reference.ToString())));

    public void MakeDue(ReferenceNumber reference, Instant now) => Run(connection => Execute(connection, null,
        "UPDATE callbacks SET due_at = LEAST(due_at, @now), next_attempt_at = NULL WHERE reference = @reference AND state = 'Pending'",
        Time("now", now), Text("reference", reference.ToString())));

    public int RenewLeases(string owner, Instant until) => Run(connection => Execute(connection, null,
        "UPDATE callbacks SET lease_until = @until WHERE lease_owner = @owner AND state IN ('Dialing', 'Connected')",
        Time("until", until), Text("owner", owner)));

    public int SettleOrphans(Instant now) => Run(connection => Execute(connection, null,
        "UPDATE callbacks SET state = 'Completed', last_result = 'put through; the line restarted during the call', lease_until = NULL, lease_owner = NULL WHERE state = 'Connected' AND lease_until <= @now",
        Time("now", now)));

    public bool Postpone(ReferenceNumber reference, Instant until, string reason, string? owner = null) => Run(connection => Execute(connection, null,
        "UPDATE callbacks SET state = 'Pending', next_attempt_at = @until, last_result = @reason, lease_until = NULL, lease_owner = NULL WHERE reference = @reference AND (@owner IS NULL OR lease_owner = @owner)",
        Time("until", until), Text("reason", reason), Text("reference", reference.ToString()), Text("owner", owner)) == 1);

    public bool Cancel(ReferenceNumber reference, Instant at, string by) => Run(connection => Execute(connection, null,
        "UPDATE callbacks SET state = 'Cancelled', lease_until = NULL, lease_owner = NULL, cancelled_at = @at, cancelled_by = @by WHERE reference = @reference AND state = 'Pending'",
        Text("reference", reference.ToString()), Time("at", at), Text("by", by)) == 1);

    public int ExpireDue(Instant now) => Run(connection => Execute(connection, null,
        """
        UPDATE callbacks SET state = 'Expired', last_result = 'expired', lease_until = NULL, lease_owner = NULL
        WHERE expires_at <= @now AND (state = 'Pending' OR (state = 'Dialing' AND lease_until <= @now))
        """,
        Time("now", now)));

    public int ReleaseLeases(string owner) => Run(connection => Execute(connection, null,
        "UPDATE callbacks SET state = 'Pending', lease_until = NULL, lease_owner = NULL WHERE state = 'Dialing' AND lease_owner = @owner", Text("owner", owner)));

    public IReadOnlyList<CallbackRequest> KeptPlaces(CallbackLine line) => Run(connection => Query(connection, null,
        $"SELECT {Columns} FROM callbacks WHERE {KeptPlaceFilter} AND joined_at IS NOT NULL AND attempts = 0 ORDER BY joined_at, seq",
        [Text("kept", CallbackReasons.PlaceKept), .. LineParameters(line)]));

    public int MakeKeptPlacesDue(CallbackLine line, Instant now, IReadOnlyCollection<ReferenceNumber> restored) => Run(connection => Execute(connection, null,
        $"""
        UPDATE callbacks SET due_at = LEAST(due_at, @now), next_attempt_at = NULL, last_result = @lost
        WHERE {KeptPlaceFilter} AND reference <> ALL(@restored)
        """,
        [Time("now", now), Text("lost", CallbackReasons.PlaceLost), Text("kept", CallbackReasons.PlaceKept),
         Texts("restored", [.. restored.Select(r => r.ToString())]), .. LineParameters(line)]));

    public IReadOnlyList<CallbackAttempt> Attempts(ReferenceNumber reference) => Read<IReadOnlyList<CallbackAttempt>>(connection =>
    {
        using var command = Command(connection, null, "SELECT number, at, result, detail FROM callback_attempts WHERE reference = @reference ORDER BY number", [Text("reference", reference.ToString())]);
        using var reader = command.ExecuteReader();
        var attempts = new List<CallbackAttempt>();
        while (reader.Read())
        {
            attempts.Add(new CallbackAttempt(reference, reader.GetInt32(0), InstantAt(reader, 1)!.Value, reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return attempts;
    }, []);

    public void Dispose() => _source.Dispose();

    public override string ToString() => $"PostgreSQL callback store {Location["PostgreSQL ".Length..]}";

    /// <summary>Runs <paramref name="work"/> on a connection to a ready store; a failure becomes one line naming the store.</summary>
    private T Run<T>(Func<NpgsqlConnection, T> work)
    {
        try
        {
            using var connection = Open();
            return work(connection);
        }
        catch (NpgsqlException exception)
        {
            throw PostgresStoreFaults.Describe(exception, Location);
        }
    }

    private void Run(Action<NpgsqlConnection> work) => Run(connection =>
    {
        work(connection);
        return true;
    });

    /// <summary>As <see cref="Run{T}"/>, but read-only a database without the tables reads as <paramref name="empty"/> (nothing is created).</summary>
    private T Read<T>(Func<NpgsqlConnection, T> work, T empty)
    {
        if (!_readOnly) return Run(work);
        try
        {
            using var connection = Connect();
            return VersionOf(connection, null) is null ? empty : work(connection);
        }
        catch (NpgsqlException exception)
        {
            throw PostgresStoreFaults.Describe(exception, Location);
        }
    }

    /// <summary>A connection to the store, its tables created and upgraded on first use (read-only: checked, never changed).</summary>
    private NpgsqlConnection Open()
    {
        if (!_ready)
        {
            if (_readOnly)
            {
                using var check = Connect();
                if (VersionOf(check, null) is null) throw new CallbackStoreException($"there is no callback store in {Location} (no callback tables); it was opened read-only and is not changed.");
            }
            else
            {
                Migrate();
            }
            _ready = true;
        }
        return Connect();
    }

    private NpgsqlConnection Connect()
    {
        try
        {
            return _source.OpenConnection();
        }
        catch (NpgsqlException exception)
        {
            throw PostgresStoreFaults.Describe(exception, Location);
        }
    }

    /// <summary>The schema version; null when the database has no callback tables yet. Refuses a newer schema, and a <c>callbacks</c> table that is not a store's.</summary>
    private int? VersionOf(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var tables = Command(connection, transaction, "SELECT to_regclass('callback_schema_version') IS NOT NULL, to_regclass('callbacks') IS NOT NULL", []);
        using (var reader = tables.ExecuteReader())
        {
            reader.Read();
            if (!reader.GetBoolean(0))
            {
                if (reader.GetBoolean(1)) throw new CallbackStoreException($"{Location} has a callbacks table that is not a callback store's (no callback_schema_version table); use another database or schema.");
                return null;
            }
        }
        using var read = Command(connection, transaction, "SELECT MAX(version) FROM callback_schema_version", []);
        var version = read.ExecuteScalar() is int v ? v : 0;
        if (version > SchemaVersion)
        {
            throw new CallbackStoreException($"the callback store {Location} has schema version {version}; this ivr knows up to {SchemaVersion}. Use a newer ivr.");
        }
        return version;
    }

    private void Migrate()
    {
        try
        {
            using var connection = Connect();
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", new NpgsqlParameter("key", NpgsqlDbType.Bigint) { Value = MigrationLock });
            var version = VersionOf(connection, transaction) ?? 0;
            if (version < 1)
            {
                Execute(connection, transaction, """
                    CREATE TABLE callback_schema_version (version integer NOT NULL);
                    CREATE TABLE callbacks (
                        seq bigint GENERATED ALWAYS AS IDENTITY,
                        reference text PRIMARY KEY,
                        queue text NOT NULL,
                        phone text NOT NULL,
                        kind text NOT NULL,
                        locale text NOT NULL,
                        requested_at timestamptz NOT NULL,
                        due_at timestamptz NOT NULL,
                        expires_at timestamptz NOT NULL,
                        state text NOT NULL CHECK (state IN ('Pending', 'Dialing', 'Connected', 'Completed', 'Failed', 'Expired', 'Cancelled')),
                        attempts integer NOT NULL DEFAULT 0,
                        next_attempt_at timestamptz,
                        last_result text,
                        lease_until timestamptz,
                        lease_owner text,
                        line text,
                        cancelled_at timestamptz,
                        cancelled_by text,
                        joined_at timestamptz);
                    CREATE INDEX callbacks_due ON callbacks (state, due_at);
                    CREATE INDEX callbacks_lease_owner ON callbacks (lease_owner) WHERE lease_owner IS NOT NULL;
                    CREATE UNIQUE INDEX callbacks_one_open_per_number ON callbacks ((COALESCE(line, '')), phone, queue) WHERE state IN ('Pending', 'Dialing');
                    CREATE TABLE callback_attempts (
                        reference text NOT NULL REFERENCES callbacks (reference),
                        number integer NOT NULL,
                        at timestamptz NOT NULL,
                        result text NOT NULL,
                        detail text,
                        PRIMARY KEY (reference, number));
                    INSERT INTO callback_schema_version (version) VALUES (1);
                    """);
            }
            transaction.Commit();
        }
        catch (NpgsqlException exception)
        {
            throw PostgresStoreFaults.Describe(exception, Location);
        }
    }

    /// <summary>A reference already in the store is refused, never overwritten, as SQLite's primary key does.</summary>
    private int Duplicate(Func<int> insert, ReferenceNumber reference)
    {
        try
        {
            return insert();
        }
        catch (PostgresException exception) when (exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "callbacks_pkey" })
        {
            throw new CallbackStoreException($"callback {reference} is already in the callback store {Location}.", exception);
        }
    }

    private static NpgsqlParameter[] Parameters(CallbackRequest r) =>
    [
        Text("reference", r.Reference.ToString()), Text("queue", r.Queue), Text("phone", r.PhoneNumber), Text("kind", r.Kind.ToString()), Text("locale", r.Locale),
        Time("requested", r.RequestedAt), Time("due", r.DueAt), Time("expires", r.ExpiresAt), Text("state", r.State.ToString()),
        Integer("attempts", r.Attempts), Time("next", r.NextAttemptAt), Text("result", r.LastResult), Time("lease", r.LeaseUntil), Text("owner", r.LeaseOwner),
        Text("line", r.Line), Time("cancelledAt", r.CancelledAt), Text("cancelledBy", r.CancelledBy), Time("joined", r.JoinedAt),
    ];

    private static NpgsqlParameter[] LineParameters(CallbackLine? line) => [Text("line", line?.Name), Texts("queues", line is null ? [] : [.. line.Queues])];

    private static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Texts(string name, string[] values) => new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values };

    private static NpgsqlParameter Integer(string name, int value) => new(name, NpgsqlDbType.Integer) { Value = value };

    private static NpgsqlParameter Time(string name, Instant? value) => new(name, NpgsqlDbType.TimestampTz) { Value = value is { } instant ? instant.ToDateTimeUtc() : DBNull.Value };

    private static Instant? InstantAt(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    private static List<CallbackRequest> Query(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params NpgsqlParameter[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<CallbackRequest>();
        while (reader.Read())
        {
            ReferenceNumber.TryParse(reader.GetString(0), out var reference);
            rows.Add(new CallbackRequest(
                reference,
                reader.GetString(1),
                reader.GetString(2),
                Enum.Parse<CallbackKind>(reader.GetString(3)),
                reader.GetString(4),
                InstantAt(reader, 5)!.Value,
                InstantAt(reader, 6)!.Value,
                InstantAt(reader, 7)!.Value,
                Enum.Parse<CallbackState>(reader.GetString(8)),
                reader.GetInt32(9),
                InstantAt(reader, 10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                InstantAt(reader, 12),
                reader.IsDBNull(13) ? null : reader.GetString(13),
                reader.IsDBNull(14) ? null : reader.GetString(14),
                InstantAt(reader, 15),
                reader.IsDBNull(16) ? null : reader.GetString(16),
                InstantAt(reader, 17)));
        }
        return rows;
    }

    private static int Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params NpgsqlParameter[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
