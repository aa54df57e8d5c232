using System.Text.RegularExpressions;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Tests.Callbacks;
using NodaTime;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// Two real <c>ivr serve</c> processes sharing one PostgreSQL store (a fresh schema; ignored without
/// <c>IVR_TEST_POSTGRES</c>): one is killed with SIGKILL while it dials, and the survivor places
/// every promised callback once, after the dead one's leases lapse. <c>ivr callbacks</c> reads and
/// cancels in the same store. No password is ever printed.
/// </summary>
[NonParallelizable]
public sealed partial class PostgresCallbackEndToEndTests
{
    private const string MondayTen = "2026-11-30T10:00 America/New_York";
    private static readonly Instant MondayTenUtc = Instant.FromUtc(2026, 11, 30, 15, 0);

    /// <summary>
    /// One dial per callback, ringing 30 s, so a claim's lease is 30 s + 2 × 1 s backoff + 1 s margin = 33 s;
    /// callees always answer (after 8 s) unless told otherwise.
    /// </summary>
    private static Dictionary<string, string> Dialer(string database, double answer) => new()
    {
        ["IVR_Ivr__Seed"] = "1",
        ["IVR_Ivr__Callbacks__Database"] = database,
        ["IVR_Ivr__Callbacks__AnswerProbability"] = answer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["IVR_Ivr__Callbacks__BusyProbability"] = "0",
        ["IVR_Ivr__Callbacks__RingSeconds"] = "30",
        ["IVR_Ivr__Callbacks__MaxAttempts"] = "1",
        ["IVR_Ivr__Callbacks__MinimumIntervalSeconds"] = "1",
        ["IVR_Ivr__Callbacks__LeaseMarginSeconds"] = "1",
    };

    private static readonly Duration LeaseLength = Duration.FromSeconds(33);

    [Test]
    public async Task TwoServersShareTheStore_OneIsKilledMidDial_TheSurvivorDialsEveryPromisedCallbackOnce_AfterTheLeaseLapses()
    {
        using var schema = new TempPostgresSchema();
        using var line = new HoldLineFolder();
        var password = new Npgsql.NpgsqlConnectionStringBuilder(schema.ConnectionString).Password!;

        // Both serve the same line; the doomed one's callees never answer, so its dials are still ringing when it dies.
        await using var doomed = LiveIvrProcess.Start(Dialer(schema.ConnectionString, answer: 0), "serve", line.MenuPath, "--clock", "virtual", "--at", MondayTen);
        await using var survivor = LiveIvrProcess.Start(Dialer(line.PathOf("not-this-one.db"), answer: 1), "serve", line.MenuPath, "--clock", "virtual", "--at", MondayTen, "--callbacks-db", schema.ConnectionString);
        await doomed.OutputLineAsync("Serving hold-line");
        await survivor.OutputLineAsync("Serving hold-line");

        // Callbacks booked on both servers: ten promises, each told to its caller with a reference.
        var promised = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            promised.Add(Confirmed(await doomed.AskAsync($"callback +1202555{100 + i:D4} general")));
            promised.Add(Confirmed(await survivor.AskAsync($"callback +1202555{200 + i:D4} general")));
        }
        Assert.That(promised, Is.Unique);

        // The doomed server's poll at 10:00:05 claims all ten (the survivor's clock has not moved); at 10:00:08 the phones still ring.
        await doomed.AskAsync("wait 8");
        using (var store = schema.Open())
        {
            var claimed = store.List();
            Assert.That(claimed.Select(c => c.Reference.ToString()), Is.EquivalentTo(promised));
            Assert.That(claimed.Select(c => (c.State, c.LeaseUntil)), Is.All.EqualTo((CallbackState.Dialing, (Instant?)(MondayTenUtc + Duration.FromSeconds(5) + LeaseLength))));
            Assert.That(claimed.Select(c => c.LeaseOwner).Distinct().Count(), Is.EqualTo(1), "one dialer holds them all");
        }
        await doomed.KillAsync();

        // While the dead dialer's leases run (until 10:00:38), the survivor leaves its claims alone.
        Assert.That(await survivor.AskAsync("wait 30"), Is.EqualTo("now 2026-11-30 10:00:30 America/New_York"));
        Assert.That(await survivor.ListCallbacksAsync(), Has.Count.EqualTo(10).And.All.Contains(" dialing attempts 0"));

        // Its poll at 10:00:40 takes them over; every callee answers after a few rings.
        Assert.That(await survivor.AskAsync("wait 30"), Is.EqualTo("now 2026-11-30 10:01:00 America/New_York"));
        foreach (var reference in promised) await survivor.ErrorLineAsync($"dialed {reference} attempt 1: answered");
        Assert.That(await survivor.CloseInputAndWaitAsync(), Is.Zero, survivor.Transcript());

