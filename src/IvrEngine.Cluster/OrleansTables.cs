using System.Reflection;
using IvrEngine.Hosting.Callbacks;
using Npgsql;

namespace IvrEngine.Cluster;

/// <summary>
/// Orleans' membership tables in the cluster's PostgreSQL database, created on first use from Orleans'
/// own published scripts (<c>Sql/</c>, unchanged), in the connection's schema, beside the table of the
/// line's menu versions (<see cref="LineMenuHistory"/>). Silos starting together
/// take an advisory lock first, so the scripts run once.
/// </summary>
internal static class OrleansTables
{
    /// <summary>Any 64-bit number the cluster's silos agree on; distinct from the callback store's lock.</summary>
    private const long SchemaLock = 0x1F2_0C1A_57E5;

    private static readonly string[] Scripts = ["PostgreSQL-Main.sql", "PostgreSQL-Clustering.sql"];

    /// <summary>Creates the tables unless they exist. Returns whether it created them.</summary>
    /// <exception cref="ClusterException">The database cannot be reached or written; the message names it without the password.</exception>
    public static bool EnsureCreated(PostgresConnection database)
    {
        try
        {
            using var connection = new NpgsqlConnection(database.ConnectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLock})");
            Execute(connection, transaction, LineMenuHistory.CreateSql);
            bool exists;
            using (var query = new NpgsqlCommand("SELECT to_regclass('orleansmembershiptable') IS NOT NULL", connection, transaction))
            {
                exists = (bool)query.ExecuteScalar()!;
            }
            if (!exists)
            {
                foreach (var script in Scripts) Execute(connection, transaction, Read(script));
            }
            transaction.Commit();
            return !exists;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            var why = exception switch
            {
                PostgresException pg => pg.MessageText,
                _ => (exception.InnerException ?? exception).Message,
            };
            throw new ClusterException($"the cluster's database {database.Display} cannot be used: {why.ReplaceLineEndings(" ")}", exception);
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static string Read(string script)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"IvrEngine.Cluster.Sql.{script}")
            ?? throw new InvalidOperationException($"the build lost the embedded script {script}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
