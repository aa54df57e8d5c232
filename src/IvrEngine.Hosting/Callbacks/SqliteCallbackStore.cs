using System.Globalization;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace IvrEngine.Hosting.Callbacks;

/// <summary>
/// Callbacks in a SQLite file, created on first use. Each write is one transaction committed with
/// <c>synchronous=FULL</c> in WAL mode, so a callback the line confirmed survives the process
/// being killed the next instant. Claims take a lease under <c>BEGIN IMMEDIATE</c>, so two
/// dialers (or a restarted one) never dial the same callback at once.
/// </summary>
/// <remarks>Thread-safe: every operation uses its own pooled connection.</remarks>
public sealed class SqliteCallbackStore : ICallbackStore
{
    /// <summary>The schema this code writes; older files are upgraded on open.</summary>
    public const int SchemaVersion = 1;

    private const string Columns = "reference, queue, phone, kind, locale, requested_at, due_at, expires_at, state, attempts, next_attempt_at, last_result, lease_until, lease_owner";

    private readonly string _connectionString;
    private volatile bool _ready;

    public SqliteCallbackStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public string Path { get; }

    public CallbackRequest Schedule(CallbackRequest request)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var existing = Query(connection, transaction,
            $"SELECT {Columns} FROM callbacks WHERE phone = $phone AND queue = $queue AND state IN ('Pending', 'Dialing') LIMIT 1",
            ("$phone", request.PhoneNumber), ("$queue", request.Queue));
        if (existing.Count > 0) return existing[0];

