using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Tests.Callbacks;
using IvrEngine.Tests.Cli;
using NodaTime;

namespace IvrEngine.Tests.Cluster;

/// <summary>
/// Real <c>ivr serve --cluster</c> processes on loopback ports sharing one PostgreSQL database (a fresh
/// schema; ignored without <c>IVR_TEST_POSTGRES</c>): 500 calls spread over every silo's door, 100
/// promised callbacks, then SIGKILL — first of a silo that does not serve the line, then of the one
/// that does. Figures (calls kept and lost, time to recover) are printed for the docs.
/// </summary>
[NonParallelizable]
public sealed class ClusterEndToEndTests
{
    private const int Calls = 500;
    private const int Callbacks = 100;

    /// <summary>
    /// Callees answer after the first ring; one dial each, ringing at most 10 s, so a claim's lease is
    /// 10 s + 2 × 1 s backoff + 1 s margin = 13 s. The calling window is the whole day, so the test
    /// passes at any hour it runs.
    /// </summary>
    private static Dictionary<string, string> Settings(string database, double answer) => new()
    {
        ["IVR_Ivr__Callbacks__Database"] = database,
        ["IVR_Ivr__Callbacks__PollSeconds"] = "1",
        ["IVR_Ivr__Callbacks__AnswerProbability"] = answer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["IVR_Ivr__Callbacks__BusyProbability"] = "0",
        ["IVR_Ivr__Callbacks__RingSeconds"] = "10",
        ["IVR_Ivr__Callbacks__MaxAttempts"] = "1",
        ["IVR_Ivr__Callbacks__MinimumIntervalSeconds"] = "1",
        ["IVR_Ivr__Callbacks__LeaseMarginSeconds"] = "1",
        ["IVR_Ivr__Callbacks__CallingWindowStartHour"] = "0",
        ["IVR_Ivr__Callbacks__CallingWindowEndHour"] = "24",
        ["IVR_Ivr__Http__MaxCalls"] = "5000",
    };

