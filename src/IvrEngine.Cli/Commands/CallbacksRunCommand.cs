using System.CommandLine;
using System.Globalization;
using IvrEngine.Callbacks;
using IvrEngine.Hosting;
using IvrEngine.Hosting.Callbacks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// <c>ivr callbacks run MENU --from T --until T</c>: the callback dialer alone, against a store, over a
/// span of virtual time, printing every attempt. What <c>ivr serve</c> would do over hours or days is
/// checked in a second, and the same inputs and seed print the same lines.
/// </summary>
internal static class CallbacksRunCommand
{
    public static Command Create(Option<string?> database, TextWriter output, TextWriter error)
    {
        var menu = new Argument<string>("MENU") { Description = "The line whose callbacks to place: its queues, hours and zone (only its callbacks are claimed)." };
        var from = new Option<string>("--from") { Description = "When the run starts: \"2026-11-30T09:00 America/New_York\".", HelpName = "TIME", Required = true };
        var until = new Option<string>("--until") { Description = "When it ends (virtual time; it passes at once).", HelpName = "TIME", Required = true };
        var staffing = new Option<string?>("--staffing")
        {
            Description = "The simulated agents callees are put through to (default: MENU.staffing.json beside the menu).",
            HelpName = "FILE",
        };
        var seed = new Option<int?>("--seed") { Description = "Seed for the simulated callees and agents: same seed, same attempts.", HelpName = "N" };
        seed.Validators.Add(WholeNumberOption.MustBeASeed);

        var run = new Command("run", "Run the dialer alone over a span of virtual time and print every attempt.") { menu, from, until, staffing, seed, database };
        run.SetAction((parseResult, cancellationToken) => RunAsync(
            new RunRequest(parseResult.GetValue(menu)!, parseResult.GetValue(from)!, parseResult.GetValue(until)!, parseResult.GetValue(staffing), parseResult.GetValue(seed), parseResult.GetValue(database)),
            output, error, cancellationToken));
        return run;
    }

    private static async Task<int> RunAsync(RunRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Time.StartTimeParser.TryParse(request.From, out var start, out var fromError))
        {
            await error.WriteLineAsync($"ivr callbacks run: --from: {fromError}");
            return ExitCodes.Usage;
        }
        if (!Time.StartTimeParser.TryParse(request.Until, out var end, out var untilError))
        {
            await error.WriteLineAsync($"ivr callbacks run: --until: {untilError}");
            return ExitCodes.Usage;
        }
        if (end <= start)
        {
            await error.WriteLineAsync("ivr callbacks run: --until must be after --from.");
            return ExitCodes.Usage;
        }
        if (MenuFiles.Load(request.MenuPath, "ivr callbacks run", error) is not { } menu) return ExitCodes.Failed;
        var staffing = await StaffingFiles.LoadAsync(request.Staffing, request.MenuPath, menu, "ivr callbacks run", error);
        if (!staffing.Succeeded) return ExitCodes.Failed;
        if (staffing.Plan is not { } plan)
        {
            await error.WriteLineAsync($"ivr callbacks run: no staffing for {request.MenuPath}: give --staffing FILE (callees who answer are put through to its agents).");
            return ExitCodes.Usage;
        }

        using var host = BuildHost(request);
        if (!await HostSettings.CheckAsync(host, "ivr callbacks run", error)) return ExitCodes.Usage;

        IDurableCallbackStore store;
        try
        {
            store = (IDurableCallbackStore)host.Services.GetRequiredService<ICallbackStore>();
            store.EnsureReady();
        }
        catch (CallbackStoreException exception)
        {
            await error.WriteLineAsync($"ivr callbacks run: {exception.Message}");
            return ExitCodes.Failed;
        }

        await host.StartAsync(cancellationToken);
        var calls = host.Services.GetRequiredService<CallHost>();
        var dialer = host.Services.GetRequiredService<CallbackDialer>();
        var zone = menu.TimeZone;
        var dialed = 0;
        dialer.Dialed += attempt =>
        {
            dialed++;
            output.WriteLine($"{LineTime.Format(attempt.At, zone)}  dialed {attempt.Reference} attempt {attempt.Number}: {attempt.Result}");
        };
        dialer.Postponed += (callback, until, reason) =>
            output.WriteLine($"{LineTime.Format(calls.Clock.Clock.GetCurrentInstant(), zone)}  postponed {callback.Reference} until {LineTime.Format(until, zone)}: {reason}");
        var center = await calls.OpenCallCenterAsync(menu, plan, store);
        await calls.InvokeAsync(() => dialer.Serve(center));
        await output.WriteLineAsync($"Dialing the callbacks of {menu.Name} in {store.Location} from {LineTime.Format(start, zone)} until {LineTime.Format(end, zone)} (virtual time).");

        await calls.AdvanceAsync(end - start, cancellationToken);
        await host.StopAsync(CancellationToken.None);

        var states = store.List().Where(c => c.Line is null || c.Line == menu.Name).GroupBy(c => c.State).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        await output.WriteLineAsync($"{dialed} attempts; callbacks of {menu.Name} now: {string.Join(", ", states.DefaultIfEmpty("none"))}.");
        return ExitCodes.Ok;
    }

    private static IHost BuildHost(RunRequest request)
    {
        var builder = CliHost.CreateBuilder((_, level) => level >= LogLevel.Warning);
        var overrides = new Dictionary<string, string?>
        {
            [$"{IvrOptions.SectionName}:Clock"] = nameof(ClockMode.Virtual),
            [$"{IvrOptions.SectionName}:StartAt"] = request.From,
        };
        if (request.Seed is { } seed) overrides[$"{IvrOptions.SectionName}:Seed"] = seed.ToString(CultureInfo.InvariantCulture);
        overrides[$"{CallbackOptions.SectionName}:Database"] = CallbackDatabase.Resolve(request.Database);
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Services.AddIvrEngine(builder.Configuration);
        builder.Services.AddIvrCallbacks(builder.Configuration);
        return builder.Build();
    }

    private sealed record RunRequest(string MenuPath, string From, string Until, string? Staffing, int? Seed, string? Database);
}
