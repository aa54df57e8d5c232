using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using IvrEngine.Callbacks;
using IvrEngine.Hosting.Callbacks;
using Npgsql;

namespace IvrEngine.Tests.Callbacks;

/// <summary>
/// How a store setting is read: a PostgreSQL URL or connection string picks the shared store,
/// anything else is a SQLite file; the password reaches the server and no message. Needs no server.
/// </summary>
public sealed class PostgresConnectionTests
{
    [TestCase("postgres://ivr:pw@db1/ivr")]
    [TestCase("postgresql://db1")]
    [TestCase("  POSTGRES://ivr@db1:5433/ivr")]
    [TestCase("Host=db1;Database=ivr")]
    [TestCase("Username=ivr; host = db1")]
    [TestCase("Server=db1;Database=ivr")]
    public void APostgresUrlOrConnectionString_NamesTheSharedStore(string setting)
    {
        Assert.That(PostgresConnection.IsPostgres(setting), Is.True);
        using var store = (PostgresCallbackStore)CallbackStores.Open(setting);
    }

    [TestCase("ivr-callbacks.db")]
    [TestCase("/var/lib/ivr/callbacks.db")]
    [TestCase("postgres.db")]
    [TestCase("data/postgres://x.db")]
    public void AnythingElse_IsASqliteFile(string setting)
    {
        Assert.That(PostgresConnection.IsPostgres(setting), Is.False);
        Assert.That(CallbackStores.Open(setting), Is.InstanceOf<SqliteCallbackStore>());
    }

    [Test]
    public void AUrl_GivesTheServerItsParts_AndNamesItWithoutThePassword()
    {
        var connection = PostgresConnection.Parse("postgres://ivr%40ops:p%3Ass%2Fword@db1.example.net:6543/callbacks?sslmode=require&search_path=line_a&application_name=ivr-east");

        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.That((builder.Host, builder.Port, builder.Username, builder.Password, builder.Database, builder.SslMode, builder.SearchPath, builder.ApplicationName),
            Is.EqualTo(("db1.example.net", 6543, "ivr@ops", "p:ss/word", "callbacks", SslMode.Require, "line_a", "ivr-east")));
        Assert.That(connection.Display, Is.EqualTo("PostgreSQL ivr@ops@db1.example.net:6543/callbacks (schema line_a)"));
    }

    [Test]
    public void AUrlWithoutPortOrUser_TakesPostgresDefaults_AndNamesItselfIvr()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnection.Parse("postgres://db1/ivr").ConnectionString);

        Assert.That((builder.Host, builder.Port, builder.Username, builder.Database, builder.ApplicationName), Is.EqualTo(("db1", 5432, (string?)null, "ivr", "ivr")));
    }

    [Test]
    public void TimeoutsAreShortByDefault_ForTheCallsThreadWaitsOnThem_AndKeptWhenGiven()
    {
        var plain = new NpgsqlConnectionStringBuilder(PostgresConnection.Parse("Host=db1").ConnectionString);
        var given = new NpgsqlConnectionStringBuilder(PostgresConnection.Parse("postgres://db1/ivr?connect_timeout=20&command_timeout=60").ConnectionString);

        Assert.That((plain.Timeout, plain.CommandTimeout), Is.EqualTo((5, 10)));
        Assert.That((given.Timeout, given.CommandTimeout), Is.EqualTo((20, 60)));
    }

    [Test]
    public void AConnectionString_IsNamedWithoutItsPassword()
    {
        var connection = PostgresConnection.Parse("Host=10.0.0.5;Port=5433;Username=dialer;Password=hunter2;Database=ivr");

        Assert.That(connection.Display, Is.EqualTo("PostgreSQL dialer@10.0.0.5:5433/ivr"));
        using var store = new PostgresCallbackStore(connection);
        Assert.That(store.ToString(), Is.EqualTo("PostgreSQL callback store dialer@10.0.0.5:5433/ivr"));
    }

    [TestCase("postgres://ivr:hunter2@db1/ivr?sslcert=x", "the callback store setting is not a usable PostgreSQL connection: the URL parameter 'sslcert' is not understood; use sslmode, search_path, application_name, connect_timeout, command_timeout, or a Host=…;Database=… connection string.")]
    [TestCase("postgres://ivr:hunter2@/ivr", "the callback store setting is not a usable PostgreSQL connection: the URL is not of the form postgres://user:password@host:port/database (one host; percent-encode special characters).")]
    public void AUrlThatCannotBeRead_IsOneLine_WithoutThePassword(string setting, string message)
    {
        var refused = Assert.Throws<CallbackStoreException>(() => PostgresConnection.Parse(setting));

        Assert.That(refused!.Message, Is.EqualTo(message));
    }

    [Test]
    public void AConnectionStringWithAnUnknownSetting_IsOneLine()
    {
        var refused = Assert.Throws<CallbackStoreException>(() => PostgresConnection.Parse("Host=db1;Password=hunter2;Colour=blue"));

        Assert.That(refused!.Message, Does.StartWith("the callback store setting is not a usable PostgreSQL connection: ").And.Contain("colour").IgnoreCase.And.Not.Contain("hunter2"));
    }

    [Test]
    public void TheDatabaseSetting_IsRefusedAtStart_WhenItIsAPostgresConnectionThatCannotBeRead()
    {
        var options = new CallbackOptions { Database = "postgres://ivr:hunter2@db1/ivr?colour=blue" };

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.That(results.Select(r => r.ErrorMessage), Is.EqualTo(new[]
        {
            "Ivr:Callbacks:Database: the callback store setting is not a usable PostgreSQL connection: the URL parameter 'colour' is not understood; use sslmode, search_path, application_name, connect_timeout, command_timeout, or a Host=…;Database=… connection string.",
        }));
    }

    [Test]
    public void AServerNobodyListensOn_IsOneLineNamingIt_WithoutThePassword()
    {
        var port = FreePort();
        using var store = new PostgresCallbackStore(PostgresConnection.Parse($"postgres://ivr:s3cret-never-shown@127.0.0.1:{port}/ivr?connect_timeout=5"));

        var fault = Assert.Throws<CallbackStoreException>(store.EnsureReady);

        Assert.That(fault!.Message, Does.StartWith($"cannot reach the callback store PostgreSQL ivr@127.0.0.1:{port}/ivr: ").And.EndWith("(is PostgreSQL running and listening there?)"));
        Assert.That(fault.Message, Does.Not.Contain("s3cret").And.Not.Contain("\n"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