    [Test]
    public async Task ThreeSilos_ANonServingSiloKilled_LosesNoCall_TheServingSiloKilled_TheLineMovesWithin30s_AndEveryPromisedCallbackIsDialedOnce()
    {
        using var schema = new TempPostgresSchema();
        using var line = new HoldLineFolder();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        // The first silo's callees never answer, so its dials are still ringing when it dies.
        var owner = await SiloAsync(schema, line, Settings(schema.ConnectionString, answer: 0));
        await WaitUntilAsync(http, owner, status => status.ServedHere, "the first silo serves the line");
        var bystander = await SiloAsync(schema, line, Settings(schema.ConnectionString, answer: 1));
        var heir = await SiloAsync(schema, line, Settings(schema.ConnectionString, answer: 1));
        try
        {
            foreach (var silo in new[] { bystander, heir }) await WaitUntilAsync(http, silo, status => status.ServedAt == owner.Url && status.Silos == 3, "every silo knows who serves the line");

            // 500 callers through all three doors, each pressing 1 for the queue (one agent: nearly all wait).
            var doors = new[] { owner, bystander, heir };
            var calls = new List<string>();
            for (var i = 0; i < Calls; i++)
            {
                var door = doors[i % doors.Length];
                var reference = await StartCallAsync(http, door);
                Assert.That((await PostAsync(http, door, $"/calls/{reference}/press", new { keys = "1" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
                calls.Add(reference);
            }
            var waiting = await WaitingAsync(http, heir);
            Assert.That(waiting, Is.GreaterThanOrEqualTo(Calls - 1), "every caller but the one talking is in the queue");

            // 100 promises kept in the shared store, due now: the serving silo's dialer claims them and rings.
            var promised = new List<ReferenceNumber>();
            using (var store = schema.Open())
            {
                var now = SystemClock();
                var references = new Random(7);
                for (var i = 0; i < Callbacks; i++)
                {
                    var kept = store.Schedule(new CallbackRequest(ReferenceNumber.Create(references), "general", $"+1202555{1000 + i:D4}", CallbackKind.Scheduled, "en-US", now, now, now + Duration.FromHours(1), Line: "hold-line"));
                    promised.Add(kept.Reference);
                }
            }
            await WaitUntilAsync(() => Count(schema, "state = 'Dialing'") >= 20, "the serving silo dials");

            // A silo that does not serve the line dies: nothing is lost, the other doors go on.
            await bystander.Process.KillAsync();
            var stillLive = 0;
            foreach (var (reference, i) in calls.Select((r, i) => (r, i)))
            {
                var door = i % 2 == 0 ? owner : heir;
                var call = await GetCallAsync(http, door, reference);
                if (call is { } c && c.GetProperty("outcome").ValueKind == JsonValueKind.Null) stillLive++;
            }
            Assert.That(stillLive, Is.EqualTo(Calls), "every call goes on when a silo that does not serve the line dies");
            // Two silos are left; the dead one is declared dead by their votes before the next failure.
            await WaitUntilAsync(http, heir, status => status.Silos == 2, "the killed silo is declared dead");

            // The serving silo dies: its calls are phone calls on a dead server and are lost; the line moves.
            var killedAt = Stopwatch.StartNew();
            await owner.Process.KillAsync();
            string? firstNewCall = null;
            while (firstNewCall is null && killedAt.Elapsed < TimeSpan.FromSeconds(60))
            {
                var response = await PostAsync(http, heir, "/calls", new { });
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    firstNewCall = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();
                }
                else
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "while the line moves, 503");
                    Assert.That(response.Headers.RetryAfter, Is.Not.Null);
                    await Task.Delay(200);
                }
            }
            var recovered = killedAt.Elapsed;
            Assert.That(firstNewCall, Is.Not.Null, heir.Process.Transcript());
            Assert.That(recovered, Is.LessThan(TimeSpan.FromSeconds(30)), "new calls are accepted within 30 s");

            var lost = 0;
            foreach (var reference in calls) lost += await GetCallAsync(http, heir, reference) is null ? 1 : 0;
            Assert.That(lost, Is.EqualTo(Calls), "the line's calls all lived on the silo that served it");
            Assert.That(await WaitingAsync(http, heir), Is.Zero, "no queue keeps a caller who is gone");

            // Every promise is still in PostgreSQL, and each is dialed once: the dead silo's claims after their leases lapse.
            await WaitUntilAsync(() => Count(schema, "state IN ('Pending', 'Dialing')") == 0, "every promised callback is placed", TimeSpan.FromSeconds(90));
            using (var store = schema.Open())
            {
                foreach (var reference in promised)
                {
                    Assert.That(store.Find(reference), Is.Not.Null, $"{reference} kept");
                    Assert.That(store.Attempts(reference).Select(a => a.Result), Is.EqualTo(new[] { "answered" }), $"{reference}: dialed exactly once");
                }
            }
            TestContext.Out.WriteLine($"cluster: {Calls} calls over 3 silos; a non-serving silo killed: {stillLive} of {Calls} calls kept; "
                + $"the serving silo killed: {lost} calls lost with it, {Calls - lost} kept; new calls accepted {recovered.TotalSeconds:0.0} s after the kill; "
                + $"{Callbacks} callbacks kept and each dialed once");
        }
        finally
        {
            foreach (var silo in new[] { owner, bystander, heir }) await silo.Process.DisposeAsync();
        }
    }

    [Test]
    public async Task AVersionPublishedThroughAnyDoor_IsTheVersionTheHeirServes_WhenTheServingSiloDies()
    {
        await using var machines = await TwoMachines.StartAsync();
        var (owner, heir, http) = (machines.Owner, machines.Heir, machines.Http);

        // Published through the second machine's door: forwarded, and written where the line is served.
        var edited = HoldLineFolder.Menu.Replace("Press 1.", "Press 1 for customer care.", StringComparison.Ordinal);
        var published = await http.PostAsync($"{heir.Url}/menus/publish", new StringContent(edited, System.Text.Encoding.UTF8, "application/json"));
        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.Created), await published.Content.ReadAsStringAsync());
        var version = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();
        Assert.That(File.ReadAllText(machines.FirstMachine.MenuPath), Is.EqualTo(edited));
        Assert.That(File.ReadAllText(machines.SecondMachine.MenuPath), Is.EqualTo(HoldLineFolder.Menu), "the second machine's file is behind until it serves");

        await owner.Process.KillAsync();
        await WaitUntilAsync(http, heir, status => status.ServedHere, "the second silo takes the line over");

        var menus = await http.GetFromJsonAsync<JsonElement>($"{heir.Url}/menus");
        Assert.That(menus.GetProperty("version").GetString(), Is.EqualTo(version), "the heir serves the version published before the kill");
        Assert.That(File.ReadAllText(machines.SecondMachine.MenuPath), Is.EqualTo(edited));
        var call = await http.PostAsJsonAsync($"{heir.Url}/calls", new { });
        Assert.That((await call.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("prompts")[0].GetString(), Is.EqualTo("Press 1 for customer care."));
        Assert.That(heir.Process.Transcript(), Does.Contain($"taken over at version {version}"));
    }

