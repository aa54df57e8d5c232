using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using IvrEngine.Cli.Commands;
using IvrEngine.Cli.Console;

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

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new IvrHelpAction((HelpAction)help.Action!);

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (args.Length == 0)
        {
            // Bare `ivr`: show what it can do rather than a terse "required command" error.
            await root.Parse(["--help"]).InvokeAsync(configuration);
            return ExitCodes.Usage;
        }

        var parseResult = root.Parse(args);
        // Asking for help is never a usage error, even when the command's required argument is missing.
        if (parseResult.Errors.Count > 0 && parseResult.GetResult(help) is null)
        {
            var commandName = CommandPath(parseResult.CommandResult);
            foreach (var message in Messages(parseResult, commandName)) await error.WriteLineAsync($"ivr: {CallEventFormatter.Printable(message)}");
            await error.WriteLineAsync($"Run '{commandName} --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync(configuration);
    }

    /// <summary>
    /// The parser's messages, except where a command only groups others (<c>ivr</c>, <c>ivr callbacks</c>):
    /// for <c>ivr frobnicate</c> or <c>ivr callbacks --bogus</c> it says both "Required command was not
    /// provided" and "Unrecognized command or argument"; the second is the news.
    /// </summary>
    private static IEnumerable<string> Messages(ParseResult parseResult, string commandName)
    {
        var command = parseResult.CommandResult.Command;
        if (command.Subcommands.Count == 0 || parseResult.UnmatchedTokens.Count == 0) return parseResult.Errors.Select(e => e.Message);
        var first = parseResult.UnmatchedTokens[0];
        var commands = string.Join(", ", command.Subcommands.Select(c => c.Name));
        return [first.StartsWith('-')
            ? $"'{first}' is not an option of {commandName}; choose a command first: {commands}."
            : $"'{first}' is not an {commandName} command; the commands are {commands}."];
    }

    /// <summary>The command as typed, from <c>ivr</c> down: "ivr callbacks list", so its --help is the one asked for.</summary>
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? at = result; at is CommandResult command; at = command.Parent)
        {
            names.Insert(0, command.Command is RootCommand ? "ivr" : command.Command.Name);
        }
        return string.Join(' ', names);
    }

    /// <summary>
    /// The standard help, with two additions no symbol setting gives: the top-level command list marks optional
    /// arguments (<c>call [&lt;MENU&gt;]</c>), and <c>ivr call --help</c> also lists what can be typed during a call.
    /// </summary>
    private sealed class IvrHelpAction(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var configuration = parseResult.InvocationConfiguration;
            var output = configuration.Output;
            var command = parseResult.CommandResult.Command;
            // The standard page is written to a string first, so its command list can be edited.
            var page = new StringWriter { NewLine = "\n" };
            int code;
            configuration.Output = page;
            try
            {
                code = standard.Invoke(parseResult);
            }
            finally
            {
                configuration.Output = output;
            }

            output.Write(OptionalArgumentRows.Rewrite(page.ToString(), command));
            if (command.Name == "call")
            {
                output.WriteLine("During a call:");
                foreach (var line in CallConsole.HelpText.Split('\n').Skip(1)) output.WriteLine(line.TrimEnd());
            }

            return code;
        }
    }
}
