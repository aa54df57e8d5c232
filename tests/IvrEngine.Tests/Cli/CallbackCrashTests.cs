using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Hosting.Callbacks;
using IvrEngine.Tests.Callbacks;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// The crash test for promised callbacks: <c>ivr serve</c> runs as a child process on a temporary
/// store in virtual time, is asked for callbacks, and is killed with SIGKILL at seeded points, again
/// and again; a last run then places what is left. Every callback it confirmed must be in the store
/// and settled, and none may have been dialed twice: attempts numbered 1..n, one at a time, none
/// after the callee answered.
/// </summary>
[NonParallelizable]
public sealed partial class CallbackCrashTests
{
    private const int Rounds = 12;
    private const int MaxAttempts = 2;
    private const double MinimumIntervalSeconds = 1;

    /// <summary>A hang guard for one wait on the child (its start, its exit), not a performance check.</summary>
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    /// <summary>Six agents who answer at once and talk for a second: put-throughs finish quickly in real time.</summary>
    private const string Staffing = """
        {
          "defaults": { "handleTime": { "distribution": "fixed", "meanSeconds": 1 }, "wrapUpSeconds": 0, "answerSeconds": 0, "noAnswerProbability": 0 },
          "agents": [ { "name": "Agent", "count": 6, "queues": { "general": 1 } } ]
        }
        """;

    /// <summary>Each round starts this long (virtual) after the one before: the killed dialer's leases (seconds) have lapsed, and the next takes its callbacks over.</summary>
    private static readonly Duration RoundGap = Duration.FromMinutes(10);

    /// <summary>The virtual waits a round may take between requests, in seconds: shorter than a ring, a ring, a backoff, a call.</summary>
    private static readonly string[] Waits = ["0.1", "0.3", "0.6", "1", "1.5", "2.5", "4"];

