using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using IvrEngine.Http;
using IvrEngine.Queues.Staffing;
using Microsoft.Extensions.DependencyInjection;

namespace IvrEngine.Tests.Http;

/// <summary>
/// A thousand calls at once through a real Kestrel on 127.0.0.1: each call is answered, presses 0
/// (an escape to the general queue) and hangs up. No request fails, no caller is left in a queue,
/// and every figure <c>/metrics</c> gives (started, ended by outcome, escapes, queue waits, the
/// waiting gauge) is the count of the calls made. Bounded: a fixed number of requests, each with a
/// time limit, the whole test cancelled after two minutes; it takes a few seconds on a 2-core
/// machine. (Speed is measured by the HTTP benchmark, docs/http.md "Performance", not asserted here.)
/// </summary>
public sealed class KestrelLoadTests
{
    private const int Calls = 1_000;

    [Test]
    [CancelAfter(120_000)]
    public async Task AThousandConcurrentCalls_EachQueuedThenHungUp_LeaveNothingWaiting_AndTheMetricsCountThem(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("ivr-load-").FullName;
        var menuPath = Path.Combine(folder, "carrier-support.json");
        File.Copy(RepoPaths.BundledMenu, menuPath);
        using var host = LoopbackService.Build(LoopbackService.VirtualTimeSettings(folder));
        await host.StartAsync(cancellationToken);
        try
        {
            var line = host.Services.GetRequiredService<ServedLine>();
            var menu = IvrEngine.Menus.MenuLoader.LoadFile(menuPath).Menu!;
            await line.OpenAsync(menuPath, StaffingLoader.LoadFile(Path.Combine(RepoPaths.Menus, "carrier-support.staffing.json"), menu).Plan);
            var address = LoopbackService.AddressOf(host);
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };

            var clock = Stopwatch.StartNew();
            var calls = await Task.WhenAll(Enumerable.Range(0, Calls).Select(async _ =>
            {
                using var started = await client.PostAsJsonAsync("/calls", new { }, cancellationToken);
                var reference = (await started.JsonAsync()).Str("reference");
                using var pressed = await client.PostAsJsonAsync($"/calls/{reference}/press", new { keys = "0" }, cancellationToken);
                var state = (await pressed.JsonAsync()).Str("state");
                using var hungUp = await client.PostAsJsonAsync($"/calls/{reference}/hangup", new { }, cancellationToken);
                var outcome = (await hungUp.JsonAsync()).Str("outcome");
                return new MadeCall(started.StatusCode, pressed.StatusCode, state, hungUp.StatusCode, outcome);
            }));
            var elapsed = clock.Elapsed;

            Assert.That(calls.Where(c => c is not { Started: HttpStatusCode.Created, Pressed: HttpStatusCode.OK, HungUp: HttpStatusCode.OK }), Is.Empty, "no request failed");
            var queued = calls.Count(c => c.State == "Queued");
            var withAgent = calls.Count(c => c.State == "WithAgent");
            TestContext.Out.WriteLine($"{Calls} calls, {3 * Calls} requests in {elapsed.TotalSeconds:0.00} s; {withAgent} put through to an agent, {queued} queued");
            Assert.That(queued + withAgent, Is.EqualTo(Calls), "every press of 0 put the caller in the queue or through to an agent");
            Assert.That(calls.Count(c => c.State == "Queued" && c.Outcome.StartsWith("abandoned in queue general", StringComparison.Ordinal)), Is.EqualTo(queued));
            Assert.That(calls.Count(c => c.State == "WithAgent" && c.Outcome.StartsWith("answered in queue general", StringComparison.Ordinal)), Is.EqualTo(withAgent));
            Assert.That(line.LiveCalls, Is.Zero);
            var queues = await (await client.GetAsync("/queues", cancellationToken)).JsonAsync();
            Assert.That(queues.EnumerateArray().Sum(q => q.GetProperty("waiting").GetInt32()), Is.Zero);

            var metrics = PrometheusText.Parse(await client.GetStringAsync("/metrics", cancellationToken));
            Assert.Multiple(() =>
            {
                Assert.That(metrics.Sum("ivr_calls_started_total", ("menu", "carrier-support")), Is.EqualTo(Calls));
                Assert.That(metrics.Sum("ivr_calls_ended_total"), Is.EqualTo(Calls));
                Assert.That(metrics.Sum("ivr_calls_ended_total", ("outcome", "AbandonedInQueue")), Is.EqualTo(queued));
                Assert.That(metrics.Sum("ivr_calls_ended_total", ("outcome", "AnsweredByAgent")), Is.EqualTo(withAgent));
                Assert.That(metrics.Sum("ivr_escapes_total"), Is.EqualTo(Calls));
                Assert.That(metrics.Sum("ivr_time_to_person_seconds_count"), Is.EqualTo(withAgent));
                Assert.That(metrics.Sum("ivr_queue_wait_seconds_count", ("queue", "general"), ("result", "CONNECT")), Is.EqualTo(withAgent));
                Assert.That(metrics.Sum("ivr_queue_wait_seconds_count", ("queue", "general"), ("result", "ABANDON")), Is.EqualTo(queued));
                Assert.That(metrics.Sum("ivr_queue_wait_seconds_count"), Is.EqualTo(Calls), "no queue wait but the calls'");
                var waiting = metrics.Series("ivr_queue_waiting");
                Assert.That(waiting.Select(s => s.Labels["queue"]), Does.Contain("general"));
                Assert.That(waiting.Where(s => s.Value != 0), Is.Empty, "no queue's waiting gauge above 0");
            });
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record MadeCall(HttpStatusCode Started, HttpStatusCode Pressed, string State, HttpStatusCode HungUp, string Outcome);
}
