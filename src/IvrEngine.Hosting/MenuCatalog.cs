using System.Collections.Concurrent;
using IvrEngine.Menus;
using Microsoft.Extensions.Logging;

namespace IvrEngine.Hosting;

/// <summary>
/// The menus a live line serves, reloaded when their files change. A change is loaded after the file
/// has been quiet for <see cref="Debounce"/> (timed by the injected <see cref="TimeProvider"/>, so an
/// editor's several writes make one reload). A valid change becomes the version new calls get; an
/// invalid one — including a file caught half-written — is refused with its located errors logged,
/// and the previous version keeps serving; <see cref="Status"/> keeps the refused load's diagnostics
/// until the file loads again. Calls in progress keep the <see cref="Menu"/> instance they
/// started with, so they finish on their version whatever happens here.
/// </summary>
public sealed partial class MenuCatalog : IDisposable
{
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger<MenuCatalog> _logger;

    public MenuCatalog(TimeProvider time, ILogger<MenuCatalog> logger, TimeSpan? debounce = null)
    {
        _time = time;
        _logger = logger;
        Debounce = debounce ?? DefaultDebounce;
    }

    public TimeSpan Debounce { get; }

    /// <summary>Raised after every reload attempt (on a timer thread), valid or not.</summary>
    public event Action<string, MenuLoadResult>? Reloaded;

    /// <summary>
    /// Loads <paramref name="path"/> and, when it is valid, serves it and watches the file. An invalid
    /// file is not served (the result says why); nothing is watched for it.
    /// </summary>
    public MenuLoadResult Watch(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var result = MenuLoader.LoadFile(fullPath);
        if (!result.Succeeded) return result;

        var entry = new Entry(fullPath, new MenuFileStatus(result.Menu, _time.GetUtcNow(), []));
        if (!_entries.TryAdd(fullPath, entry)) return new MenuLoadResult(Current(fullPath), result.Diagnostics);

        var watcher = new FileSystemWatcher(Path.GetDirectoryName(fullPath)!, Path.GetFileName(fullPath))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
        };
        watcher.Changed += (_, _) => Schedule(entry);
        watcher.Created += (_, _) => Schedule(entry);
        watcher.Renamed += (_, e) =>
        {
            if (string.Equals(e.FullPath, fullPath, StringComparison.Ordinal)) Schedule(entry);
        };
        watcher.EnableRaisingEvents = true;
        entry.Watcher = watcher;
        Log.Serving(_logger, result.Menu.Name, result.Menu.Version, fullPath);
        return result;
    }

    /// <summary>The version new calls on <paramref name="path"/> get, or null when it is not served.</summary>
    public Menu? Current(string path) => Status(path)?.Serving;

    /// <summary>
    /// The version served from <paramref name="path"/>, since when, and the located problems of the
    /// file as it is now when its last change was refused (empty when the file is good); null when
    /// it is not served. One consistent snapshot: all three change together.
    /// </summary>
    public MenuFileStatus? Status(string path) =>
        _entries.TryGetValue(Path.GetFullPath(path), out var entry) ? Volatile.Read(ref entry.State) : null;

    /// <summary>Reloads now, as a file change would after the debounce (for callers that know a file changed).</summary>
    public MenuLoadResult Reload(string path) =>
        _entries.TryGetValue(Path.GetFullPath(path), out var entry)
            ? Load(entry)
            : throw new InvalidOperationException($"'{path}' is not watched.");

    public void Dispose()
    {
        foreach (var entry in _entries.Values)
        {
            lock (entry)
            {
                entry.Watcher?.Dispose();
                entry.Timer?.Dispose();
                entry.Disposed = true;
            }
        }
    }

    private void Schedule(Entry entry)
    {
        lock (entry)
        {
            if (entry.Disposed) return;
            if (entry.Timer is null) entry.Timer = _time.CreateTimer(_ => Load(entry), null, Debounce, Timeout.InfiniteTimeSpan);
            else entry.Timer.Change(Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private MenuLoadResult Load(Entry entry)
    {
        MenuLoadResult result;
        lock (entry)
        {
            result = MenuLoader.LoadFile(entry.Path);
            var state = Volatile.Read(ref entry.State);
            var serving = state.Serving;
            if (result.Succeeded)
            {
                if (result.Menu.Version != serving.Version)
                {
                    Volatile.Write(ref entry.State, new MenuFileStatus(result.Menu, _time.GetUtcNow(), []));
                    Log.Serving(_logger, result.Menu.Name, result.Menu.Version, entry.Path);
                }
                else if (entry.Refused)
                {
                    // Ops reverted a bad edit: say the file is good again, or the last word stays "error".
                    Volatile.Write(ref entry.State, state with { Problems = [] });
                    Log.ServingAgain(_logger, entry.Path, serving.Name, serving.Version);
                }

                entry.Refused = false;
            }
            else
            {
                entry.Refused = true;
                Volatile.Write(ref entry.State, state with { Problems = result.Diagnostics });
                Log.Refused(_logger, entry.Path, result.Errors.Count(), serving.Name, serving.Version);
                foreach (var error in result.Errors) Log.Problem(_logger, error.ToString());
            }
        }

        Reloaded?.Invoke(entry.Path, result);
        return result;
    }

    private sealed class Entry(string path, MenuFileStatus state)
    {
        public readonly string Path = path;
        public MenuFileStatus State = state;

        public FileSystemWatcher? Watcher { get; set; }

        public ITimer? Timer { get; set; }

        public bool Disposed { get; set; }

        /// <summary>The last change was refused, so the next good load is news even when it is the version already served.</summary>
        public bool Refused { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 10, EventName = "MenuServing", Level = LogLevel.Information, Message = "menu {Name} version {Version} now serving (from {Path})")]
        public static partial void Serving(ILogger logger, string name, string version, string path);

        [LoggerMessage(EventId = 11, EventName = "MenuRefused", Level = LogLevel.Warning,
            Message = "menu file {Path} changed but has {Count} error(s); menu {Name} version {Version} keeps serving")]
        public static partial void Refused(ILogger logger, string path, int count, string name, string version);

        [LoggerMessage(EventId = 13, EventName = "MenuServingAgain", Level = LogLevel.Information, Message = "menu file {Path} fixed: menu {Name} version {Version} serving again")]
        public static partial void ServingAgain(ILogger logger, string path, string name, string version);

        [LoggerMessage(EventId = 12, EventName = "MenuProblem", Level = LogLevel.Error, Message = "{Diagnostic}")]
        public static partial void Problem(ILogger logger, string diagnostic);
    }
}

/// <summary>A served menu file: the version new calls get, when it began to serve, and what is wrong with the file now.</summary>
/// <param name="Problems">The diagnostics of the last reload when it was refused (errors and warnings, located); empty when the file is good.</param>
public sealed record MenuFileStatus(Menu Serving, DateTimeOffset LoadedAt, IReadOnlyList<MenuDiagnostic> Problems);