    /// <summary>A fast dialer: poll five times a second, ring a second, retry once a second later, short leases, any hour; callees drawn from the seed.</summary>
    private static readonly Dictionary<string, string> FastDialer = new()
    {
        ["IVR_Ivr__Callbacks__PollSeconds"] = "0.2",
        ["IVR_Ivr__Callbacks__RingSeconds"] = "1",
        ["IVR_Ivr__Callbacks__MinimumIntervalSeconds"] = MinimumIntervalSeconds.ToString(CultureInfo.InvariantCulture),
        ["IVR_Ivr__Callbacks__MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
        ["IVR_Ivr__Callbacks__LeaseMarginSeconds"] = "1",
        ["IVR_Ivr__Callbacks__CallingWindowStartHour"] = "0",
        ["IVR_Ivr__Callbacks__CallingWindowEndHour"] = "24",
        ["IVR_Ivr__Callbacks__AnswerProbability"] = "0.6",
        ["IVR_Ivr__Callbacks__BusyProbability"] = "0.2",
        ["IVR_Ivr__Seed"] = "12",
    };

    [Test]
    public async Task KillingTheServerAtRandomMoments_LosesNoConfirmedCallback_AndDialsNoneTwice()
    {
        var random = new Random(20261130);
        var firstStart = Instant.FromUtc(2026, 11, 30, 15, 0);
        using var database = new TempDatabase();
        var folder = Directory.CreateTempSubdirectory("ivr-crash-");
        try
        {
            var menuPath = Path.Combine(folder.FullName, "crash.json");
            await File.WriteAllTextAsync(menuPath, ServeHotReloadEndToEndTests.Menu("agent")); // queue general, open at all hours
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "crash.staffing.json"), Staffing);

            var confirmed = new HashSet<string>(StringComparer.Ordinal);
            var dials = new List<Dial>();
            var nextNumber = 0;
            var roundsWithDials = 0;
            for (var round = 0; round < Rounds; round++)
            {
                await using var server = await Server.StartAsync(menuPath, database.Path, "--clock", "virtual", "--at", InstantPattern.ExtendedIso.Format(firstStart + (RoundGap * round)));

                // A seeded kill point: a few steps, each a request or a virtual wait while the dialer places
                // the earlier ones, then SIGKILL. Virtual time stands still between lines, so the kill lands at
                // the same point on every run: before, between or after requests, mid-ring, mid-backoff, mid-call.
                var steps = random.Next(1, 9);
                for (var i = 0; i < steps; i++)
                {
                    await server.AskAsync(random.Next(3) == 0 ? $"wait {Waits[random.Next(Waits.Length)]}" : $"callback {Number(nextNumber++)} general");
                }
                await server.KillAsync();

                var (output, error) = server.Lines();
                Assert.That(output.Where(l => l.StartsWith('?')), Is.Empty, "every request should be confirmed\n" + server.Transcript());
                Assert.That(output.Where(l => l.Contains("(existing)", StringComparison.Ordinal)), Is.Empty, "every request is for a fresh number");
                confirmed.UnionWith(output.Select(l => ConfirmedRegex().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value));
                var roundDials = error.Select(ParseDial).OfType<Dial>().Select(d => d with { Run = round }).ToList();
                if (roundDials.Count > 0) roundsWithDials++;
                dials.AddRange(roundDials);
            }

            Assert.That(confirmed, Is.Not.Empty, "the rounds should have confirmed callbacks before the kills");
            Assert.That(roundsWithDials, Is.GreaterThanOrEqualTo(Rounds / 3), "many rounds should place callbacks before their kill");

            // The last run: no kill, an hour after the last round, so every lease the killed dialers left
            // has lapsed; ten virtual minutes then place what is left.
            var finalStart = firstStart + (RoundGap * Rounds) + Duration.FromHours(1);
            await using (var server = await Server.StartAsync(menuPath, database.Path, "--clock", "virtual", "--at", InstantPattern.ExtendedIso.Format(finalStart)))
            {
                await server.SendAsync("wait 10m");
                Assert.That(await server.CloseInputAndWaitAsync(), Is.Zero, server.Transcript());
                Assert.That(server.Lines().Output, Has.Some.StartWith("now "), server.Transcript());
                dials.AddRange(server.Lines().Error.Select(ParseDial).OfType<Dial>().Select(d => d with { Run = Rounds }));
            }
            Assert.That(Unsettled(database.Path, finalStart), Is.Zero, "the last run settles every callback");

            SqliteConnection.ClearAllPools();
            var store = new SqliteCallbackStore(database.Path);
            var stored = store.List().ToDictionary(c => c.Reference.ToString(), StringComparer.Ordinal);

            // None lost: every callback the server confirmed is in the store.
            Assert.That(confirmed.Where(r => !stored.ContainsKey(r)), Is.Empty, "confirmed callbacks missing from the store");

            // Every dial the server reported was recorded, with what it got, exactly once.
            Assert.That(dials.GroupBy(d => (d.Reference, d.Number)).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "a dial reported twice");
            foreach (var dial in dials)
            {
                var attempt = store.Attempts(ParseReference(dial.Reference)).SingleOrDefault(a => a.Number == dial.Number);
                Assert.That(attempt?.Result, Is.EqualTo(dial.Result), $"reported dial {dial.Reference} attempt {dial.Number}");
            }

            var problems = new List<string>();
            foreach (var callback in stored.Values)
            {
                var reference = callback.Reference.ToString();
                var attempts = store.Attempts(callback.Reference);
                var answered = attempts.Count(a => a.Result == "answered");
                if (!attempts.Select(a => a.Number).SequenceEqual(Enumerable.Range(1, attempts.Count))) problems.Add($"{reference}: attempts numbered {string.Join(",", attempts.Select(a => a.Number))}");
                if (callback.Attempts != attempts.Count) problems.Add($"{reference}: {callback.Attempts} attempts counted, {attempts.Count} recorded");
                if (attempts.Count > MaxAttempts) problems.Add($"{reference}: {attempts.Count} attempts, more than {MaxAttempts}");
                if (answered > 1) problems.Add($"{reference}: answered {answered} times");
                if (answered == 1 && attempts[^1].Result != "answered") problems.Add($"{reference}: dialed again after the callee answered");

                // One dial at a time: the next starts only after the previous one's ring and the backoff
                // (in virtual time there is no timer slack to allow for).
                for (var i = 1; i < attempts.Count; i++)
                {
                    if (attempts[i].At - attempts[i - 1].At < Duration.FromSeconds(MinimumIntervalSeconds))
                    {
                        problems.Add($"{reference}: attempt {attempts[i].Number} at {attempts[i].At}, only {(attempts[i].At - attempts[i - 1].At).TotalMilliseconds} ms after attempt {attempts[i - 1].Number}");
                    }
                }

                var sensible = callback.State switch
                {
                    CallbackState.Completed => answered == 1,
                    CallbackState.Failed => answered == 0 && attempts.Count == MaxAttempts,

                    // Answered by a dialer that was then killed mid-call: kept, not dialed again.
                    CallbackState.Connected => answered == 1 && attempts[^1].At < finalStart,
                    _ => false,
                };
                if (!sensible) problems.Add($"{reference}: {callback.State} after {attempts.Count} attempts ({string.Join(", ", attempts.Select(a => a.Result))}), last result {callback.LastResult}");
            }
            Assert.That(problems, Is.Empty);

            // Callbacks dialed by more than one server: a killed dialer's claim taken over after its lease lapsed.
            var takenOver = dials.GroupBy(d => d.Reference).Count(g => g.Select(d => d.Run).Distinct().Count() > 1);
            Assert.That(takenOver, Is.Positive, "some kills should leave a callback mid-dial for the next server to take over");
            var states = stored.Values.GroupBy(c => c.State).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
            await TestContext.Progress.WriteLineAsync(
                $"crash test: {Rounds} kills ({roundsWithDials} with dials under way), {confirmed.Count} confirmed, {stored.Count} stored, {dials.Count} dials reported, {takenOver} callbacks dialed by two servers; {string.Join(", ", states)}"
                );
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Serve_ConfirmsACallbackOnce_RefusesBadNumbersAndQueues_AndListsThem()
    {
        using var menu = IvrProcess.WriteTempFile(ServeHotReloadEndToEndTests.Menu("agent"));
        using var database = new TempDatabase();
        await using var ivr = LiveIvrProcess.Start("serve", menu.Path, "--staffing", "none", "--callbacks-db", database.Path);
        await ivr.OutputLineAsync("Serving ");

        var first = await ivr.AskAsync("callback (202) 555-0143 general");
        Assert.That(first, Does.Match("^confirmed [0-9]{3}-[0-9]{3}-[0-9]{3}$"));
        var reference = first["confirmed ".Length..];
        Assert.That(await ivr.AskAsync("callback +12025550143 general"), Is.EqualTo($"confirmed {reference} (existing)"));
        Assert.That(await ivr.AskAsync("callback 12 general"), Is.EqualTo("? callback 12 general: not a valid phone number (2 digits)"));
        Assert.That(await ivr.AskAsync("callback +12025550143 nowhere"), Does.Contain("the menu has no queue 'nowhere'; choose one of general"));
        Assert.That(await ivr.ListCallbacksAsync(), Is.EqualTo(new[] { $"callback {reference} pending attempts 0" }));
        await ivr.OutputLineAsync("1 callbacks");
        Assert.That(await ivr.CloseInputAndWaitAsync(), Is.Zero);
    }

    /// <summary>Fictional numbers: 555-0100 to 555-0199 in Washington DC, then in New York.</summary>
    private static string Number(int index) => $"+1{(index < 100 ? "202" : "212")}5550{100 + (index % 100)}";

    private static ReferenceNumber ParseReference(string text)
    {
        Assert.That(ReferenceNumber.TryParse(text, out var reference), Is.True, text);
        return reference;
    }

    /// <summary>
    /// Callbacks not yet settled, read without writing (the server owns the file): pending, dialing, or
    /// connected in the last run (one connected by a killed server stays so; it is not dialed again).
    /// </summary>
    private static long Unsettled(string path, Instant finalStart)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM callbacks c
            WHERE c.state IN ('Pending', 'Dialing')
               OR (c.state = 'Connected' AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.reference = c.reference AND a.result = 'answered' AND a.at < $start))
            """;
        command.Parameters.AddWithValue("$start", finalStart.ToUnixTimeMilliseconds());
        return (long)command.ExecuteScalar()!;
    }

    private static Dial? ParseDial(string line) => DialRegex().Match(line) is { Success: true } m
        ? new Dial(m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), m.Groups[3].Value)
        : null;

    [GeneratedRegex(@"^confirmed ([0-9]{3}-[0-9]{3}-[0-9]{3})")]
    private static partial Regex ConfirmedRegex();

    [GeneratedRegex(@"^dialed ([0-9]{3}-[0-9]{3}-[0-9]{3}) attempt ([0-9]+): (\S+)$")]
    private static partial Regex DialRegex();

    private sealed record Dial(string Reference, int Number, string Result, int Run = 0);

    /// <summary><c>ivr serve</c> as a child process with the fast dialer settings, its output kept line by line.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly List<string> _output = [];
        private readonly List<string> _error = [];

        private Server(Process process) => _process = process;

        public static async Task<Server> StartAsync(string menuPath, string databasePath, params string[] more)
        {
            var start = IvrProcess.StartInfo(["serve", menuPath, "--callbacks-db", databasePath, .. more]);
            foreach (var (key, value) in FastDialer) start.Environment[key] = value;
            var server = new Server(new Process { StartInfo = start });
            server._process.OutputDataReceived += (_, e) => Add(server._output, e.Data);
            server._process.ErrorDataReceived += (_, e) => Add(server._error, e.Data);
            server._process.Start();
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();

            var watch = Stopwatch.StartNew();
            while (!server.Lines().Output.Any(l => l.StartsWith("Serving ", StringComparison.Ordinal)))
            {
                if (server._process.HasExited || watch.Elapsed > WaitLimit) Assert.Fail($"ivr serve did not start\n{server.Transcript()}");
                await Task.Delay(20);
            }
            return server;
        }

        public async Task SendAsync(string line)
        {
            await _process.StandardInput.WriteLineAsync(line);
            await _process.StandardInput.FlushAsync();
        }

        /// <summary>Sends <paramref name="line"/> and waits for its one-line answer ("confirmed …", "now …"): the server has done it.</summary>
        public async Task AskAsync(string line)
        {
            var answered = Lines().Output.Count + 1;
            await SendAsync(line);
            var watch = Stopwatch.StartNew();
            while (Lines().Output.Count < answered)
            {
                if (_process.HasExited || watch.Elapsed > WaitLimit) Assert.Fail($"no answer to '{line}'\n{Transcript()}");
                await Task.Delay(5);
            }
        }

        /// <summary>SIGKILL on Linux: no shutdown code runs, as in a crash or a power cut.</summary>
        public async Task KillAsync()
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(WaitLimit);
            await _process.WaitForExitAsync(timeout.Token);
        }

        public async Task<int> CloseInputAndWaitAsync()
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(WaitLimit);
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public (List<string> Output, List<string> Error) Lines()
        {
            lock (_output) lock (_error) return ([.. _output], [.. _error]);
        }

        public string Transcript()
        {
            var (output, error) = Lines();
            return $"--- stdout ---\n{string.Join("\n", output)}\n--- stderr ---\n{string.Join("\n", error)}";
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }

        private static void Add(List<string> lines, string? line)
        {
            if (line is null) return;
            lock (lines) lines.Add(line);
        }
    }
}
