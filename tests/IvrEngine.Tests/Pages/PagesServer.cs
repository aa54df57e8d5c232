using IvrEngine.Http;
using IvrEngine.Queues.Staffing;
using IvrEngine.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IvrEngine.Tests.Pages;

/// <summary>
/// The HTTP service as <c>ivr serve --http --clock virtual</c> runs it, on a real Kestrel at
/// 127.0.0.1 (a free port), serving a copy of the bundled menu and its staffing from a temporary
/// folder, Monday 09:15 New York, seed 7: what the browser tests point Chromium at.
/// </summary>
internal sealed class PagesServer : IAsyncDisposable
{
    private readonly IHost _host;

    private PagesServer(IHost host, string folder, string menuPath)
    {
        _host = host;
        Folder = folder;
        MenuPath = menuPath;
    }

    public string Folder { get; }

    public string MenuPath { get; }

    /// <summary>http://127.0.0.1:PORT, no trailing slash.</summary>
    public string Address { get; private set; } = "";

    public ServedLine Line => _host.Services.GetRequiredService<ServedLine>();

    /// <param name="staffingFile">A staffing file of menus/ (the bundled shift, or the one with live seats).</param>
    public static async Task<PagesServer> StartAsync(string staffingFile = "carrier-support.staffing.json")
    {
        var folder = Directory.CreateTempSubdirectory("ivr-pages-").FullName;
        var menuPath = Path.Combine(folder, "carrier-support.json");
        File.Copy(RepoPaths.BundledMenu, menuPath);
        var host = LoopbackService.Build(LoopbackService.VirtualTimeSettings(folder));
        var server = new PagesServer(host, folder, menuPath);
        await host.StartAsync();
        var menu = IvrEngine.Menus.MenuLoader.LoadFile(menuPath).Menu!;
        var staffing = StaffingLoader.LoadFile(Path.Combine(RepoPaths.Menus, staffingFile), menu);
        var opened = await server.Line.OpenAsync(menuPath, staffing.Plan);
        Assert.That(opened.Succeeded, Is.True);
        server.Address = LoopbackService.AddressOf(host);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
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
