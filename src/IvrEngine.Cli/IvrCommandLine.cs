using System.CommandLine;
using IvrEngine.Cli.Commands;

namespace IvrEngine.Cli;

/// <summary>The <c>ivr</c> command line: parses, reports usage errors with exit code 2, runs the chosen command.</summary>
internal static class IvrCommandLine
{
    public static async Task<int> InvokeAsync(string[] args, TextReader input, TextWriter output, TextWriter error, bool inputIsTerminal, bool errorIsTerminal = false)
    {
        var root = new RootCommand("IvrEngine: call, test and validate IVR phone menus.")
        {
            CallCommand.Create(input, output, error, inputIsTerminal),
            ValidateCommand.Create(output, error),
            TestCommand.Create(output, error),
            LintCommand.Create(output, error),
            DiagramCommand.Create(output, error),
            ServeCommand.Create(input, output, error),
            DiffCommand.Create(output, error),
            CallbacksCommand.Create(output, error),
            HoursCommand.Create(output, error),
            SimulateCommand.Create(output, error, errorIsTerminal),
            StaffCommand.Create(output, error),
        };

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (args.Length == 0)
        {
            // Bare `ivr`: show what it can do rather than a terse "required command" error.
            await root.Parse(["--help"]).InvokeAsync(configuration);
            return ExitCodes.Usage;
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors) await error.WriteLineAsync($"ivr: {parseError.Message}");
            var commandName = parseResult.CommandResult.Command == root ? string.Empty : $" {parseResult.CommandResult.Command.Name}";
            await error.WriteLineAsync($"Run 'ivr{commandName} --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync(configuration);
    }
}
