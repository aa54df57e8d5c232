using IvrEngine.Http;
using IvrEngine.Queues.Staffing;
using Microsoft.Extensions.Logging;

namespace IvrEngine.Cluster;

/// <summary>
/// This silo's side of the line: what it would serve (the menu file and staffing every silo is started
/// with) and whether it serves it now. The line is opened here only when the <see cref="LineGrain"/>
/// is activated here; until then the silo forwards the line's requests to the one that serves it.
/// </summary>
public sealed partial class LocalLine(ServedLine served, ILogger<LocalLine> logger)
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
            if (!_opened)
            {
                var result = await served.OpenAsync(_menuPath ?? throw new InvalidOperationException("the line was not configured"), _staffing);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"the menu {_menuPath} does not load here: {result.Diagnostics.FirstOrDefault()}");
                }
                _opened = true;
            }
            _serving = true;
            return new LineOwner(HttpUrl, Silo, DateTimeOffset.FromUnixTimeMilliseconds(served.Host.Clock.Clock.GetCurrentInstant().ToUnixTimeMilliseconds()));
        }
        finally
        {
            _opening.Release();
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
        [LoggerMessage(1, LogLevel.Warning, "cluster: this silo no longer serves line '{Line}' ({Why})")]
        public static partial void Released(ILogger logger, string line, string why);
    }
}
