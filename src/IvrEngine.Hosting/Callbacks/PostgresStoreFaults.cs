using System.Net.Sockets;
using IvrEngine.Callbacks;
using Npgsql;

namespace IvrEngine.Hosting.Callbacks;

/// <summary>
/// What went wrong with a PostgreSQL callback store, in one line that names the store (never its
/// password), as the SQLite store words its file's faults: the server cannot be reached, refuses the
/// login, has no such database, is read-only, is shutting down, did not answer in time.
/// </summary>
internal static class PostgresStoreFaults
{
    public static CallbackStoreException Describe(Exception exception, string store) => new(OneLine(exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } pg =>
            $"the callback store {store} refused the login: {pg.MessageText}.",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } pg =>
            $"the callback store {store} cannot be opened: {pg.MessageText} (create it, or name another database).",
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } pg =>
            $"the callback store {store} cannot be used: {pg.MessageText} (the user needs to create tables in its schema, and read and write them).",
        PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction } =>
            $"the callback store {store} is read-only; nothing can be booked or changed in it.",
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow } pg =>
            $"the callback store {store} is shutting down or starting up: {pg.MessageText}.",
        PostgresException { SqlState: PostgresErrorCodes.TooManyConnections } pg =>
            $"the callback store {store} takes no more connections: {pg.MessageText}.",
        PostgresException { SqlState: PostgresErrorCodes.DiskFull } =>
            $"the callback store {store} is out of disk space; nothing can be booked until there is room.",
        PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } =>
            $"the callback store {store} did not answer in time (the statement was cancelled).",
        PostgresException pg => $"the callback store {store} failed: {pg.MessageText} ({pg.SqlState}).",
        NpgsqlException { InnerException: SocketException socket } =>
            $"cannot reach the callback store {store}: {socket.Message} (is PostgreSQL running and listening there?)",
        NpgsqlException { InnerException: TimeoutException } =>
            $"the callback store {store} did not answer in time (is the server up, and reachable from here?)",
        NpgsqlException { InnerException: IOException or EndOfStreamException } =>
            $"the callback store {store} closed the connection (the server stopped or the network failed); the next attempt reconnects.",
        _ => $"the callback store {store} failed: {exception.Message}",
    }), exception);

    /// <summary>Server messages may span lines (a DETAIL, a HINT); a console line may not.</summary>
    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