    [Test]
    public async Task AnEditMadeOnTheHeirsOwnFile_IsKept_WhenItTakesTheLineOver()
    {
        await using var machines = await TwoMachines.StartAsync();
        var (owner, heir, http) = (machines.Owner, machines.Heir, machines.Http);

        // An operator edits the second machine's file while the first serves: a version the cluster never served.
        var edited = HoldLineFolder.Menu.Replace("Press 1.", "Press 1, please.", StringComparison.Ordinal);
        var before = heir.Process.ErrorCount;
        File.WriteAllText(machines.SecondMachine.MenuPath, edited);
        await heir.Process.ErrorLineAsync("now serving", before);

        await owner.Process.KillAsync();
        await WaitUntilAsync(http, heir, status => status.ServedHere, "the second silo takes the line over");

        Assert.That(File.ReadAllText(machines.SecondMachine.MenuPath), Is.EqualTo(edited), "a new edit is not overwritten by an older version");
        var call = await http.PostAsJsonAsync($"{heir.Url}/calls", new { });
        Assert.That((await call.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("prompts")[0].GetString(), Is.EqualTo("Press 1, please."));
        Assert.That(heir.Process.Transcript(), Does.Not.Contain("taken over at version"));
    }

    /// <summary>
    /// Two machines, each with its own copy of the menu file, sharing one database: the first silo
    /// serves the line and the second knows it (so it is the heir when the first dies).
    /// </summary>
    private sealed class TwoMachines : IAsyncDisposable
    {
        private readonly TempPostgresSchema _schema = new();
        public HoldLineFolder FirstMachine { get; } = new();
        public HoldLineFolder SecondMachine { get; } = new();
        public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };
        public Silo Owner { get; private set; } = null!;
        public Silo Heir { get; private set; } = null!;

        public static async Task<TwoMachines> StartAsync()
        {
            var machines = new TwoMachines();
            try
            {
                machines.Owner = await SiloAsync(machines._schema, machines.FirstMachine, Settings(machines._schema.ConnectionString, answer: 1));
                await WaitUntilAsync(machines.Http, machines.Owner, status => status.ServedHere, "the first silo serves the line");
                machines.Heir = await SiloAsync(machines._schema, machines.SecondMachine, Settings(machines._schema.ConnectionString, answer: 1));
                await WaitUntilAsync(machines.Http, machines.Heir, status => status.ServedAt == machines.Owner.Url && status.Silos == 2, "the second silo knows who serves the line", machines.Owner);
                return machines;
            }
            catch
            {
                await machines.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var silo in new[] { Owner, Heir })
            {
                if (silo is not null) await silo.Process.DisposeAsync();
            }
            Http.Dispose();
            FirstMachine.Dispose();
            SecondMachine.Dispose();
            _schema.Dispose();
        }
    }

    private static Instant SystemClock() => NodaTime.SystemClock.Instance.GetCurrentInstant();

    private sealed record Silo(LiveIvrProcess Process, string Url);

    private sealed record ClusterView(bool ServedHere, string? ServedAt, int Silos);

    private static async Task<Silo> SiloAsync(TempPostgresSchema schema, HoldLineFolder line, Dictionary<string, string> settings)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var process = LiveIvrProcess.Start(settings, "serve", line.MenuPath, "--http", url, "--no-input", "--cluster", "--silo-port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--callbacks-db", schema.ConnectionString);
        await process.OutputLineAsync("Serving hold-line");
        return new Silo(process, url);
    }

    private static async Task<ClusterView?> StatusAsync(HttpClient http, Silo silo)
    {
        try
        {
            var status = await http.GetFromJsonAsync<JsonElement>($"{silo.Url}/cluster");
            var active = status.GetProperty("silos").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Active");
            return new ClusterView(status.GetProperty("servedHere").GetBoolean(), status.GetProperty("servedAt").GetString(), active);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Waits until <paramref name="silo"/>'s status meets the condition; on failure shows its log and the <paramref name="others"/>' too.</summary>
    private static async Task WaitUntilAsync(HttpClient http, Silo silo, Func<ClusterView, bool> condition, string what, params Silo[] others)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await StatusAsync(http, silo) is { } status && condition(status)) return;
            await Task.Delay(200);
        }
        var logs = others.Select(other => $"\n--- {other.Url}:\n{other.Process.Transcript()}");
        Assert.Fail($"not within 30 s: {what}\n--- {silo.Url}:\n{silo.Process.Transcript()}{string.Concat(logs)}");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < (within ?? TimeSpan.FromSeconds(30)))
        {
            if (condition()) return;
            await Task.Delay(250);
        }
        Assert.Fail($"not in time: {what}");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, Silo door, string path, object body) => http.PostAsJsonAsync($"{door.Url}{path}", body);

    private static async Task<string> StartCallAsync(HttpClient http, Silo door)
    {
        var response = await PostAsync(http, door, "/calls", new { callerId = "+12025550143" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
    }

    private static async Task<JsonElement?> GetCallAsync(HttpClient http, Silo door, string reference)
    {
        var response = await http.GetAsync($"{door.Url}/calls/{reference}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<int> WaitingAsync(HttpClient http, Silo door)
    {
        var queue = await http.GetFromJsonAsync<JsonElement>($"{door.Url}/queues/general");
        return queue.GetProperty("waiting").GetInt32();
    }

    private static long Count(TempPostgresSchema schema, string where) => (long)schema.Scalar($"SELECT count(*) FROM callbacks WHERE {where}")!;

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
