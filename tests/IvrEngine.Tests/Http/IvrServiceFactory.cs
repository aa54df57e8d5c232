using System.Net.Http.Json;
using System.Text.Json;
using IvrEngine.Hosting;
using IvrEngine.Http;
using IvrEngine.Queues.Staffing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IvrEngine.Tests.Http;

/// <summary>
/// The HTTP service in memory (<see cref="WebApplicationFactory{TEntryPoint}"/>), wired exactly as
/// <c>ivr serve --http</c> wires it, on a copy of the bundled menu and its staffing in a temporary
/// folder, with a real SQLite store, in virtual time from Monday 09:15 New York with seed 7.
/// </summary>
internal sealed class IvrServiceFactory : WebApplicationFactory<IvrServiceFactory>
{
    public const string MondayMorning = "2026-11-30T09:15 America/New_York";
    public const string TwilioToken = "test-auth-token-0123456789abcdef";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _twiml;

    public IvrServiceFactory(bool twiml = false, Dictionary<string, string?>? settings = null, string? staffing = null)
    {
        Folder = Directory.CreateTempSubdirectory("ivr-http-").FullName;
        MenuPath = Path.Combine(Folder, "carrier-support.json");
        File.Copy(RepoPaths.BundledMenu, MenuPath);
        StaffingPath = Path.Combine(Folder, "carrier-support.staffing.json");
        if (staffing is null) File.Copy(Path.Combine(RepoPaths.Menus, "carrier-support.staffing.json"), StaffingPath);
        else File.WriteAllText(StaffingPath, staffing);
        _twiml = twiml;
        _settings = new Dictionary<string, string?>
        {
            ["Ivr:Clock"] = "Virtual",
            ["Ivr:StartAt"] = MondayMorning,
            ["Ivr:Seed"] = "7",
            ["Ivr:Callbacks:Database"] = Path.Combine(Folder, "callbacks.db"),
            ["Ivr:Http:TwilioAuthToken"] = TwilioToken,
        };
        foreach (var (key, value) in settings ?? []) _settings[key] = value;
    }

    public string Folder { get; }

    public string MenuPath { get; }

    public string StaffingPath { get; }

    public ServedLine Line => Services.GetRequiredService<ServedLine>();

    /// <summary>Starts the service and opens the line (menu, staffing, dialer), as <c>ivr serve</c> does after its checks.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var staffing = StaffingLoader.LoadFile(StaffingPath, IvrEngine.Menus.MenuLoader.LoadFile(MenuPath).Menu!);
        Assert.That(staffing.Succeeded, Is.True, string.Join("\n", staffing.Diagnostics));
        var loaded = await Line.OpenAsync(MenuPath, staffing.Plan);
        Assert.That(loaded.Succeeded, Is.True);
        return client;
    }

    protected override IHostBuilder CreateHostBuilder() =>
        new HostBuilder()
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings))
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices((context, services) =>
            {
                services.AddIvrEngine(context.Configuration);
                services.AddIvrCallbacks(context.Configuration);
                services.AddMenuCatalog();
                services.AddIvrHttp(context.Configuration);
            })
            .ConfigureWebHost(web => web.Configure(app => app.UseIvrHttp(_twiml)));

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left in the temp folder.
        }
    }
}

/// <summary>JSON helpers for the API's answers.</summary>
internal static class Api
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(url, body ?? new { });

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).ToString();
}
