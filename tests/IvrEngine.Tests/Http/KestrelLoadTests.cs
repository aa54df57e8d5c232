using System.Net;
using System.Net.Http.Json;
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

namespace IvrEngine.Tests.Http;

/// <summary>
/// Many calls at once through a real Kestrel on 127.0.0.1, bounded so a 2-core CI runs it in seconds:
/// each call walks to a queue and hangs up. No request fails, no caller is left in a queue, and the
/// metrics count exactly the calls made. (Speed is measured elsewhere, not asserted here.)
/// </summary>
public sealed class KestrelLoadTests
{
    private const int Calls = 300;

    [Test]
    public async Task ThreeHundredConcurrentCalls_EachQueuedThenHungUp_LeaveNothingWaiting_AndTheMetricsMatch()
    {
        var folder = Directory.CreateTempSubdirectory("ivr-load-").FullName;
        var menuPath = Path.Combine(folder, "carrier-support.json");
        File.Copy(RepoPaths.BundledMenu, menuPath);
        var settings = new Dictionary<string, string?>
        {
            ["Ivr:Clock"] = "Virtual",
            ["Ivr:StartAt"] = IvrServiceFactory.MondayMorning,
            ["Ivr:Seed"] = "7",
            ["Ivr:Callbacks:Database"] = Path.Combine(folder, "callbacks.db"),
        };
        using var host = new HostBuilder()
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
        try
        {
            var line = host.Services.GetRequiredService<ServedLine>();
            var menu = IvrEngine.Menus.MenuLoader.LoadFile(menuPath).Menu!;
            await line.OpenAsync(menuPath, StaffingLoader.LoadFile(Path.Combine(RepoPaths.Menus, "carrier-support.staffing.json"), menu).Plan);
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            var statuses = await Task.WhenAll(Enumerable.Range(0, Calls).Select(async _ =>
            {
                var started = await client.PostAsJsonAsync("/calls", new { });
                var reference = (await started.JsonAsync()).Str("reference");
                var pressed = await client.PostAsJsonAsync($"/calls/{reference}/press", new { keys = "0" });
                var state = (await pressed.JsonAsync()).Str("state");
                var hungUp = await client.PostAsJsonAsync($"/calls/{reference}/hangup", new { });
                return (started.StatusCode, pressed.StatusCode, state, hungUp.StatusCode);
            }));

            Assert.That(statuses.Count(s => s is (HttpStatusCode.Created, HttpStatusCode.OK, _, HttpStatusCode.OK)), Is.EqualTo(Calls));
            Assert.That(statuses.Count(s => s.state == "Queued"), Is.EqualTo(Calls - statuses.Count(s => s.state == "WithAgent")));
            Assert.That(line.LiveCalls, Is.Zero);
            var queues = await (await client.GetAsync("/queues")).JsonAsync();
            Assert.That(queues.EnumerateArray().Sum(q => q.GetProperty("waiting").GetInt32()), Is.Zero);
            var metrics = await client.GetStringAsync("/metrics");
            Assert.That(metrics, Does.Contain($"ivr_calls_started_total{{otel_scope_name=\"IvrEngine\",menu=\"carrier-support\"}} {Calls}"));
            Assert.That(metrics, Does.Contain($"ivr_escapes_total{{otel_scope_name=\"IvrEngine\"}} {Calls}"));
            Assert.That(metrics, Does.Contain("ivr_queue_waiting{otel_scope_name=\"IvrEngine\",queue=\"general\"} 0"));
        }
        finally
        {
            await host.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
