using IvrEngine.Hosting.Callbacks;
using Npgsql;

namespace IvrEngine.Cluster;

/// <summary>
/// Every version of a line's menu the cluster has served, with its document, in the cluster's
/// PostgreSQL database: the silo that serves the line records each version it switches to (loaded,
/// edited on disk, published over HTTP), and a silo taking the line over starts from the last one,
/// so a version published on one machine is what callers hear after that machine dies.
/// </summary>
public sealed class LineMenuHistory(PostgresConnection database)
{
    internal const string CreateSql = """
        CREATE TABLE IF NOT EXISTS ivr_line_menus (
            line text NOT NULL,
            version text NOT NULL,
            document bytea NOT NULL,
            served bigint NOT NULL,
            PRIMARY KEY (line, version));
        CREATE SEQUENCE IF NOT EXISTS ivr_line_menus_served;
        """;

    /// <summary>Records that <paramref name="version"/> is served now (again, if it was before: it becomes the last).</summary>
    public async Task RecordAsync(string line, string version, byte[] document, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            INSERT INTO ivr_line_menus (line, version, document, served) VALUES ($1, $2, $3, nextval('ivr_line_menus_served'))
            ON CONFLICT (line, version) DO UPDATE SET served = nextval('ivr_line_menus_served')
            """, connection);
        command.Parameters.Add(new() { Value = line });
        command.Parameters.Add(new() { Value = version });
        command.Parameters.Add(new() { Value = document });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The version served last anywhere in the cluster, with its document; null before any was recorded.</summary>
    public async Task<(string Version, byte[] Document)?> LastAsync(string line, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT version, document FROM ivr_line_menus WHERE line = $1 ORDER BY served DESC LIMIT 1", connection);
        command.Parameters.Add(new() { Value = line });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetString(0), (byte[])reader[1]) : null;
    }

    /// <summary>Whether the cluster ever served <paramref name="version"/>: a file holding it is behind, not a new edit.</summary>
    public async Task<bool> WasServedAsync(string line, string version, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM ivr_line_menus WHERE line = $1 AND version = $2)", connection);
        command.Parameters.Add(new() { Value = line });
        command.Parameters.Add(new() { Value = version });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
