using IvrEngine.Files;
using IvrEngine.Http;
using IvrEngine.Menus;
using IvrEngine.Queues.Staffing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IvrEngine.Cluster;

/// <summary>
/// This silo's side of the line: what it would serve (the menu file and staffing every silo is started
/// with) and whether it serves it now. The line is opened here only when the <see cref="LineGrain"/>
/// is activated here; until then the silo forwards the line's requests to the one that serves it.
/// With a <see cref="LineMenuHistory"/> (a real cluster's database) it takes the line over at the last
/// version the cluster served, and records each version it serves.
/// </summary>
public sealed partial class LocalLine(ServedLine served, ILogger<LocalLine> logger, LineMenuHistory? history = null)
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private string? _menuPath;
    private StaffingPlan? _staffing;
    private bool _opened;
    private volatile bool _serving;

    /// <summary>The line's name (the menu's), the key of its grain.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Where other silos forward this silo's requests when it serves the line.</summary>
    public string HttpUrl { get; private set; } = "";

    /// <summary>This silo's Orleans address, for status and logs (known once the silo runs).</summary>
    public string Silo { get; private set; } = "";

    /// <summary>Whether this silo serves the line now: its requests are answered here, not forwarded.</summary>
    public bool IsServing => _serving;

    /// <summary>Names what this silo serves once it is given the line (before the silo starts).</summary>
    public void Configure(string name, string menuPath, StaffingPlan? staffing, string httpUrl)
    {
        Name = name;
        _menuPath = menuPath;
        _staffing = staffing;
        HttpUrl = httpUrl;
    }

    /// <summary>Opens the line here (once per process: its calls thread, queues and dialer stay), and serves it.</summary>
    internal async Task<LineOwner> OpenAsync(string silo)
    {
        Silo = silo;
        await _opening.WaitAsync();
        try
        {
            var menuPath = _menuPath ?? throw new InvalidOperationException("the line was not configured");
            await AdoptLastServedAsync(menuPath);
            if (!_opened)
            {
                var result = await served.OpenAsync(menuPath, _staffing);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"the menu {menuPath} does not load here: {result.Diagnostics.FirstOrDefault()}");
                }
                served.Catalog.Reloaded += (path, reloaded) =>
                {
                    if (_serving && path == menuPath && reloaded.Succeeded) _ = RecordAsync(menuPath);
                };
                _opened = true;
            }
            _serving = true;
            await RecordAsync(menuPath);
            return new LineOwner(HttpUrl, Silo, DateTimeOffset.FromUnixTimeMilliseconds(served.Host.Clock.Clock.GetCurrentInstant().ToUnixTimeMilliseconds()));
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>
    /// Before serving: when the cluster last served a version other than this silo's file, and the
    /// file's version is one the cluster served before (so it is behind, not a new edit made here),
    /// the file becomes that version. A new edit here wins and is recorded as the last version.
    /// Without the database the file is served as it is, and that is said.
    /// </summary>
    private async Task AdoptLastServedAsync(string menuPath)
    {
        if (history is null || served.Catalog.Current(menuPath) is not { } local) return;
        try
        {
            if (await history.LastAsync(Name) is not { } last || last.Version == local.Version) return;
            if (!await history.WasServedAsync(Name, local.Version)) return;

            await WholeFileReplacement.ReplaceAsync(menuPath, last.Document, "adopting");
            var reloaded = served.Catalog.Reload(menuPath);
            if (reloaded.Succeeded) Log.Adopted(logger, Name, last.Version, local.Version);
            else Log.NotAdopted(logger, Name, last.Version, reloaded.Diagnostics.FirstOrDefault()?.ToString() ?? "it does not load");
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            Log.HistoryAway(logger, Name, exception.Message.ReplaceLineEndings(" "));
        }
    }

    /// <summary>Records the version this silo serves now as the cluster's last (the file's bytes, as served).</summary>
    private async Task RecordAsync(string menuPath)
    {
        if (history is null) return;
        try
        {
            var document = await File.ReadAllBytesAsync(menuPath);
            if (MenuLoader.Load(document, menuPath).Menu is { } menu) await history.RecordAsync(Name, menu.Version, document);
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            Log.HistoryAway(logger, Name, exception.Message.ReplaceLineEndings(" "));
        }
    }

    /// <summary>
    /// The grain left this silo (the silo is stopping, or Orleans resolved a second activation): new
    /// requests go to wherever the line is served next.
    /// </summary>
    internal void Release(string? why)
    {
        if (!_serving) return;
        _serving = false;
        Log.Released(logger, Name, why ?? "deactivated");
    }

    private static partial class Log
    {
        [LoggerMessage(2, LogLevel.Warning, "cluster: line '{Line}' taken over at version {Version}, the last the cluster served (this silo's file had {Had})")]
        public static partial void Adopted(ILogger logger, string line, string version, string had);

        [LoggerMessage(3, LogLevel.Warning, "cluster: line '{Line}': the last version the cluster served ({Version}) does not load here, so this silo serves its own file: {Problem}")]
        public static partial void NotAdopted(ILogger logger, string line, string version, string problem);

        [LoggerMessage(4, LogLevel.Warning, "cluster: line '{Line}': the menu versions in the cluster's database cannot be read or written ({Problem}); serving this silo's file as it is")]
        public static partial void HistoryAway(ILogger logger, string line, string problem);

        [LoggerMessage(1, LogLevel.Warning, "cluster: this silo no longer serves line '{Line}' ({Why})")]
        public static partial void Released(ILogger logger, string line, string why);
    }
}
