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
/// <remarks>
/// Thread-safe: every operation uses its own pooled connection. Every failure surfaces as a
/// <see cref="CallbackStoreException"/> whose message names the file and what is wrong with it.
/// </remarks>
public sealed class SqliteCallbackStore : IDurableCallbackStore
{
    /// <summary>The schema this code writes; older files are upgraded on open (version 2 added the line and who cancelled, version 3 when a virtual-hold caller joined the queue).</summary>
    public const int SchemaVersion = 3;

    private const string Columns = "reference, queue, phone, kind, locale, requested_at, due_at, expires_at, state, attempts, next_attempt_at, last_result, lease_until, lease_owner, line, cancelled_at, cancelled_by, joined_at";

    // An older file opened read-only is not upgraded: the columns it lacks read as null.
    private const string ColumnsV1 = "reference, queue, phone, kind, locale, requested_at, due_at, expires_at, state, attempts, next_attempt_at, last_result, lease_until, lease_owner, NULL, NULL, NULL, NULL";
    private const string ColumnsV2 = "reference, queue, phone, kind, locale, requested_at, due_at, expires_at, state, attempts, next_attempt_at, last_result, lease_until, lease_owner, line, cancelled_at, cancelled_by, NULL";

    private readonly string _connectionString;
    private readonly bool _readOnly;
    private volatile bool _ready;
    private string _columns = Columns;

    /// <summary>The store in <paramref name="path"/>, created (and upgraded) on first use.</summary>
    public SqliteCallbackStore(string path)
        : this(path, readOnly: false)
    {
    }

