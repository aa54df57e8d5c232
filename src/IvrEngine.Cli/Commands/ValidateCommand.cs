using System.CommandLine;
using IvrEngine.Menus;

namespace IvrEngine.Cli.Commands;

/// <summary><c>ivr validate FILE...</c>: every problem in every menu, one line each, in the compiler format.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Menu files to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors")
        {
            Description = "Fail on warnings (such as unreachable nodes) too.",
        };
        var command = new Command("validate", "Check menu files and report every problem with file, line, column and JSON path.")
        {
            files,
            warningsAsErrors,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(files)!, parseResult.GetValue(warningsAsErrors), output, error));
        return command;
    }

    private static int Run(string[] files, bool warningsAsErrors, TextWriter output, TextWriter error)
    {
        var failed = 0;
        foreach (var file in files)
        {
            var result = MenuLoader.LoadFile(file);
            foreach (var diagnostic in result.Diagnostics) output.WriteLine(diagnostic);
            var fails = !result.Succeeded || (warningsAsErrors && result.Warnings.Any());
            if (fails) failed++;
            else output.WriteLine($"{file}: ok ({Count(result.Menu!.Nodes.Count, "node")}, {Count(result.Warnings.Count(), "warning")})");
        }
        if (failed > 0) error.WriteLine($"{failed} of {Count(files.Length, "menu file")} invalid.");
        return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