        var dials = DialRegex().Matches(survivor.Transcript() + "\n" + doomed.Transcript()).Select(m => m.Groups[1].Value).ToList();
        Assert.That(dials, Is.EquivalentTo(promised), "each promised callback dialed exactly once, all by the survivor");
        using (var store = schema.Open())
        {
            foreach (var reference in promised)
            {
                ReferenceNumber.TryParse(reference, out var parsed);
                var attempts = store.Attempts(parsed);
                Assert.That(attempts.Select(a => (a.Number, a.Result)), Is.EqualTo(new[] { (1, "answered") }), reference);
                Assert.That(attempts[0].At, Is.EqualTo(MondayTenUtc + Duration.FromSeconds(40)), $"{reference}: dialed at the first poll after the lease lapsed");
                Assert.That(store.Find(parsed)!.State, Is.AnyOf(CallbackState.Connected, CallbackState.Completed));
            }
        }
        Assert.That(survivor.Transcript() + doomed.Transcript(), Does.Not.Contain(password));
    }

    [Test]
    public async Task CallbacksListShowAndCancel_WorkOnThePostgresStore_AndNeverPrintThePassword()
    {
        using var schema = new TempPostgresSchema();
        using var line = new HoldLineFolder();
        var password = new Npgsql.NpgsqlConnectionStringBuilder(schema.ConnectionString).Password!;
        var location = IvrEngine.Hosting.Callbacks.PostgresConnection.Parse(schema.ConnectionString).Display;

        var empty = await IvrProcess.RunAsync("", "callbacks", "list", "--db", schema.ConnectionString);
        Assert.That(empty.Output, Is.EqualTo($"No callbacks: there is no callback store at {location} yet (ivr call and ivr serve create it when a caller books one).\n"), empty.ToString());

        string reference;
        await using (var serve = LiveIvrProcess.Start("serve", line.MenuPath, "--clock", "virtual", "--at", MondayTen, "--callbacks-db", schema.ConnectionString, "--staffing", "none"))
        {
            await serve.OutputLineAsync("Serving hold-line");
            reference = Confirmed(await serve.AskAsync("callback +12025550143 general"));
            Assert.That(await serve.CloseInputAndWaitAsync(), Is.Zero);
        }

        var list = await IvrProcess.RunAsync("", "callbacks", "list", "--db", schema.ConnectionString);
        var show = await IvrProcess.RunAsync("", "callbacks", "show", reference, "--db", schema.ConnectionString);
        var cancel = await IvrProcess.RunAsync("", "callbacks", "cancel", reference, "--by", "supervisor", "--db", schema.ConnectionString);
        var other = ReferenceNumber.Create(new Random(99)).ToString();
        var missing = await IvrProcess.RunAsync("", "callbacks", "show", other, "--db", schema.ConnectionString);

        Assert.That(list.Output, Does.Contain($"{reference}  pending    general        2026-11-30 15:00      0  +1 ••••••••43"), list.ToString());
        Assert.That(show.Output, Does.StartWith($"Callback {reference}: pending\n  line hold-line, queue general, scheduled, number +1 ••••••••43"), show.ToString());
        Assert.That((cancel.ExitCode, cancel.Output), Is.EqualTo((0, $"Callback {reference} cancelled by supervisor.\n")), cancel.ToString());
        Assert.That(missing.Error, Is.EqualTo($"ivr callbacks: no callback {other} in {location}.\n"), missing.ToString());
        Assert.That(string.Concat(empty, list, show, cancel, missing), Does.Not.Contain(password));
    }

    [Test]
    public async Task Serve_OnAPostgresServerNobodyListensOn_StopsWithOneLine_WithoutThePassword()
    {
        using var line = new HoldLineFolder();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await IvrProcess.RunAsync("", "serve", line.MenuPath, "--clock", "virtual", "--at", MondayTen, "--callbacks-db", $"postgres://ivr:s3cret@127.0.0.1:{port}/ivr?connect_timeout=5");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1)
            .And.All.StartWith($"ivr serve: cannot reach the callback store PostgreSQL ivr@127.0.0.1:{port}/ivr: "));
        Assert.That(result.ToString(), Does.Not.Contain("s3cret"));
    }

    private static string Confirmed(string reply) => ConfirmedRegex().Match(reply) is { Success: true } m ? m.Groups[1].Value : throw new AssertionException($"not a confirmation: {reply}");

    [GeneratedRegex(@"^confirmed ([0-9]{3}-[0-9]{3}-[0-9]{3})$")]
    private static partial Regex ConfirmedRegex();

    [GeneratedRegex(@"(?m)^dialed ([0-9]{3}-[0-9]{3}-[0-9]{3}) attempt [0-9]+: ")]
    private static partial Regex DialRegex();
}
