using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using IvrEngine.Cli.Console;
using IvrEngine.Hosting;
using IvrEngine.Queues.Staffing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IvrEngine.Cli.Commands;

/// <summary><c>ivr call [MENU]</c>: an interactive call into a menu, in the terminal or from piped input.</summary>
internal static partial class CallCommand
{
    public static Command Create(TextReader input, TextWriter output, TextWriter error, bool inputIsTerminal)
    {
        var menu = new Argument<string?>("MENU")
        {
            Description = "The menu file to call (default: the bundled carrier-support menu).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var locale = new Option<string?>("--locale") { Description = "The caller's language, one the menu declares (en-US, ru-RU).", HelpName = "LOCALE" };
        var callerId = new Option<string?>("--caller-id") { Description = "The number the caller calls from, e.g. +12025550143.", HelpName = "NUMBER" };
        var at = new Option<string?>("--at") { Description = "When the call happens: \"2026-11-30T09:15 America/New_York\" (default: now).", HelpName = "TIME" };
        var clock = new Option<string?>("--clock") { Description = "real: timeouts fire while you are idle; virtual: time moves only with 'wait'. Default: real on a terminal, virtual for piped input." };
        clock.AcceptOnlyFromAmong("real", "virtual");
        var transcript = new Option<string?>("--transcript") { Description = "Write the call's transcript as JSON lines to this file.", HelpName = "FILE" };
        var record = new Option<string?>("--record") { Description = "Write the call as a QA flow file (steps and the prompts heard as expectations), to run with 'ivr test'.", HelpName = "FILE" };
        var staffing = new Option<string?>("--staffing")
        {
            Description = "The simulated agents behind the menu's queues (default: MENU.staffing.json beside the menu, if there is one); 'none' ends calls at the transfer.",
            HelpName = "FILE|none",
        };
        var callbacksDb = new Option<string?>("--callbacks-db")
        {
            Description = "Where promised callbacks are stored: a SQLite file, or PostgreSQL as postgres://USER:PASSWORD@HOST:PORT/DB or Host=…;Database=… (default: Ivr:Callbacks:Database, ivr-callbacks.db in this folder); used when the menu's queues offer callbacks.",
            HelpName = "FILE|URL",
        };
        var queueLog = new Option<string?>("--queue-log") { Description = "Write the queue events (enter, ring, connect, abandon…) as JSON lines to this file.", HelpName = "FILE" };
        var asteriskLog = new Option<string?>("--asterisk-queue-log") { Description = "Write the queue events in Asterisk's queue_log format to this file.", HelpName = "FILE" };
        var speed = new Option<double?>("--speed") { Description = "On the real clock, run time N times faster (0.01 to 1000): prompts, pauses and timeouts alike.", HelpName = "N" };
        speed.Validators.Add(result =>
        {
            if (!DecimalOption.IsWithin(result, 0.01, 1000)) result.AddError("--speed: give a number from 0.01 to 1000, e.g. --speed 10");
        });
        var quietEvents = new Option<bool>("--quiet-events") { Description = "Show only what the caller hears (the line's prompts and the call's end), not the engine's notes." };
        var busy = new Option<int?>("--busy")
        {
            Description = "Other callers on the line: N an hour arrive at random, press the escape key and wait for an agent, so you queue behind them and hear a real expected wait and callback offer. They have called for an hour (run through at once) before your call starts.",
            HelpName = "N",
        };
        busy.Validators.Add(WholeNumberOption.Between("--busy", 1, MaxBusy));
        var seed = new Option<int?>("--seed") { Description = "Seed for everything random (the reference number); same seed, inputs and --at give the same transcript.", HelpName = "N" };
        seed.Validators.Add(WholeNumberOption.Between("--seed", 0, int.MaxValue));

        var command = new Command("call", "Call a menu: hear its prompts, press keys, say phrases, let timeouts pass.")
        {
            menu, locale, callerId, at, clock, speed, staffing, busy, callbacksDb, transcript, queueLog, asteriskLog, seed, record, quietEvents,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new CallRequest(
                parseResult.GetValue(menu),
                parseResult.GetValue(locale),
                parseResult.GetValue(callerId),
                parseResult.GetValue(at),
                parseResult.GetValue(clock),
                inputIsTerminal ? ClockMode.Real : ClockMode.Virtual,
                parseResult.GetValue(transcript),
                parseResult.GetValue(seed))
            {
                RecordPath = parseResult.GetValue(record),
                StaffingPath = parseResult.GetValue(staffing),
                CallbacksDatabase = parseResult.GetValue(callbacksDb),
                QueueLogPath = parseResult.GetValue(queueLog),
                AsteriskQueueLogPath = parseResult.GetValue(asteriskLog),
                Speed = parseResult.GetValue(speed),
                Busy = parseResult.GetValue(busy),
                Painter = CallLinePainter.ForOutput(output, parseResult.GetValue(quietEvents)),
            };
            return RunAsync(request, input, output, error, echoInput: !inputIsTerminal, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CallRequest request, TextReader input, TextWriter output, TextWriter error, bool echoInput, CancellationToken cancellationToken)
    {
        if (request.CallerId is { } number && !CallerIdPattern().IsMatch(number))
        {
            await error.WriteLineAsync($"ivr call: --caller-id '{number}' is not a phone number; write it as digits, optionally with a leading + (e.g. +12025550143).");
            return ExitCodes.Usage;
        }

        if (request.At is { } at && !Time.StartTimeParser.TryParse(at, out _, out var atError))
        {
            await error.WriteLineAsync($"ivr call: --at: {atError}");
            return ExitCodes.Usage;
        }

        // Open the output files now: a bad path should fail before a long call, not after it.
        await using var transcriptFile = OutputFile.Create(request.TranscriptPath, "call.jsonl", out var transcriptError);
        await using var queueLogFile = OutputFile.Create(request.QueueLogPath, "queue.jsonl", out var queueLogError);
        await using var asteriskLogFile = OutputFile.Create(request.AsteriskQueueLogPath, "queue_log", out var asteriskLogError);
        await using var recordFile = OutputFile.Create(request.RecordPath, "my-call.flow", out var recordError);
        foreach (var (option, problem) in new[] { ("--transcript", transcriptError), ("--queue-log", queueLogError), ("--asterisk-queue-log", asteriskLogError), ("--record", recordError) })
        {
            if (problem is null) continue;
            await error.WriteLineAsync($"ivr call: {option}: {problem}");
            return ExitCodes.Usage;
        }

        if (request.Busy is not null && request.RecordPath is not null)
        {
            await error.WriteLineAsync("ivr call: --record writes a flow, and a flow replays without the --busy callers; drop one of them.");
            return ExitCodes.Usage;
        }

        // A recording replays the same agents only from the same seed: draw one when none is given.
        if (request.RecordPath is not null && request.Seed is null) request = request with { Seed = Random.Shared.Next(1, 1_000_000) };

        using var host = BuildHost(request);
        // The calling window shapes the callback times offered: a bad one is a usage error before the call starts.
        if (!await HostSettings.CheckAsync(host, "ivr call", error)) return ExitCodes.Usage;
        var settings = host.Services.GetRequiredService<IOptions<IvrOptions>>().Value;

        if (request.Speed is not null && settings.Clock == ClockMode.Virtual)
        {
            await error.WriteLineAsync("ivr call: --speed runs the real clock faster; in virtual time the clock moves only with 'wait' (add --clock real).");
            return ExitCodes.Usage;
        }

        var menuPath = request.MenuPath ?? Path.Combine(AppContext.BaseDirectory, settings.DefaultMenu);
        if (MenuFiles.Load(menuPath, "ivr call", error) is not { } menu) return ExitCodes.Failed;
        if (menu.ResolveLocale(request.Locale) is not { } locale)
        {
            await error.WriteLineAsync($"ivr call: the menu '{menu.Name}' has no locale '{request.Locale}'; choose one of {string.Join(", ", menu.Locales)}.");
            return ExitCodes.Usage;
        }

        var (staffed, staffing, staffingPath) = await StaffingFiles.LoadAsync(request.StaffingPath, menuPath, menu, "ivr call", error);
        if (!staffed) return ExitCodes.Failed;
        if (request.Busy is not null && staffing is null)
        {
            await error.WriteLineAsync($"ivr call: --busy needs agents to queue for, and this call has none (no staffing file beside the menu, or --staffing none); name one with --staffing FILE.");
            return ExitCodes.Usage;
        }

        await host.StartAsync(cancellationToken);
        var callHost = host.Services.GetRequiredService<CallHost>();
        // The store is opened (and its file created) only for a line that can promise callbacks.
        var callbacks = staffing is not null && menu.TakesCallbacks
            ? host.Services.GetRequiredService<Callbacks.ICallbackStore>()
            : null;
        var callCenter = staffing is null ? null : await callHost.OpenCallCenterAsync(menu, staffing, callbacks);
        var speedNote = settings.Clock == ClockMode.Real && settings.Speed != 1 ? string.Create(CultureInfo.InvariantCulture, $" at {settings.Speed:0.##}× speed") : string.Empty;
        await output.WriteLineAsync($"Calling {menu.Name} ({locale}, {settings.Clock.ToString().ToLowerInvariant()} time{speedNote}). Type 'help' for what you can do.");
        await output.WriteLineAsync(staffing is null
            ? "No staffing file: a transfer ends the call at the queue."
            : $"Agents: {staffing.Agents.Length} simulated, from {Path.GetFileName(staffingPath)}.");
        using var others = request.Busy is { } perHour && callCenter is not null
            ? await BusyLine.StartAsync(callHost, menu, callCenter, perHour, settings.Seed ?? Random.Shared.Next(), output)
            : null;
        Calls.CallSession call;
        // The prompt comes off the screen before the summary: from here on lines are printed plainly.
        using (var screen = CallScreen.For(input, output, inputIsTerminal: !echoInput))
        {
            call = await new CallConsole(callHost, callCenter, screen, echoInput, request.Painter).RunAsync(menu, locale, request.CallerId, cancellationToken);
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Reference: {call.Reference}");
        await output.WriteLineAsync($"Outcome: {call.Outcome}");
        await output.WriteLineAsync($"Path: {string.Join(" > ", call.Path)}");
        await output.WriteLineAsync($"Duration: {Time.ElapsedText.Clock(call.Transcript.Events[^1].At - call.StartedAt)}");
        foreach (var visit in call.QueueVisits)
        {
            await output.WriteLineAsync(visit.Position > 0
                ? $"Queue: {visit.Queue}, joined at position {visit.Position}, {visit.Result ?? "still waiting"}"
                : $"Queue: {visit.Queue}, turned away: {visit.Result}");
        }

        if (transcriptFile is not null)
        {
            call.Transcript.WriteJsonLines(transcriptFile);
            await output.WriteLineAsync($"Transcript: {request.TranscriptPath}");
        }
        if (callCenter is not null)
        {
            if (queueLogFile is not null) await WriteAsync(queueLogFile, callCenter.Log.ToJsonLines(), request.QueueLogPath!, output);
            if (asteriskLogFile is not null) await WriteAsync(asteriskLogFile, callCenter.Log.ToAsteriskQueueLog(), request.AsteriskQueueLogPath!, output);
        }
        if (request.RecordPath is { } flowPath)
        {
            var flowFolder = Path.GetDirectoryName(Path.GetFullPath(flowPath))!;
            var pacing = settings.Clock == ClockMode.Real ? Calls.PromptPacing.Spoken : Calls.PromptPacing.Instant;
            // staffing: left out when it is the default beside the menu, so the flow follows that file.
            var flowStaffing = staffing is null
                ? (File.Exists(StaffingLoader.DefaultPathFor(menuPath)) ? "none" : null)
                : (Path.GetFullPath(staffingPath) == Path.GetFullPath(StaffingLoader.DefaultPathFor(menuPath)) ? null : Path.GetRelativePath(flowFolder, Path.GetFullPath(staffingPath)));
            var flow = Flows.FlowRecorder.Write(call, FlowMenuPath(request.MenuPath, menuPath, flowFolder), settings.Seed, pacing, flowStaffing);
            await recordFile!.WriteAsync(System.Text.Encoding.UTF8.GetBytes(flow), CancellationToken.None);
            await output.WriteLineAsync($"Flow: {flowPath} (run it with: ivr test {flowPath})");
        }
        await host.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The menu as the recorded flow names it. Flows resolve it from their own folder, so a typed
    /// relative path is rewritten from there; a typed absolute path stays absolute unless the menu
    /// sits beside or below the flow; the bundled menu, not typed at all, is named by its full path,
    /// since a path from the flow into the build folder means nothing to a reader.
    /// </summary>
    private static string FlowMenuPath(string? typed, string menuPath, string flowFolder)
    {
        var full = Path.GetFullPath(menuPath);
        var relative = Path.GetRelativePath(flowFolder, full);
        var climbs = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return typed is null || (Path.IsPathRooted(typed) && climbs) ? full : relative;
    }

    private static IHost BuildHost(CallRequest request)
    {
        // The console is the caller's phone: only problems go to stderr, never host chatter.
        var builder = CliHost.CreateBuilder((_, level) => level >= LogLevel.Warning);
        // --clock wins; then Ivr:Clock from settings or the environment; then real on a terminal, virtual for piped input.
        var clock = request.Clock ?? builder.Configuration[$"{IvrOptions.SectionName}:Clock"] ?? request.DefaultClock.ToString();
        var overrides = new Dictionary<string, string?> { [$"{IvrOptions.SectionName}:Clock"] = clock };
        if (request.At is not null) overrides[$"{IvrOptions.SectionName}:StartAt"] = request.At;
        if (request.Speed is { } speed) overrides[$"{IvrOptions.SectionName}:Speed"] = speed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (request.Seed is { } seed) overrides[$"{IvrOptions.SectionName}:Seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (request.CallbacksDatabase is not null) overrides[$"{Hosting.Callbacks.CallbackOptions.SectionName}:Database"] = request.CallbacksDatabase;
        builder.Configuration.AddInMemoryCollection(overrides);
        // Other callers need a head start: the line runs an hour of them, virtually, before the call starts at --at.
        builder.Services.AddIvrEngine(builder.Configuration, request.Busy is null ? default : BusyLine.WarmUp);
        // The same store as serve's, without the dialer: a call books callbacks, serve and 'callbacks run' place them.
        builder.Services.AddIvrCallbackStore(builder.Configuration);
        return builder.Build();
    }

    private static async Task WriteAsync(FileStream file, string text, string path, TextWriter output)
    {
        await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text));
        await output.WriteLineAsync($"Queue log: {path}");
    }

    /// <summary>A call centre's busiest lines take a few thousand calls an hour; more is a typo.</summary>
    private const int MaxBusy = 10_000;

    [GeneratedRegex(@"^\+?[0-9]{3,15}$")]
    private static partial Regex CallerIdPattern();

    private sealed record CallRequest(string? MenuPath, string? Locale, string? CallerId, string? At, string? Clock, ClockMode DefaultClock, string? TranscriptPath, int? Seed)
    {
        /// <summary>Where <c>--record</c> writes the call as a flow file.</summary>
        public string? RecordPath { get; init; }

        /// <summary><c>--staffing</c>: a staffing file, <c>none</c>, or null for the one beside the menu.</summary>
        public string? StaffingPath { get; init; }

        public string? QueueLogPath { get; init; }

        public string? CallbacksDatabase { get; init; }

        public string? AsteriskQueueLogPath { get; init; }

        /// <summary><c>--speed</c>: real time this many times faster.</summary>
        public double? Speed { get; init; }

        /// <summary><c>--busy</c>: other callers an hour.</summary>
        public int? Busy { get; init; }

        /// <summary>Colour and <c>--quiet-events</c> for the console's lines.</summary>
        public CallLinePainter Painter { get; init; } = CallLinePainter.Plain;
    }
}
