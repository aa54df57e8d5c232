using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IvrEngine.Hosting;
using IvrEngine.Http;
using IvrEngine.Queues.Staffing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IvrEngine.Benchmarks;

/// <summary>
/// The HTTP service's speed and memory, measured over a real Kestrel on 127.0.0.1 (not a timed test:
/// it prints figures; docs/http.md "Performance" records them). Run in Release:
/// <code>dotnet run -c Release --project tests/IvrEngine.Benchmarks -- http [--clients 32] [--calls 5000] [--presses 4] [--live 2000]</code>
/// <list type="number">
/// <item>Throughput: <c>--clients</c> loops share <c>--calls</c> calls; each call is started, presses
/// star (the main menu's "repeat": the call stays where it is and the line says the prompt again)
/// <c>--presses</c> times, and hangs up. Requests/s counts every request; the latency is each key
/// press's, from sending it to reading the whole answer.</item>
/// <item>Memory per live call: <c>--live</c> calls are started and held at the main menu, then put
/// in a queue (press 0); the managed heap after a full collection and the process's working set are
/// compared with before they started, divided by the number of calls.</item>
/// </list>
/// Client and server share the process (and the machine's cores), as a test on one machine must;
/// the clock is virtual, so no timer fires while calls are held.
/// <para>With <c>--url URL[,URL…]</c> the throughput part runs against servers already running (the doors
/// of an <c>ivr serve --cluster</c>, docs/cluster.md), the clients spread over the doors in turn; memory
/// is then read from those processes, not measured here.</para>
/// </summary>
internal static class HttpLoadBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Option(args, "--clients", 32);
        var calls = Option(args, "--calls", 5_000);
        var presses = Option(args, "--presses", 4);
        var live = Option(args, "--live", 2_000);
        if (Array.IndexOf(args, "--url") is var at and >= 0 && at + 1 < args.Length) return await AgainstDoorsAsync(args[at + 1].Split(','), clients, calls, presses);
        var folder = Directory.CreateTempSubdirectory("ivr-http-bench-").FullName;
        try
        {
            using var host = await StartAsync(folder, live);
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(clients, 64) })
            {
                BaseAddress = new Uri(address),
                Timeout = TimeSpan.FromSeconds(60),
            };
            Console.WriteLine($"HTTP benchmark: real Kestrel on {address}, bundled menu, {Environment.ProcessorCount} cores, {clients} clients");

            // Warm-up: the JIT, Kestrel's and the client's connection pools.
            await ThroughputAsync([client], clients, Math.Min(calls, 1_000), presses);
            var result = await ThroughputAsync([client], clients, calls, presses);
            Console.WriteLine(result);

            await MemoryPerLiveCallAsync(client, host.Services.GetRequiredService<ServedLine>(), live);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> AgainstDoorsAsync(string[] doors, int clients, int calls, int presses)
    {
        var pool = doors.Select(door => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(clients, 64) })
        {
            BaseAddress = new Uri(door),
            Timeout = TimeSpan.FromSeconds(60),
        }).ToArray();
        Console.WriteLine($"HTTP benchmark: {string.Join(", ", doors)}, {Environment.ProcessorCount} cores, {clients} clients spread over {doors.Length} door(s)");
        await ThroughputAsync(pool, clients, Math.Min(calls, 1_000), presses);
        Console.WriteLine(await ThroughputAsync(pool, clients, calls, presses));
        foreach (var client in pool) client.Dispose();
        return 0;
    }

    private static async Task<IHost> StartAsync(string folder, int live)
    {
        var menuPath = Path.Combine(folder, "carrier-support.json");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "menus", "carrier-support.json"), menuPath);
        var settings = new Dictionary<string, string?>
        {
            ["Ivr:Clock"] = "Virtual",
            ["Ivr:StartAt"] = "2026-11-30T09:15 America/New_York",
            ["Ivr:Seed"] = "7",
            ["Ivr:Callbacks:Database"] = Path.Combine(folder, "callbacks.db"),
            ["Ivr:Http:MaxCalls"] = (live + 1_000).ToString(CultureInfo.InvariantCulture),
        };
        var host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings))
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices((context, services) =>
            {
                services.AddIvrEngine(context.Configuration);
                services.AddIvrCallbacks(context.Configuration);
                services.AddMenuCatalog();
                services.AddIvrHttp(context.Configuration);
            })
            .ConfigureWebHost(web => web.UseKestrel().UseUrls("http://127.0.0.1:0").Configure(app => app.UseIvrHttp(twiml: false)))
            .Build();
        await host.StartAsync();
        var menu = IvrEngine.Menus.MenuLoader.LoadFile(menuPath).Menu!;
        var staffing = StaffingLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "menus", "carrier-support.staffing.json"), menu).Plan;
        await host.Services.GetRequiredService<ServedLine>().OpenAsync(menuPath, staffing);
        return host;
    }

    /// <summary>Client loop <c>i</c> sends every request of its calls through door <c>i mod doors</c>.</summary>
    private static async Task<Throughput> ThroughputAsync(HttpClient[] doors, int clients, int calls, int presses)
    {
        var next = -1;
        var latencies = new long[calls * presses];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(loop => Task.Run(async () =>
        {
            var client = doors[loop % doors.Length];
            int call;
            while ((call = Interlocked.Increment(ref next)) < calls)
            {
                using var started = await client.PostAsJsonAsync("/calls", new { });
                if (started.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }
                var reference = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();
                for (var p = 0; p < presses; p++)
                {
                    var sent = Stopwatch.GetTimestamp();
                    using var pressed = await client.PostAsJsonAsync($"/calls/{reference}/press", new { keys = "*" });
                    await pressed.Content.ReadAsByteArrayAsync();
                    latencies[call * presses + p] = Stopwatch.GetTimestamp() - sent;
                    if (pressed.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                }
                using var hungUp = await client.PostAsJsonAsync($"/calls/{reference}/hangup", new { });
                if (hungUp.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
            }
        })));
        clock.Stop();
        Array.Sort(latencies);
        return new Throughput(calls, calls * (presses + 2), clock.Elapsed, errors,
            Milliseconds(latencies, 0.50), Milliseconds(latencies, 0.99), Milliseconds(latencies, 1.0));
    }

    private static async Task MemoryPerLiveCallAsync(HttpClient client, ServedLine line, int live)
    {
        var references = new string?[live];
        var (heap0, set0) = Measure();
        await ForEachAsync(live, async i =>
        {
            using var started = await client.PostAsJsonAsync("/calls", new { });
            references[i] = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();
        });
        var (heap1, set1) = Measure();
        Console.WriteLine($"live calls at the main menu: {line.LiveCalls:N0}; per call {Kb(heap1 - heap0, live)} KB managed heap, {Kb(set1 - set0, live)} KB working set");
        await ForEachAsync(live, async i =>
        {
            using var pressed = await client.PostAsJsonAsync($"/calls/{references[i]}/press", new { keys = "0" });
        });
        var (heap2, set2) = Measure();
        Console.WriteLine($"the same calls in a queue or with an agent: per call {Kb(heap2 - heap0, live)} KB managed heap, {Kb(set2 - set0, live)} KB working set");
        await ForEachAsync(live, async i =>
        {
            using var hungUp = await client.PostAsJsonAsync($"/calls/{references[i]}/hangup", new { });
        });
        Console.WriteLine($"after hanging up: {line.LiveCalls:N0} live calls");
    }

    private static Task ForEachAsync(int count, Func<int, Task> body)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) await body(i);
        })));
    }

    /// <summary>The managed heap after a full, compacting collection, and the working set then.</summary>
    private static (long Heap, long WorkingSet) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }

    private static string Kb(long bytes, int calls) => (bytes / 1024.0 / calls).ToString("0.0", CultureInfo.InvariantCulture);

    private static double Milliseconds(long[] sorted, double quantile) =>
        sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))] * 1000.0 / Stopwatch.Frequency;

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record Throughput(int Calls, int Requests, TimeSpan Elapsed, int Errors, double P50, double P99, double Max)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Calls:N0} calls, {Requests:N0} requests in {Elapsed.TotalSeconds:0.00} s: {Requests / Elapsed.TotalSeconds:N0} requests/s, {Errors} errors; key press latency p50 {P50:0.00} ms, p99 {P99:0.00} ms, max {Max:0.00} ms");
    }
}
