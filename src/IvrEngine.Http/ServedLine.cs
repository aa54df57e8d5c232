using System.Collections.Concurrent;
using System.Threading.Channels;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Hosting;
using IvrEngine.Hosting.Callbacks;
using IvrEngine.Http.Agents;
using IvrEngine.Http.Calls;
using IvrEngine.Http.Infrastructure;
using IvrEngine.Menus;
using IvrEngine.Queues;
using IvrEngine.Queues.Staffing;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IvrEngine.Http;

/// <summary>
/// The one line the service serves: its menu file (hot-reloaded by the <see cref="MenuCatalog"/>),
/// its queues and agents, the callback store and dialer, and the calls in progress. Requests reach
/// calls only through the <see cref="CallHost"/>'s thread, so every call stays one session on one
/// logical thread whatever the number of requests.
/// </summary>
public sealed class ServedLine
{
    private readonly CallHost _host;
    private readonly MenuCatalog _catalog;
    private readonly CallbackDialer _dialer;
    private readonly IvrMetrics _metrics;
    private readonly HttpServeOptions _options;
    private readonly ConcurrentDictionary<string, LiveCall> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _ended = new();
    private readonly List<Channel<string>> _queueListeners = [];
    private readonly List<MenuVersion> _versions = [];
    private int _live;

    public ServedLine(CallHost host, MenuCatalog catalog, ICallbackStore store, CallbackDialer dialer, IvrMetrics metrics, IOptions<HttpServeOptions> options)
    {
        _host = host;
        _catalog = catalog;
        Store = store;
        _dialer = dialer;
        _metrics = metrics;
        _options = options.Value;
    }

    /// <summary>The served menu file, once <see cref="OpenAsync"/> has loaded it.</summary>
    public string? MenuPath { get; private set; }

    /// <summary>The queues and agents, or null when the line has no staffing (a transfer ends the call at the queue).</summary>
    public CallCenter? Center { get; private set; }

    public ICallbackStore Store { get; }

    public CallHost Host => _host;

    /// <summary>The version new calls get.</summary>
    public Menu? Menu => MenuPath is null ? null : _catalog.Current(MenuPath);

    /// <summary>Calls not yet ended.</summary>
    public int LiveCalls => Volatile.Read(ref _live);

    internal MenuCatalog Catalog => _catalog;

    /// <summary>The live agents' tokens, dial destinations and event streams.</summary>
    internal AgentDesk Desk { get; } = new();

    internal HttpServeOptions Options => _options;

    /// <summary>
    /// Serves <paramref name="menuPath"/> (watched for changes) with <paramref name="staffing"/>'s agents:
    /// opens the call centre on the calls' thread and gives it to the dialer. Returns the load result;
    /// an invalid menu is not served.
    /// </summary>
    public async Task<MenuLoadResult> OpenAsync(string menuPath, StaffingPlan? staffing)
    {
        // The command that serves the line may have loaded it already (to check its staffing first).
        var loaded = _catalog.Current(menuPath) is { } current ? new MenuLoadResult(current, []) : _catalog.Watch(menuPath);
        if (!loaded.Succeeded) return loaded;
        MenuPath = menuPath;
        lock (_versions) _versions.Add(new MenuVersion(loaded.Menu.Version, _host.Clock.Clock.GetCurrentInstant(), "loaded"));
        _metrics.MenuVersion(loaded.Menu.Name);
        _catalog.Reloaded += (path, result) =>
        {
            if (path != MenuPath || !result.Succeeded) return;
            lock (_versions)
            {
                if (_versions[^1].Version == result.Menu.Version) return;
                _versions.Add(new MenuVersion(result.Menu.Version, _host.Clock.Clock.GetCurrentInstant(), "reloaded"));
            }
            _metrics.MenuVersion(result.Menu.Name);
        };
        _dialer.Dialed += attempt => _metrics.Callback(attempt.Result == "answered" ? "dialed" : "failed");
        if (staffing is null) return loaded;

        Center = await _host.OpenCallCenterAsync(loaded.Menu, staffing, Store);
        var center = Center;
        await _host.InvokeAsync(() =>
        {
            _dialer.Serve(center);
            center.EventRecorded += OnQueueEvent;
            center.Live.Happened += Desk.OnEvent;
            foreach (var queue in center.Menu.Queues.Keys) _metrics.Waiting(queue, 0);
        });
        return loaded;
    }