        Execute(connection, transaction,
            $"INSERT INTO callbacks ({Columns}) VALUES ($reference, $queue, $phone, $kind, $locale, $requested, $due, $expires, $state, $attempts, $next, $result, $lease, $owner)",
            Parameters(request));
        transaction.Commit();
        return request;
    }

    public CallbackRequest? Find(ReferenceNumber reference)
    {
        using var connection = Open();
        return Query(connection, null, $"SELECT {Columns} FROM callbacks WHERE reference = $reference", ("$reference", reference.ToString())).FirstOrDefault();
    }

    public IReadOnlyList<CallbackRequest> List(CallbackState? state = null)
    {
        using var connection = Open();
        return state is { } only
            ? Query(connection, null, $"SELECT {Columns} FROM callbacks WHERE state = $state ORDER BY rowid", ("$state", only.ToString()))
            : Query(connection, null, $"SELECT {Columns} FROM callbacks ORDER BY rowid");
    }

    public IReadOnlyList<CallbackRequest> ClaimDue(Instant now, string owner, Duration lease, int max)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var due = Query(connection, transaction,
            $"""
            SELECT {Columns} FROM callbacks
            WHERE (state = 'Pending' AND due_at <= $now AND (next_attempt_at IS NULL OR next_attempt_at <= $now) AND expires_at > $now)
               OR (state = 'Dialing' AND lease_until <= $now)
            ORDER BY due_at, rowid LIMIT $max
            """,
            ("$now", Millis(now)), ("$max", max));
        var until = now + lease;
        foreach (var request in due)
        {
            Execute(connection, transaction, "UPDATE callbacks SET state = 'Dialing', lease_until = $until, lease_owner = $owner WHERE reference = $reference",
                ("$until", Millis(until)), ("$owner", owner), ("$reference", request.Reference.ToString()));
        }
        transaction.Commit();
        return [.. due.Select(r => r with { State = CallbackState.Dialing, LeaseUntil = until, LeaseOwner = owner })];
    }

    public bool RecordAttempt(CallbackAttempt attempt, CallbackState state, string? owner = null, Instant? nextAttemptAt = null)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        if (owner is not null && !HoldsLease(connection, transaction, attempt.Reference, owner)) return false;
        Execute(connection, transaction, "INSERT INTO attempts (reference, number, at, result, detail) VALUES ($reference, $number, $at, $result, $detail)",
            ("$reference", attempt.Reference.ToString()), ("$number", attempt.Number), ("$at", Millis(attempt.At)), ("$result", attempt.Result), ("$detail", attempt.Detail));
        Execute(connection, transaction,
            // A dialer still retrying keeps its lease (and the callback stays claimable if it dies).
            """
            UPDATE callbacks SET state = $state, attempts = $number, next_attempt_at = $next, last_result = $result,
                lease_until = CASE WHEN $state IN ('Dialing', 'Connected') THEN lease_until END,
                lease_owner = CASE WHEN $state IN ('Dialing', 'Connected') THEN lease_owner END
            WHERE reference = $reference
            """,
            ("$state", state.ToString()), ("$number", attempt.Number), ("$next", nextAttemptAt is { } next ? Millis(next) : null),
            ("$result", attempt.Result), ("$reference", attempt.Reference.ToString()));
        transaction.Commit();
        return true;
    }

    /// <summary>The fence: a dialer writes only while the callback's lease is still its own.</summary>
    private static bool HoldsLease(SqliteConnection connection, SqliteTransaction transaction, ReferenceNumber reference, string owner)
    {
        using var command = Command(connection, transaction, "SELECT lease_owner FROM callbacks WHERE reference = $reference", [("$reference", reference.ToString())]);
        return command.ExecuteScalar() is string current && current == owner;
    }

    public void SetState(ReferenceNumber reference, CallbackState state, string? result = null)
    {
        using var connection = Open();
        Execute(connection, null, "UPDATE callbacks SET state = $state, last_result = COALESCE($result, last_result), lease_until = NULL, lease_owner = NULL WHERE reference = $reference",
            ("$state", state.ToString()), ("$result", result), ("$reference", reference.ToString()));
    }

    public void MakeDue(ReferenceNumber reference, Instant now)
    {
        using var connection = Open();
        Execute(connection, null, "UPDATE callbacks SET due_at = MIN(due_at, $now), next_attempt_at = NULL WHERE reference = $reference AND state = 'Pending'",
            ("$now", Millis(now)), ("$reference", reference.ToString()));
    }

    public int RenewLeases(string owner, Instant until)
    {
        using var connection = Open();
        return Execute(connection, null, "UPDATE callbacks SET lease_until = $until WHERE lease_owner = $owner AND state IN ('Dialing', 'Connected')",
            ("$until", Millis(until)), ("$owner", owner));
    }

    public int SettleOrphans(Instant now)
    {
        using var connection = Open();
        return Execute(connection, null,
            "UPDATE callbacks SET state = 'Completed', last_result = 'put through; the line restarted during the call', lease_until = NULL, lease_owner = NULL WHERE state = 'Connected' AND lease_until <= $now",
            ("$now", Millis(now)));
    }

    public bool Postpone(ReferenceNumber reference, Instant until, string reason, string? owner = null)
    {
        using var connection = Open();
        return Execute(connection, null,
            "UPDATE callbacks SET state = 'Pending', next_attempt_at = $until, last_result = $reason, lease_until = NULL, lease_owner = NULL WHERE reference = $reference AND ($owner IS NULL OR lease_owner = $owner)",
            ("$until", Millis(until)), ("$reason", reason), ("$reference", reference.ToString()), ("$owner", owner)) == 1;
    }

    public bool Cancel(ReferenceNumber reference)
    {
        using var connection = Open();
        return Execute(connection, null, "UPDATE callbacks SET state = 'Cancelled', lease_until = NULL, lease_owner = NULL WHERE reference = $reference AND state = 'Pending'",
            ("$reference", reference.ToString())) == 1;
    }

    public int ExpireDue(Instant now)
    {
        using var connection = Open();
        return Execute(connection, null, "UPDATE callbacks SET state = 'Expired', last_result = 'expired' WHERE state = 'Pending' AND expires_at <= $now", ("$now", Millis(now)));
    }

    public IReadOnlyList<CallbackAttempt> Attempts(ReferenceNumber reference)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT number, at, result, detail FROM attempts WHERE reference = $reference ORDER BY number";
        command.Parameters.AddWithValue("$reference", reference.ToString());
        using var reader = command.ExecuteReader();
        var attempts = new List<CallbackAttempt>();
        while (reader.Read())
        {
            attempts.Add(new CallbackAttempt(reference, reader.GetInt32(0), Instant.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return attempts;
    }

    /// <summary>
    /// A connection to the file, creating and upgrading it on first use: a line that never books a
    /// callback leaves no file behind.
    /// </summary>
    private SqliteConnection Open()
    {
        if (!_ready)
        {
            var folder = System.IO.Path.GetDirectoryName(Path);
            if (folder is not null) Directory.CreateDirectory(folder);
            Migrate();
            _ready = true;
        }
        return Connect();
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // FULL: a commit reaches the disk before the caller is told "we will call you back".
        pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private void Migrate()
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT MAX(version) FROM schema_version";
            var version = read.ExecuteScalar() is long v ? (int)v : 0;
            if (version > SchemaVersion)
            {
                throw new InvalidOperationException($"The callback store {Path} has schema version {version}; this program knows up to {SchemaVersion}. Use a newer ivr.");
            }
            if (version < 1)
            {
                Execute(connection, transaction, """
                    CREATE TABLE callbacks (
                        reference TEXT PRIMARY KEY,
                        queue TEXT NOT NULL,
                        phone TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        locale TEXT NOT NULL,
                        requested_at INTEGER NOT NULL,
                        due_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL,
                        state TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at INTEGER,
                        last_result TEXT,
                        lease_until INTEGER,
                        lease_owner TEXT);
                    CREATE INDEX callbacks_due ON callbacks (state, due_at);
                    CREATE UNIQUE INDEX callbacks_one_open_per_number ON callbacks (phone, queue) WHERE state IN ('Pending', 'Dialing');
                    CREATE TABLE attempts (
                        reference TEXT NOT NULL REFERENCES callbacks (reference),
                        number INTEGER NOT NULL,
                        at INTEGER NOT NULL,
                        result TEXT NOT NULL,
                        detail TEXT,
                        PRIMARY KEY (reference, number));
                    INSERT INTO schema_version (version) VALUES (1);
                    """);
            }
        }
        transaction.Commit();
        Execute(connection, null, "PRAGMA journal_mode = WAL");
    }

    private static (string, object?)[] Parameters(CallbackRequest r) =>
    [
        ("$reference", r.Reference.ToString()), ("$queue", r.Queue), ("$phone", r.PhoneNumber), ("$kind", r.Kind.ToString()), ("$locale", r.Locale),
        ("$requested", Millis(r.RequestedAt)), ("$due", Millis(r.DueAt)), ("$expires", Millis(r.ExpiresAt)), ("$state", r.State.ToString()),
        ("$attempts", r.Attempts), ("$next", r.NextAttemptAt is { } next ? Millis(next) : null), ("$result", r.LastResult),
        ("$lease", r.LeaseUntil is { } lease ? Millis(lease) : null), ("$owner", r.LeaseOwner),
    ];

    private static List<CallbackRequest> Query(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
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
                Instant.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                Instant.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                Instant.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                Enum.Parse<CallbackState>(reader.GetString(8)),
                reader.GetInt32(9),
                reader.IsDBNull(10) ? null : Instant.FromUnixTimeMilliseconds(reader.GetInt64(10)),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : Instant.FromUnixTimeMilliseconds(reader.GetInt64(12)),
                reader.IsDBNull(13) ? null : reader.GetString(13)));
        }
        return rows;
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static long Millis(Instant instant) => instant.ToUnixTimeMilliseconds();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SQLite callback store {Path}");
}
