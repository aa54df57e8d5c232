using IvrEngine.Hosting;
using IvrEngine.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IvrEngine.Tests.Http;

/// <summary>
/// The HTTP service wired as <c>ivr serve --http</c> wires it, on a real Kestrel at 127.0.0.1 on a
/// free port: for the tests that need real sockets (load, browsers, the real file watcher) rather
/// than the in-memory test server.
/// </summary>
internal static class LoopbackService
{
    /// <summary>Monday 09:15 New York in virtual time, seed 7, the callback store in <paramref name="folder"/>.</summary>
    public static Dictionary<string, string?> VirtualTimeSettings(string folder) => new()
    {
        ["Ivr:Clock"] = "Virtual",
        ["Ivr:StartAt"] = IvrServiceFactory.MondayMorning,
        ["Ivr:Seed"] = "7",
        ["Ivr:Callbacks:Database"] = Path.Combine(folder, "callbacks.db"),
    };

    /// <param name="reloadDebounce">How long the menu file must be quiet before a reload (the catalog's default when null).</param>
    public static IHost Build(IReadOnlyDictionary<string, string?> settings, LogLevel logLevel = LogLevel.Warning, TimeSpan? reloadDebounce = null) =>
        new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings))
            .ConfigureLogging(l => l.SetMinimumLevel(logLevel))
            .ConfigureServices((context, services) =>
            {
                services.AddIvrEngine(context.Configuration);
                services.AddIvrCallbacks(context.Configuration);
                services.AddMenuCatalog(reloadDebounce);
                services.AddIvrHttp(context.Configuration);
            })
            .ConfigureWebHost(web => web.UseKestrel().UseUrls("http://127.0.0.1:0").Configure(app => app.UseIvrHttp(twiml: false)))
            .Build();

    /// <summary>http://127.0.0.1:PORT of a started host, without a trailing slash.</summary>
    public static string AddressOf(IHost host) =>
        host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
}