    private SqliteCallbackStore(string path, bool readOnly)
    {
        Path = System.IO.Path.GetFullPath(path);
        _readOnly = readOnly;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Pooling = true,
            DefaultTimeout = 30,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        }.ToString();
    }

    public string Path { get; }

    public string Location => Path;

    public bool Exists() => File.Exists(Path);

    /// <summary>
    /// The store in <paramref name="path"/> for reading only: nothing is created, upgraded or written,
    /// so listing works on a read-only file, and a file that is no store is left as it was. A file
    /// with no tables reads as an empty store; any write throws.
    /// </summary>
    public static SqliteCallbackStore OpenReadOnly(string path) => new(path, readOnly: true);

    /// <summary>Opens the file now (creating and upgrading it unless read-only), so a store that cannot work fails at start, not at the first booking.</summary>
    /// <exception cref="CallbackStoreException">The file cannot be used, and why.</exception>
    public void EnsureReady()
    {
        using var connection = Open();
    }

    public CallbackRequest Schedule(CallbackRequest request)
    {
        using var connection = Open();
        using var transaction = Guard(() => connection.BeginTransaction(deferred: false));
        var existing = Query(connection, transaction,
            $"SELECT {_columns} FROM callbacks WHERE line IS $line AND phone = $phone AND queue = $queue AND state IN ('Pending', 'Dialing') LIMIT 1",
            ("$line", request.Line), ("$phone", request.PhoneNumber), ("$queue", request.Queue));
        if (existing.Count > 0) return existing[0];

        Execute(connection, transaction,
            $"INSERT INTO callbacks ({Columns}) VALUES ($reference, $queue, $phone, $kind, $locale, $requested, $due, $expires, $state, $attempts, $next, $result, $lease, $owner, $line, $cancelledAt, $cancelledBy, $joined)",
            Parameters(request));
        Guard(transaction.Commit);
        return request;
    }

    public CallbackRequest? Find(ReferenceNumber reference)
    {
        using var connection = OpenOrEmpty();
        if (connection is null) return null;
        return Query(connection, null, $"SELECT {_columns} FROM callbacks WHERE reference = $reference", ("$reference", reference.ToString())).FirstOrDefault();
    }

    public IReadOnlyList<CallbackRequest> List(CallbackState? state = null)
    {
        using var connection = OpenOrEmpty();
        if (connection is null) return [];
        return state is { } only
            ? Query(connection, null, $"SELECT {_columns} FROM callbacks WHERE state = $state ORDER BY rowid", ("$state", only.ToString()))
            : Query(connection, null, $"SELECT {_columns} FROM callbacks ORDER BY rowid");
    }

    public IReadOnlyList<CallbackRequest> ClaimDue(Instant now, string owner, Duration lease, int max, CallbackLine? line = null)
    {
        using var connection = Open();
        using var transaction = Guard(() => connection.BeginTransaction(deferred: false));
        var due = Query(connection, transaction,
            $"""
            SELECT {_columns} FROM callbacks
            WHERE ((state = 'Pending' AND due_at <= $now AND (next_attempt_at IS NULL OR next_attempt_at <= $now) AND expires_at > $now)
                   OR (state = 'Dialing' AND lease_until <= $now AND expires_at > $now))
              AND {LineFilter}
            ORDER BY due_at, rowid LIMIT $max
            """,
            [("$now", Millis(now)), ("$max", max), .. LineParameters(line)]);
        var until = now + lease;
        foreach (var request in due)
        {
            Execute(connection, transaction, "UPDATE callbacks SET state = 'Dialing', lease_until = $until, lease_owner = $owner WHERE reference = $reference",
                ("$until", Millis(until)), ("$owner", owner), ("$reference", request.Reference.ToString()));
        }
        Guard(transaction.Commit);
        return [.. due.Select(r => r with { State = CallbackState.Dialing, LeaseUntil = until, LeaseOwner = owner })];
    }

    public bool RecordAttempt(CallbackAttempt attempt, CallbackState state, string? owner = null, Instant? nextAttemptAt = null)
    {
        using var connection = Open();
        using var transaction = Guard(() => connection.BeginTransaction(deferred: false));
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
        Guard(transaction.Commit);
        return true;
    }

    /// <summary>The fence: a dialer writes only while the callback's lease is still its own.</summary>
    private bool HoldsLease(SqliteConnection connection, SqliteTransaction transaction, ReferenceNumber reference, string owner)
    {
        using var command = Command(connection, transaction, "SELECT lease_owner FROM callbacks WHERE reference = $reference", [("$reference", reference.ToString())]);
        return Guard(command.ExecuteScalar) is string current && current == owner;
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

    public bool Cancel(ReferenceNumber reference, Instant at, string by)
    {
        using var connection = Open();
        return Execute(connection, null,
            "UPDATE callbacks SET state = 'Cancelled', lease_until = NULL, lease_owner = NULL, cancelled_at = $at, cancelled_by = $by WHERE reference = $reference AND state = 'Pending'",
            ("$reference", reference.ToString()), ("$at", Millis(at)), ("$by", by)) == 1;
    }

    public int ExpireDue(Instant now)
    {
        using var connection = Open();
        return Execute(connection, null,
            """
            UPDATE callbacks SET state = 'Expired', last_result = 'expired', lease_until = NULL, lease_owner = NULL
            WHERE expires_at <= $now AND (state = 'Pending' OR (state = 'Dialing' AND lease_until <= $now))
            """,
            ("$now", Millis(now)));
    }

    public int ReleaseLeases(string owner)
    {
        using var connection = Open();
        return Execute(connection, null, "UPDATE callbacks SET state = 'Pending', lease_until = NULL, lease_owner = NULL WHERE state = 'Dialing' AND lease_owner = $owner", ("$owner", owner));
    }

    public IReadOnlyList<CallbackRequest> KeptPlaces(CallbackLine line)
    {
        using var connection = Open();
        return Query(connection, null, $"SELECT {_columns} FROM callbacks WHERE {KeptPlaceFilter} AND joined_at IS NOT NULL AND attempts = 0 ORDER BY joined_at, rowid",
            [("$kept", CallbackReasons.PlaceKept), .. LineParameters(line)]);
    }

    public int MakeKeptPlacesDue(CallbackLine line, Instant now, IReadOnlyCollection<ReferenceNumber> restored)
    {
        using var connection = Open();
        return Execute(connection, null,
            $"""
            UPDATE callbacks SET due_at = MIN(due_at, $now), next_attempt_at = NULL, last_result = $lost
            WHERE {KeptPlaceFilter} AND reference NOT IN (SELECT value FROM json_each($restored))
            """,
            [("$now", Millis(now)), ("$lost", CallbackReasons.PlaceLost), ("$kept", CallbackReasons.PlaceKept),
             ("$restored", System.Text.Json.JsonSerializer.Serialize(restored.Select(r => r.ToString()))), .. LineParameters(line)]);
    }

    /// <summary>A line's pending virtual-hold callbacks whose caller's place was still kept in line: never dialed, or waiting for the place.</summary>
    private const string KeptPlaceFilter = $"state = 'Pending' AND kind = 'VirtualHold' AND (next_attempt_at IS NULL OR last_result = $kept) AND {LineFilter}";

    /// <summary>A line's callbacks, and those stored before lines were recorded whose queue it has; every callback when no line is given.</summary>
    private const string LineFilter = "($line IS NULL OR line = $line OR (line IS NULL AND queue IN (SELECT value FROM json_each($queues))))";

    private static (string, object?)[] LineParameters(CallbackLine? line) =>
        [("$line", line?.Name), ("$queues", line is null ? "[]" : System.Text.Json.JsonSerializer.Serialize(line.Queues))];

    public IReadOnlyList<CallbackAttempt> Attempts(ReferenceNumber reference)
    {
        using var connection = OpenOrEmpty();
        if (connection is null) return [];
        using var command = Command(connection, null, "SELECT number, at, result, detail FROM attempts WHERE reference = $reference ORDER BY number", [("$reference", reference.ToString())]);
        using var reader = Guard(command.ExecuteReader);
        var attempts = new List<CallbackAttempt>();
        while (Guard(reader.Read))
        {
            attempts.Add(new CallbackAttempt(reference, reader.GetInt32(0), Instant.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return attempts;
    }

    /// <summary>
    /// A connection to the file, creating and upgrading it on first use: a line that never books a
    /// callback leaves no file behind. Read-only, a missing file or one with no tables yet gives null
    /// (an empty store), and nothing is written.
    /// </summary>
    private SqliteConnection? OpenOrEmpty()
    {
        // SQLite would block for ever opening a named pipe nobody writes to, and read a device as an empty store.
        if (IvrEngine.Files.FileKind.NotARegularFile(Path) is { } what)
        {
            throw new CallbackStoreException($"the callback store {Path} is {what}, not a file; give a file such as ivr-callbacks.db.");
        }
        if (_readOnly)
        {
            if (!File.Exists(Path)) return null;
            var connection = Connect();
            var version = Guard(() => VersionOf(connection, null));
            if (version is null)
            {
                connection.Dispose();
                return null;
            }
            _columns = version switch { < 2 => ColumnsV1, 2 => ColumnsV2, _ => Columns };
            return connection;
        }
        if (_ready && !File.Exists(Path))
        {
            // SQLite would go on writing into the deleted file's open handle, and every callback
            // confirmed from now on would vanish at exit.
            throw new CallbackStoreException($"the callback store {Path} was deleted while in use; nothing more is booked into it (restart to create a new one).");
        }
        if (!_ready)
        {
            var folder = System.IO.Path.GetDirectoryName(Path);
            if (folder is not null && !Directory.Exists(folder))
            {
                try
                {
                    Directory.CreateDirectory(folder);
                }
                catch (Exception exception) when (IvrEngine.Files.FileFailure.Is(exception))
                {
                    throw new CallbackStoreException($"cannot create the callback store {Path}: its folder cannot be made ({exception.Message})", exception);
                }
            }
            Guard(Migrate);
            _ready = true;
        }
        return Connect();
    }

    /// <summary>As <see cref="OpenOrEmpty"/>, where an empty store cannot be: read-only, a write finds nothing to change.</summary>
    private SqliteConnection Open() => OpenOrEmpty() ?? throw new CallbackStoreException(
        _readOnly && !File.Exists(Path) ? $"there is no callback store at {Path}." : $"the callback store {Path} has no callbacks table; it was opened read-only and is not changed.");

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            // FULL: a commit reaches the disk before the caller is told "we will call you back".
            pragmas.CommandText = _readOnly ? "PRAGMA busy_timeout = 30000;" : "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection.Dispose();
            throw Describe(exception);
        }
    }

    /// <summary>The file's schema version; null when it has no tables at all (a new, empty file). Refuses a newer schema and a file that is something else.</summary>
    private int? VersionOf(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var tables = Command(connection, transaction, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'", []);
        if ((long)tables.ExecuteScalar()! == 0)
        {
            using var any = Command(connection, transaction, "SELECT COUNT(*) FROM sqlite_master", []);
            if ((long)any.ExecuteScalar()! == 0) return null;
            throw new CallbackStoreException($"{Path} is a SQLite database but not a callback store (it has no schema_version table).");
        }
        using var read = Command(connection, transaction, "SELECT MAX(version) FROM schema_version", []);
        var version = read.ExecuteScalar() is long v ? (int)v : 0;
        if (version > SchemaVersion)
        {
            throw new CallbackStoreException($"the callback store {Path} has schema version {version}; this ivr knows up to {SchemaVersion}. Use a newer ivr.");
        }
        return version;
    }

    private void Migrate()
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = VersionOf(connection, transaction) ?? 0;
        if (version < 1)
        {
            Execute(connection, transaction, """
                CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
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
        if (version < 2)
        {
            // Version 2: the line (menu) that promised each callback, so lines can share a store; and
            // who cancelled one, when. One open callback per number and queue now means per line.
            Execute(connection, transaction, """
                ALTER TABLE callbacks ADD COLUMN line TEXT;
                ALTER TABLE callbacks ADD COLUMN cancelled_at INTEGER;
                ALTER TABLE callbacks ADD COLUMN cancelled_by TEXT;
                DROP INDEX callbacks_one_open_per_number;
                CREATE UNIQUE INDEX callbacks_one_open_per_number ON callbacks (IFNULL(line, ''), phone, queue) WHERE state IN ('Pending', 'Dialing');
                UPDATE schema_version SET version = 2;
                """);
        }
        if (version < 3)
        {
            // Version 3: when a virtual-hold caller joined the queue, so a restarted line can put the
            // kept place back in its order. Older rows have none: their places become due at once.
            Execute(connection, transaction, """
                ALTER TABLE callbacks ADD COLUMN joined_at INTEGER;
                UPDATE schema_version SET version = 3;
                """);
        }
        transaction.Commit();
        Execute(connection, null, "PRAGMA journal_mode = WAL");
    }

    /// <summary>Runs a SQLite call, turning its failure into one line that names the file.</summary>
    private T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw Describe(exception);
        }
    }

    private void Guard(Action work) => Guard(() =>
    {
        work();
        return true;
    });

    private CallbackStoreException Describe(Exception exception) => new(exception switch
    {
        SqliteException { SqliteErrorCode: 26 } => $"{Path} is not a callback store (not a SQLite database).",
        SqliteException { SqliteErrorCode: 11 } => $"the callback store {Path} is damaged (truncated or corrupt); restore it from a backup.",
        SqliteException { SqliteErrorCode: 8 } => $"the callback store {Path} is read-only; nothing can be booked or changed in it.",
        SqliteException { SqliteErrorCode: 14 } => $"cannot open the callback store {Path} (missing folder, a folder where the file should be, or no permission).",
        SqliteException { SqliteErrorCode: 10 } => $"the callback store {Path} cannot be read or written (disk I/O error; is the file still there?).",
        SqliteException sqlite => $"the callback store {Path} failed: {sqlite.Message}",
        _ => $"the callback store {Path} failed: {exception.Message}",
    }, exception);

    private static (string, object?)[] Parameters(CallbackRequest r) =>
    [
        ("$reference", r.Reference.ToString()), ("$queue", r.Queue), ("$phone", r.PhoneNumber), ("$kind", r.Kind.ToString()), ("$locale", r.Locale),
        ("$requested", Millis(r.RequestedAt)), ("$due", Millis(r.DueAt)), ("$expires", Millis(r.ExpiresAt)), ("$state", r.State.ToString()),
        ("$attempts", r.Attempts), ("$next", r.NextAttemptAt is { } next ? Millis(next) : null), ("$result", r.LastResult),
        ("$lease", r.LeaseUntil is { } lease ? Millis(lease) : null), ("$owner", r.LeaseOwner),
        ("$line", r.Line), ("$cancelledAt", r.CancelledAt is { } cancelled ? Millis(cancelled) : null), ("$cancelledBy", r.CancelledBy),
        ("$joined", r.JoinedAt is { } joined ? Millis(joined) : null),
    ];

    private List<CallbackRequest> Query(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = Guard(command.ExecuteReader);
        var rows = new List<CallbackRequest>();
        while (Guard(reader.Read))
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
                reader.IsDBNull(13) ? null : reader.GetString(13),
                reader.IsDBNull(14) ? null : reader.GetString(14),
                reader.IsDBNull(15) ? null : Instant.FromUnixTimeMilliseconds(reader.GetInt64(15)),
                reader.IsDBNull(16) ? null : reader.GetString(16),
                reader.IsDBNull(17) ? null : Instant.FromUnixTimeMilliseconds(reader.GetInt64(17))));
        }
        return rows;
    }

    private int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return Guard(command.ExecuteNonQuery);
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
