using System.Text;
using IvrEngine.Cluster;
using IvrEngine.Hosting.Callbacks;
using IvrEngine.Tests.Callbacks;
using Npgsql;

namespace IvrEngine.Tests.Cluster;

/// <summary>
/// The menu versions a cluster served, in PostgreSQL (a fresh schema per test; ignored without
/// <c>IVR_TEST_POSTGRES</c>): the last one served is the one a silo taking the line over starts from.
/// </summary>
public sealed class LineMenuHistoryTests
{
    [Test]
    public async Task TheLastVersionServed_IsTheOneRecordedLast_EvenWhenItWasServedBefore()
    {
        using var schema = new TempPostgresSchema();
        var history = Created(schema);

        await history.RecordAsync("line", "v1", Bytes("one"));
        await history.RecordAsync("line", "v2", Bytes("two"));
        var afterPublish = await history.LastAsync("line");
        await history.RecordAsync("line", "v1", Bytes("one"));
        var afterRevert = await history.LastAsync("line");

        Assert.That(afterPublish!.Value.Version, Is.EqualTo("v2"));
        Assert.That(Encoding.UTF8.GetString(afterPublish.Value.Document), Is.EqualTo("two"));
        Assert.That(afterRevert!.Value.Version, Is.EqualTo("v1"), "going back to a version makes it the last again");
    }

    [Test]
    public async Task Lines_AreKeptApart_AndAVersionNeverServedIsNotKnown()
    {
        using var schema = new TempPostgresSchema();
        var history = Created(schema);

        await history.RecordAsync("billing-line", "v1", Bytes("one"));

        Assert.That(await history.LastAsync("sales-line"), Is.Null);
        Assert.That(await history.WasServedAsync("billing-line", "v1"), Is.True);
        Assert.That(await history.WasServedAsync("billing-line", "v9"), Is.False, "an edit made on one machine and never served is new");
        Assert.That(await history.WasServedAsync("sales-line", "v1"), Is.False);
    }

    [Test]
    public void PreparingTheDatabase_AgainAndFromManySilosAtOnce_MakesTheTablesOnce()
    {
        using var schema = new TempPostgresSchema();
        var database = PostgresConnection.Parse(schema.ConnectionString);

        Parallel.For(0, 4, _ => ClusterHosting.PrepareDatabase(database));
        ClusterHosting.PrepareDatabase(database);

        Assert.That(schema.Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('ivr_line_menus', 'orleansmembershiptable')"), Is.EqualTo(2L));
    }

    [Test]
    public void ADatabaseNobodyListensOn_FailsWithTheErrorTheLineCatchesToServeItsOwnFile()
    {
        var history = new LineMenuHistory(PostgresConnection.Parse("postgres://ivr:s3cret@127.0.0.1:5/ivr?connect_timeout=2"));

        Assert.ThrowsAsync(Is.InstanceOf<NpgsqlException>(), () => history.LastAsync("line"));
    }

    private static LineMenuHistory Created(TempPostgresSchema schema)
    {
        var database = PostgresConnection.Parse(schema.ConnectionString);
        ClusterHosting.PrepareDatabase(database);
        return new LineMenuHistory(database);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
