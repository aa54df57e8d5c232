using System.CommandLine;
using IvrEngine.Calls;
using IvrEngine.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// <c>ivr serve MENU</c>: a live line in real time. The menu file is watched and hot-reloaded (see
/// <see cref="MenuCatalog"/>); calls are driven by lines on the input, and each reply names the menu
/// version the call runs on. Reload news and refused versions go to stderr through the log.
/// </summary>
internal static class ServeCommand
{
    private const string Usage = "lines: call [KEYS] | press REF KEYS | say REF WORDS | hangup REF";

    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var menu = new Argument<string>("MENU") { Description = "The menu file to serve and watch." };
        var command = new Command("serve", $"Serve a menu in real time, reloading it when the file changes; {Usage}.") { menu };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetValue(menu)!, input, output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var host = BuildHost();
        var catalog = host.Services.GetRequiredService<MenuCatalog>();
        var loaded = catalog.Watch(path);
        if (!loaded.Succeeded)
        {
            foreach (var diagnostic in loaded.Errors) await error.WriteLineAsync(diagnostic.ToString());
            await error.WriteLineAsync($"ivr serve: the menu {path} has errors; fix them and try again.");
            return ExitCodes.Failed;
        }

        await host.StartAsync(cancellationToken);
        var calls = host.Services.GetRequiredService<CallHost>();
        var sessions = new Dictionary<string, CallSession>(StringComparer.Ordinal);
        await output.WriteLineAsync($"Serving {loaded.Menu.Name} version {loaded.Menu.Version} from {path}; {Usage}.");
        while (!cancellationToken.IsCancellationRequested && await input.ReadLineAsync(cancellationToken) is { } line)
        {
            var words = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0) continue;
            if (words[0] == "call" && words.Length <= 2)
            {
                var call = await calls.StartCallAsync(catalog.Current(path)!);
                sessions[call.Reference.ToString()] = call;
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
            else
            {
                await output.WriteLineAsync($"? {line.Trim()} ({Usage}; REF is a call's reference)");
            }
        }

        foreach (var call in sessions.Values) await calls.InvokeAsync(call.HangUp);
        await host.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }

    /// <summary>The call's reference, the menu version it runs on, and where it is (read on the calls' thread).</summary>
    private static Task<string> Describe(CallHost calls, CallSession call) => calls.InvokeAsync(() =>
        call.IsEnded
            ? $"call {call.Reference} version {call.Menu.Version} ended: {call.Outcome}"
            : $"call {call.Reference} version {call.Menu.Version} at node {call.CurrentNodeId} ({call.State})");

    private static IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "ivr", ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddEnvironmentVariables("IVR_");

        // A live line runs on the wall clock: file changes happen in real time, and so does the debounce.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{IvrOptions.SectionName}:Clock"] = nameof(ClockMode.Real) });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning || (category == typeof(MenuCatalog).FullName && level >= LogLevel.Information));
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddIvrEngine(builder.Configuration);
        builder.Services.AddMenuCatalog();
        return builder.Build();
    }
}
