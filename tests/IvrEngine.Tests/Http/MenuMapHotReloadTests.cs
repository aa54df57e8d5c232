using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using IvrEngine.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IvrEngine.Tests.Http;

/// <summary>
/// The menu map over a real Kestrel on 127.0.0.1 in real time, with the real file watcher: an editor
/// saving a broken menu shows in /menus/status within seconds while the diagram keeps the last good
/// version, and saving a fixed one redraws it. Polls are bounded (10 s each).
/// </summary>
public sealed class MenuMapHotReloadTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Test]
    public async Task SavingABrokenThenAFixedMenu_ShowsItsErrorsThenTheNewVersion_OverRealHttp()
    {
        var folder = Directory.CreateTempSubdirectory("ivr-map-").FullName;
        var menuPath = Path.Combine(folder, "carrier-support.json");
        File.Copy(RepoPaths.BundledMenu, menuPath);
        var settings = new Dictionary<string, string?>
        {
            ["Ivr:Clock"] = "Real",
            ["Ivr:Callbacks:Database"] = Path.Combine(folder, "callbacks.db"),
        };
        using var host = LoopbackService.Build(settings, LogLevel.Error, reloadDebounce: TimeSpan.FromMilliseconds(50));
        await host.StartAsync();
        try
        {
            var line = host.Services.GetRequiredService<ServedLine>();
            Assert.That((await line.OpenAsync(menuPath, staffing: null)).Succeeded, Is.True);
            var address = LoopbackService.AddressOf(host);
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            var good = File.ReadAllText(menuPath);
            var goodVersion = (await StatusAsync(client)).Str("version");

            File.WriteAllText(menuPath, good.Replace("\"start\": \"main\"", "\"start\": \"nowhere\"", StringComparison.Ordinal));
            var broken = await UntilAsync(client, s => s.GetProperty("problems").GetArrayLength() > 0);

            Assert.That(broken.Str("version"), Is.EqualTo(goodVersion));
            Assert.That(broken.GetProperty("problems").EnumerateArray().Select(p => (p.Str("code"), p.GetProperty("line").GetInt32(), p.GetProperty("column").GetInt32())),
                Does.Contain(("IVR0011", 14, 12)));
            Assert.That(Version(await client.GetStringAsync("/menus/diagram.svg")), Is.EqualTo(goodVersion));

            File.WriteAllText(menuPath, good.Replace("Thanks for calling customer care.", "Thank you for calling customer care.", StringComparison.Ordinal));
            var fixedStatus = await UntilAsync(client, s => s.Str("version") != goodVersion);

            Assert.That(fixedStatus.GetProperty("problems").GetArrayLength(), Is.Zero);
            Assert.That(Version(await client.GetStringAsync("/menus/diagram.svg")), Is.EqualTo(fixedStatus.Str("version")));
        }
        finally
        {
            await host.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Version(string svg) => XDocument.Parse(svg).Root!.Attribute("data-version")!.Value;

    private static async Task<JsonElement> StatusAsync(HttpClient client) => await (await client.GetAsync("/menus/status")).JsonAsync();

    /// <summary>Polls /menus/status until <paramref name="done"/> holds, failing after <see cref="Limit"/>.</summary>
    private static async Task<JsonElement> UntilAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        var since = Stopwatch.StartNew();
        while (true)
        {
            var status = await StatusAsync(client);
            if (done(status)) return status;
            if (since.Elapsed > Limit) Assert.Fail($"/menus/status did not change within {Limit.TotalSeconds} s: {status}");
            await Task.Delay(50);
        }
    }
}