    /// <summary>The versions served since the start, oldest first.</summary>
    public IReadOnlyList<MenuVersion> Versions()
    {
        lock (_versions) return [.. _versions];
    }

    /// <summary>Records a version published over HTTP (the catalog has already switched to it).</summary>
    internal void Published(Menu menu)
    {
        lock (_versions)
        {
            if (_versions[^1].Version == menu.Version) _versions[^1] = _versions[^1] with { How = "published" };
            else _versions.Add(new MenuVersion(menu.Version, _host.Clock.Clock.GetCurrentInstant(), "published"));
        }
    }

    /// <summary>
    /// Answers a new call on the current version; false with why when the line is at its limit.
    /// The caller's locale and number are checked by the endpoint.
    /// </summary>
    internal async Task<(LiveCall? Call, int PromptMark)> StartAsync(Menu menu, string locale, string? callerId, string? providerCallId = null)
    {
        if (Interlocked.Increment(ref _live) > _options.MaxCalls)
        {
            Interlocked.Decrement(ref _live);
            return (null, 0);
        }
        var live = new LiveCall { ProviderCallId = providerCallId };
        var session = await _host.StartCallAsync(menu, locale, callerId, e => OnCallEvent(live, menu.Name, e), Center);
        live.Attach(session);
        _calls[live.Reference] = live;
        return (live, 0);
    }

    internal LiveCall? Find(string reference) => _calls.GetValueOrDefault(reference);

    /// <summary>Every call the service still knows, in reference order (live and recently ended).</summary>
    internal IReadOnlyList<LiveCall> Calls() => [.. _calls.Values.OrderBy(c => c.Reference, StringComparer.Ordinal)];

    /// <summary>A reader of queue events as queue-log JSON lines, from now on. On the calls' thread.</summary>
    internal ChannelReader<string> ListenToQueues()
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _queueListeners.Add(channel);
        return channel.Reader;
    }

    internal void StopListeningToQueues(ChannelReader<string> reader) => _queueListeners.RemoveAll(c => ReferenceEquals(c.Reader, reader));

    private void OnCallEvent(LiveCall call, string menuName, CallEvent callEvent)
    {
        call.OnEvent(callEvent);
        switch (callEvent.Type)
        {
            case CallEventType.CallStarted:
                _metrics.CallStarted(menuName);
                break;
            case CallEventType.EscapeAsked:
                _metrics.Escaped();
                break;
            case CallEventType.AgentConnected when call.Session is { } session:
                _metrics.ReachedPerson((callEvent.At - session.StartedAt).TotalSeconds);
                break;
            case CallEventType.CallbackBooked:
                _metrics.Callback("booked");
                break;
            case CallEventType.CallbackExisting:
                _metrics.Callback("existing");
                break;
            case CallEventType.CallEnded:
                Interlocked.Decrement(ref _live);
                _metrics.CallEnded(call.Session?.Outcome?.Kind.ToString() ?? "Unknown");
                Forget(call);
                break;
        }
    }

    /// <summary>Ended calls stay readable for a while; past the limit the oldest are forgotten.</summary>
    private void Forget(LiveCall call)
    {
        _ended.Enqueue(call.Reference);
        while (_ended.Count > _options.EndedCallsKept && _ended.TryDequeue(out var oldest)) _calls.TryRemove(oldest, out _);
    }

    private void OnQueueEvent(QueueEvent queueEvent)
    {
        if (Center is { } center && center.Menu.Queues.ContainsKey(queueEvent.Queue)) _metrics.Waiting(queueEvent.Queue, center.Waiting(queueEvent.Queue));
        if (queueEvent.Wait is { } wait && queueEvent.Type is QueueEventType.Connect or QueueEventType.Abandon or QueueEventType.ExitWithTimeout or QueueEventType.ExitEmpty or QueueEventType.ExitWithKey)
        {
            _metrics.LeftQueue(queueEvent.Queue, wait.TotalSeconds, QueueLog.AsteriskName(queueEvent.Type));
        }
        if (_queueListeners.Count == 0) return;
        var line = QueueLog.ToJsonLine(queueEvent);
        foreach (var listener in _queueListeners) listener.Writer.TryWrite(line);
    }
}

/// <summary>One version of the served menu: its hash, when it began to serve, and how (loaded, reloaded, published).</summary>
public sealed record MenuVersion(string Version, Instant Since, string How);
