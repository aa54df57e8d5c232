using System.CommandLine;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Cli.Console;
using IvrEngine.Hosting;
using IvrEngine.Hosting.Callbacks;
using IvrEngine.Http;
using IvrEngine.Http.Infrastructure;
using IvrEngine.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// <c>ivr serve MENU</c>: a live line in real time. The menu file is watched and hot-reloaded (see
/// <see cref="MenuCatalog"/>); calls are driven by lines on the input, and each reply names the menu
/// version the call runs on. Reload news and refused versions go to stderr through the log.
/// The line's queues are staffed from the staffing file, and promised callbacks are kept in the
/// callback store (a SQLite file, or PostgreSQL shared with other servers) and placed by the
/// <see cref="CallbackDialer"/>; each dial is reported on stderr.
/// </summary>
internal static class ServeCommand
{
    private const string Usage = "lines: call [KEYS] | press REF KEYS | say REF WORDS | hangup REF | callback NUMBER QUEUE | callbacks | wait SECONDS|Nm";

    /// <summary>Callbacks asked for on the input are numbers in this region unless written with a +country code.</summary>
    private const string NumberRegion = "US";

    /// <summary>How long a callback asked for on the input stays valid.</summary>
    private static readonly Duration CallbackValidFor = Duration.FromDays(1);

    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var menu = new Argument<string>("MENU") { Description = "The menu file to serve and watch." };
        var staffing = new Option<string?>("--staffing")
        {
            Description = "The simulated agents and live seats behind the menu's queues (default: MENU.staffing.json beside the menu, if there is one); 'none' ends calls at the transfer and dials no callbacks.",
            HelpName = "FILE|none",
        };
        var callbacksDb = new Option<string?>("--callbacks-db")
        {
            Description = $"Where promised callbacks are kept: a SQLite file, or PostgreSQL shared with other servers as postgres://USER:PASSWORD@HOST:PORT/DB or Host=…;Database=… (default: the {CallbackOptions.SectionName}:Database setting, ivr-callbacks.db).",
            HelpName = "FILE|URL",
        };
        var at = new Option<string?>("--at") { Description = "When the line starts: \"2026-11-30T09:15 America/New_York\" (default: now).", HelpName = "TIME" };
        var clock = new Option<string?>("--clock") { Description = "real (default): the wall clock; virtual: time moves only with a 'wait' line, so the dialer can be scripted." };
        clock.AcceptOnlyFromAmong("real", "virtual");
        var http = new Option<string?>("--http") { Description = "Also serve the line over HTTP at this address (docs/http.md); loopback unless an API key is set (Ivr:Http:ApiKey).", HelpName = "URL" };
        var noInput = new Option<bool>("--no-input") { Description = "With --http: read no lines from the input; serve until stopped (Ctrl+C)." };
        var twiml = new Option<bool>("--twiml") { Description = "With --http: answer TwiML voice webhooks under /twiml (docs/twiml.md); needs Ivr:Http:TwilioAuthToken." };
        var showCalls = new Option<bool?>("--show-calls")
        {
            Description = "Print what the line says to each caller started on the input, and the engine's notes, led by the call's reference (default: on when the output is a terminal).",
            HelpName = "true|false",
        };
        var cluster = new Option<bool>("--cluster")
        {
            Description = "With --http and --no-input: join the other silos of an Orleans cluster sharing a PostgreSQL database (Ivr:Cluster settings; docs/cluster.md). One silo serves the line; every silo's HTTP door reaches it; if its silo dies, a survivor takes the line over.",
        };
        var siloPort = new Option<int?>("--silo-port") { Description = "With --cluster: the port other silos reach this one at (default 11111).", HelpName = "PORT" };
        siloPort.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 65535) result.AddError("--silo-port must be between 1 and 65535.");
        });
        var transcripts = new Option<string?>("--transcript") { Description = "Write each input call's transcript to this folder as REF.jsonl when the call ends (as ivr call --transcript).", HelpName = "DIR" };
        transcripts.Validators.Add(result => OutputFolder.MustNotBeAFile(result, "--transcript"));
        var command = new Command("serve", $"Serve a menu in real time, reloading it when the file changes, and place promised callbacks; {Usage}.") { menu, staffing, callbacksDb, at, clock, http, noInput, twiml, cluster, siloPort, showCalls, transcripts };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(new ServeRequest(parseResult.GetValue(menu)!, parseResult.GetValue(staffing), parseResult.GetValue(callbacksDb), parseResult.GetValue(at), parseResult.GetValue(clock))
                {
                    Http = parseResult.GetValue(http),
                    NoInput = parseResult.GetValue(noInput),
                    Twiml = parseResult.GetValue(twiml),
                    Cluster = parseResult.GetValue(cluster),
                    SiloPort = parseResult.GetValue(siloPort),
                    ShowCalls = parseResult.GetValue(showCalls) ?? (ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected),
                    TranscriptFolder = parseResult.GetValue(transcripts),
                },
                input, output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ServeRequest request, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var path = request.MenuPath;
        if (request.At is { } at && !Time.StartTimeParser.TryParse(at, out _, out var atError))
        {
            await error.WriteLineAsync($"ivr serve: --at: {atError}");
            return ExitCodes.Usage;
        }

        if (request.Http is null && (request.NoInput || request.Twiml))
        {
            await error.WriteLineAsync($"ivr serve: {(request.NoInput ? "--no-input" : "--twiml")} needs --http URL.");
            return ExitCodes.Usage;
        }

        if (request.Cluster && (request.Http is null || !request.NoInput || request.Clock == "virtual"))
        {
            await error.WriteLineAsync("ivr serve: --cluster needs --http URL and --no-input, on the real clock: calls reach a cluster over HTTP.");
            return ExitCodes.Usage;
        }

        if (request.TranscriptFolder is { } folder && !OutputFolder.TryPrepare(folder, "--transcript", out var folderProblem))
        {
            await error.WriteLineAsync($"ivr serve: {folderProblem}");
            return ExitCodes.Usage;
        }

        using var host = BuildHost(request, out var cluster, out var clusterProblem);
        if (clusterProblem is not null)
        {
            await error.WriteLineAsync($"ivr serve: {clusterProblem}");
            return ExitCodes.Usage;
        }
        if (!await HostSettings.CheckAsync(host, "ivr serve", error)) return ExitCodes.Usage;
        if (request.Http is { } url && HttpSettingsProblem(host, url, request.Twiml) is { } httpProblem)
        {
            await error.WriteLineAsync($"ivr serve: {httpProblem}");
            return ExitCodes.Usage;
        }

        // A store that cannot work (read-only, a folder that is a file, a newer schema) fails here, in
        // one line, rather than at the first caller's booking or the dialer's first poll.
        try
        {
            ((IDurableCallbackStore)host.Services.GetRequiredService<ICallbackStore>()).EnsureReady();
        }
        catch (CallbackStoreException exception)
        {
            await error.WriteLineAsync($"ivr serve: {exception.Message}");
            return ExitCodes.Failed;
        }

        if (cluster?.PrepareDatabase() is { } databaseProblem)
        {
            await error.WriteLineAsync($"ivr serve: {databaseProblem}");
            return ExitCodes.Failed;
        }

        var catalog = host.Services.GetRequiredService<MenuCatalog>();
        if (MenuFiles.Accept(catalog.Watch(path), path, "ivr serve", error) is not { } menu) return ExitCodes.Failed;
        var staffing = await StaffingFiles.LoadAsync(request.StaffingOption, path, menu, "ivr serve", error);
        if (!staffing.Succeeded) return ExitCodes.Failed;
        // The line opens on this silo only when its grain comes here; until then requests are forwarded.
        cluster?.Configure(host.Services, menu, path, staffing.Plan);

        // Dial news arrives on the dialer's threads while the input loop writes replies.
        var news = TextWriter.Synchronized(error);
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            foreach (var failure in exception.Failures) await error.WriteLineAsync($"ivr serve: {failure}");
            return ExitCodes.Usage;
        }
        catch (IOException exception)
        {
            // Kestrel could not bind (the port is taken, the address is not this machine's).
            await error.WriteLineAsync($"ivr serve: cannot listen on {request.Http}: {exception.Message}");
            return ExitCodes.Failed;
        }

        var calls = host.Services.GetRequiredService<CallHost>();
        var store = host.Services.GetRequiredService<ICallbackStore>();
        var dialer = host.Services.GetRequiredService<CallbackDialer>();
        dialer.Dialed += attempt => news.WriteLine($"dialed {attempt.Reference} attempt {attempt.Number}: {attempt.Result}");
        CallCenter? center = null;
        if (cluster is not null)
        {
            await output.WriteLineAsync($"Cluster: silo {cluster.Advertised.Host}:{cluster.Settings.SiloPort} in cluster '{cluster.Settings.ClusterId}' ({cluster.Database.Display}); one silo serves the line and the others forward to it (GET /cluster).");
        }
        else if (request.Http is not null)
        {
            // One line for both doors: HTTP calls and input lines share the queues, the store and the dialer.
            var line = host.Services.GetRequiredService<ServedLine>();
            await line.OpenAsync(path, staffing.Plan);
            center = line.Center;
        }
        else if (staffing.Plan is { } plan)
        {
            center = await calls.OpenCallCenterAsync(menu, plan, store);
            await calls.InvokeAsync(() => dialer.Serve(center));
        }

        var references = host.Services.GetRequiredService<IOptions<IvrOptions>>().Value.Seed is { } seed ? new Random(seed) : new Random();
        var sessions = new Dictionary<string, CallSession>(StringComparer.Ordinal);
        await output.WriteLineAsync(staffing.Plan is { } agents
            ? $"Agents: {agents.Agents.Length} simulated, from {Path.GetFileName(staffing.Path)}."
            : "No staffing file: a transfer ends the call at the queue, and callbacks are kept but not dialed.");
        await output.WriteLineAsync($"Callbacks: {store}.");
        if (request.Http is { } listening) await output.WriteLineAsync($"HTTP: {listening} (OpenAPI at {listening.TrimEnd('/')}/openapi/v1.json){(request.Twiml ? $"; TwiML webhooks at {listening.TrimEnd('/')}/twiml/voice" : "")}.");
        if (request.NoInput)
        {
            await output.WriteLineAsync($"Serving {menu.Name} version {menu.Version} from {path} until stopped (Ctrl+C).");
            var stopped = new TaskCompletionSource();
            await using (cancellationToken.Register(() => stopped.TrySetResult()))
            {
                await stopped.Task;
            }
            await host.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        }
        await output.WriteLineAsync($"Serving {menu.Name} version {menu.Version} from {path}; {Usage}.");
        // Calls' events come from the calls' thread while the input loop writes replies.
        var shown = TextWriter.Synchronized(output);
        var watcher = new ServedCallWatcher(shown, request.ShowCalls ? CallLinePainter.ForOutput(output, quietEvents: false) : null, request.TranscriptFolder, news);
        output = shown;
        var lines = new CallerLineReader(input);
        while (!cancellationToken.IsCancellationRequested && await lines.ReadLineAsync(cancellationToken) is { } read)
        {
            if (read.Text is not { } line)
            {
                await output.WriteLineAsync($"? {read.IgnoredNote}");
                continue;
            }
            var words = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0) continue;
            if (words[0] == "call" && words.Length <= 2)
            {
                var call = await calls.StartCallAsync(catalog.Current(path)!, callCenter: center);
                sessions[call.Reference.ToString()] = call;
                await calls.InvokeAsync(() => watcher.Watch(call));
                if (words.Length == 2) await calls.InvokeAsync(() => call.Press(words[1]));
                await output.WriteLineAsync(await Describe(calls, call));
            }
            else if (words.Length >= 2 && words[0] is "press" or "say" or "hangup" && sessions.TryGetValue(words[1], out var call))
            {
                if (words[0] == "hangup") await calls.InvokeAsync(call.HangUp);
                else if (words.Length == 3 && words[0] == "press") await calls.InvokeAsync(() => call.Press(words[2]));
                else if (words.Length == 3) await calls.InvokeAsync(() => call.Say(words[2]));
                await output.WriteLineAsync(await Describe(calls, call));
            }
            else if (words[0] == "callback" && words.Length == 3)
            {
                // The queue is the last word; the number may be written with spaces, "(202) 555-0143".
                var rest = $"{words[1]} {words[2]}";
                var queue = rest.LastIndexOf(' ');
                await output.WriteLineAsync(ScheduleCallback(store, calls, catalog.Current(path)!, references, rest[..queue], rest[(queue + 1)..]));
            }
            else if (words[0] == "wait" && CallerCommand.Parse(line) is CallerCommand.Wait { For: { } duration })
            {
                // Virtual time jumps, firing the dialer's polls and every call's timeouts on the way; real time is waited out.
                await calls.AdvanceAsync(duration, cancellationToken);
                await output.WriteLineAsync($"now {LineTime.Format(calls.Clock.Clock.GetCurrentInstant(), menu.TimeZone)}");
            }
            else if (words[0] == "callbacks" && words.Length == 1)
            {
                IReadOnlyList<CallbackRequest> stored;
                try
                {
                    stored = store.List();
                }
                catch (CallbackStoreException exception)
                {
                    await output.WriteLineAsync($"? callbacks: {exception.Message}");
                    continue;
                }
                foreach (var callback in stored)
                {
                    await output.WriteLineAsync($"callback {callback.Reference} {callback.State.ToString().ToLowerInvariant()} attempts {callback.Attempts}"
                        + (callback.LastResult is { } result ? $" ({result})" : string.Empty));
                }
                await output.WriteLineAsync($"{stored.Count} callbacks");
            }
            else
            {
                await output.WriteLineAsync($"? {CallEventFormatter.Printable(line.Trim())} ({Usage}; REF is a call's reference)");
            }
        }

        foreach (var call in sessions.Values) await calls.InvokeAsync(call.HangUp);
        await host.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Keeps a callback for <paramref name="number"/> in <paramref name="queue"/>, due now. "confirmed"
    /// is said only after the store has committed it, so a confirmed callback survives a crash the
    /// next instant; a second request for the same number and queue gets the first one's reference.
    /// </summary>
    private static string ScheduleCallback(ICallbackStore store, CallHost calls, Menus.Menu menu, Random references, string number, string queue)
    {
        if (!CallbackNumber.TryNormalize(number, NumberRegion, out var e164, out var problem)) return $"? callback {number} {queue}: {problem}";
        if (!menu.Queues.ContainsKey(queue)) return $"? callback {number} {queue}: the menu has no queue '{queue}'; choose one of {string.Join(", ", menu.Queues.Keys)}";

        var reference = ReferenceNumber.Create(references);
        try
        {
            while (store.Find(reference) is not null) reference = ReferenceNumber.Create(references);
            var now = calls.Clock.Clock.GetCurrentInstant();
            var kept = store.Schedule(new CallbackRequest(reference, queue, e164, CallbackKind.Scheduled, menu.DefaultLocale, now, now, now + CallbackValidFor, Line: menu.Name));
            return kept.Reference == reference ? $"confirmed {kept.Reference}" : $"confirmed {kept.Reference} (existing)";
        }
        catch (CallbackStoreException exception)
        {
            return $"? callback {number} {queue}: not booked: {exception.Message}";
        }
    }

    /// <summary>The call's reference, the menu version it runs on, and where it is (read on the calls' thread).</summary>
    private static Task<string> Describe(CallHost calls, CallSession call) => calls.InvokeAsync(() =>
        call.IsEnded
            ? $"call {call.Reference} version {call.Menu.Version} ended: {call.Outcome}"
            : $"call {call.Reference} version {call.Menu.Version} at node {call.CurrentNodeId} ({call.State})");

    /// <summary>Why the HTTP door cannot open as asked (an address others can reach with no key, TwiML with no token), or null.</summary>
    private static string? HttpSettingsProblem(IHost host, string url, bool twiml)
    {
        var settings = host.Services.GetRequiredService<IOptions<HttpServeOptions>>().Value;
        if (BindAddresses.Problem(url, settings.ApiKey) is { } problem) return problem;
        return twiml && string.IsNullOrEmpty(settings.TwilioAuthToken)
            ? "--twiml needs the provider's auth token to check webhook signatures (Ivr:Http:TwilioAuthToken, or IVR_Ivr__Http__TwilioAuthToken)"
            : null;
    }

    private static IHost BuildHost(ServeRequest request, out ServeCluster? cluster, out string? clusterProblem)
    {
        cluster = null;
        clusterProblem = null;
        // Problems, and the catalog's reload news, go to stderr.
        // Orleans and the forwarder warn at length (with stack traces) about a silo that died; the cluster's
        // own lines say what an operator needs (who serves the line, and when it moved), so theirs are errors only.
        Func<string?, LogLevel, bool> logFilter = (category, level) =>
            category?.StartsWith("Orleans", StringComparison.Ordinal) == true || category?.StartsWith("Yarp", StringComparison.Ordinal) == true
                ? level >= LogLevel.Error
                : level >= LogLevel.Warning || (category == typeof(MenuCatalog).FullName && level >= LogLevel.Information);
        if (request.Http is { } url)
        {
            var web = CliHost.CreateWebBuilder(logFilter);
            Configure(web.Configuration, web.Services, request);
            web.Services.AddIvrHttp(web.Configuration);
            if (request.Cluster)
            {
                cluster = ServeCluster.Resolve(web.Configuration, url, out clusterProblem);
                cluster?.AddTo(web);
            }
            var app = web.Build();
            app.Urls.Add(url);
            if (cluster is not null) ServeCluster.Use(app);
            app.UseIvrHttp(request.Twiml);
            return app;
        }
        var builder = CliHost.CreateBuilder(logFilter);
        Configure(builder.Configuration, builder.Services, request);
        return builder.Build();
    }

    private static void Configure(IConfigurationManager configuration, IServiceCollection services, ServeRequest request)
    {
        // A live line runs on the wall clock unless told otherwise: file changes happen in real time, and so
        // does the debounce. In virtual time (scripts, crash tests) the reload, too, waits for a 'wait' line.
        var overrides = new Dictionary<string, string?>
        {
            [$"{IvrOptions.SectionName}:Clock"] = request.Clock == "virtual" ? nameof(ClockMode.Virtual) : nameof(ClockMode.Real),
        };
        if (request.At is not null) overrides[$"{IvrOptions.SectionName}:StartAt"] = request.At;
        if (request.CallbacksDb is not null) overrides[$"{CallbackOptions.SectionName}:Database"] = request.CallbacksDb;
        if (request.SiloPort is { } port) overrides[$"{Cluster.ClusterSettings.SectionName}:SiloPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        configuration.AddInMemoryCollection(overrides);
        services.AddIvrEngine(configuration);
        services.AddIvrCallbacks(configuration);
        services.AddMenuCatalog();
    }

    private sealed record ServeRequest(string MenuPath, string? StaffingOption, string? CallbacksDb, string? At, string? Clock)
    {
        /// <summary><c>--http URL</c>: also serve over HTTP there.</summary>
        public string? Http { get; init; }

        public bool NoInput { get; init; }

        public bool Twiml { get; init; }

        /// <summary><c>--cluster</c>: join an Orleans cluster; the line is served by whichever silo holds its grain.</summary>
        public bool Cluster { get; init; }

        public int? SiloPort { get; init; }

        /// <summary>Print each input call's speech and notes as they happen.</summary>
        public bool ShowCalls { get; init; }

        /// <summary><c>--transcript DIR</c>: each input call's transcript is written there when it ends.</summary>
        public string? TranscriptFolder { get; init; }
    }
}
