using IvrEngine.Hosting.Callbacks;
using Npgsql;

namespace IvrEngine.Tests.Callbacks;

/// <summary>
/// A fresh schema in the PostgreSQL database <c>IVR_TEST_POSTGRES</c> names (a connection string;
/// <c>.ci/run</c> starts a private server and sets it, <c>eng/postgres.sh start</c> does for a
/// developer), dropped afterwards. Without the variable the test is ignored, with the reason.
/// </summary>
internal sealed class TempPostgresSchema : IDisposable
{
    public const string Variable = "IVR_TEST_POSTGRES";

    private readonly string _server;

    public TempPostgresSchema()
    {
        _server = Server();
        Name = $"ivr_test_{Guid.NewGuid():N}";
        Execute($"CREATE SCHEMA {Name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { SearchPath = Name }.ConnectionString;
    }

    /// <summary>The schema's name: the store's tables are made in it.</summary>
    public string Name { get; }

    /// <summary>A connection string to the test database whose search path is this schema (it holds the password).</summary>
    public string ConnectionString { get; }

    /// <summary>The test server's connection string, or the test is ignored.</summary>
    public static string Server()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server)) Assert.Ignore($"PostgreSQL not available: set {Variable} (.ci/run starts one)");
        return server!;
    }

    public PostgresCallbackStore Open() => new(PostgresConnection.Parse(ConnectionString));

    /// <summary>Runs SQL in this schema (to age or damage a store as a test needs).</summary>
    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Dispose() => Execute($"DROP SCHEMA IF EXISTS {Name} CASCADE");

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
