using System.CommandLine;
using IvrEngine.Calls;
using IvrEngine.Menus.Diagrams;

namespace IvrEngine.Cli.Commands;

/// <summary><c>ivr diagram MENU --format mermaid|dot|svg [--out FILE] [--state-machine]</c>.</summary>
internal static class DiagramCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var menu = new Argument<string>("MENU") { Description = "The menu file to draw." };
        var format = new Option<string>("--format") { Description = "mermaid (renders on GitHub), dot (Graphviz) or svg (a picture laid out here, nothing to install).", DefaultValueFactory = _ => "mermaid" };
        format.AcceptOnlyFromAmong("mermaid", "dot", "svg");
        var outFile = new Option<string?>("--out") { Description = "Write the diagram to this file instead of the console.", HelpName = "FILE" };
        var locale = new Option<string?>("--locale") { Description = "The locale whose phrases label the arrows (default: the menu's first).", HelpName = "LOCALE" };
        var stateMachine = new Option<bool>("--state-machine") { Description = "Draw the call's state machine (from Stateless) instead of the menu." };
        var command = new Command("diagram", "Draw a menu as a graph: nodes, options by key and phrase, escapes, queues.")
        {
            menu, format, outFile, locale, stateMachine,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(menu)!, parseResult.GetValue(format)!, parseResult.GetValue(outFile), parseResult.GetValue(locale), parseResult.GetValue(stateMachine), output, error));
        return command;
    }

    private static int Run(string path, string format, string? outFile, string? locale, bool stateMachine, TextWriter output, TextWriter error)
    {
        if (MenuFiles.Load(path, "ivr diagram", error) is not { } menu) return ExitCodes.Failed;
        if (locale is not null && menu.ResolveLocale(locale) is null)
        {
            error.WriteLine($"ivr diagram: the menu '{menu.Name}' has no locale '{locale}'; choose one of {string.Join(", ", menu.Locales)}.");
            return ExitCodes.Usage;
        }

        if (stateMachine && format == "svg")
        {
            error.WriteLine("ivr diagram: --state-machine draws mermaid or dot only; drop --format svg.");
            return ExitCodes.Usage;
        }

        var text = stateMachine ? StateMachine(format)
            : format switch
            {
                "dot" => DotMenuWriter.Write(menu, locale),
                "svg" => SvgMenuWriter.Write(menu, locale),
                _ => MermaidMenuWriter.Write(menu, locale),
            };
        if (outFile is null)
        {
            output.Write(text);
            return ExitCodes.Ok;
        }

        try
        {
            File.WriteAllText(outFile, text);
        }
        catch (Exception exception) when (Files.FileFailure.Is(exception))
        {
            error.WriteLine($"ivr diagram: --out: cannot write '{outFile}': {exception.Message}");
            return ExitCodes.Usage;
        }

        output.WriteLine($"Wrote {outFile}");
        return ExitCodes.Ok;
    }

    /// <summary>The machine is the same for every call and every menu: no call is built to draw it.</summary>
    private static string StateMachine(string format) =>
        (format == "dot" ? CallStateDiagram.Dot() : CallStateDiagram.Mermaid()).ReplaceLineEndings("\n") + "\n";
}
