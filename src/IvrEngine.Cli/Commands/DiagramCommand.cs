using System.CommandLine;
using IvrEngine.Calls;
using IvrEngine.Menus;
using IvrEngine.Menus.Diagrams;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// <c>ivr diagram MENU --format mermaid|dot|svg [--out FILE] [--state-machine]</c>. A menu with errors is
/// drawn too, as far as it loads, with its broken arrows marked: its errors go to stderr as
/// <c>validate</c> prints them and the exit code is 1, as <c>validate</c>'s, with the picture still written.
/// A file that is not JSON (or has no node that loads) cannot be drawn: its error and one line saying so.
/// </summary>
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
        var command = new Command("diagram", "Draw a menu as a graph: nodes, options by key and phrase, escapes, queues. A menu with errors is drawn as far as it loads, broken arrows in red to 'missing' boxes; its errors go to stderr and the exit code is 1.")
        {
            menu, format, outFile, locale, stateMachine,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(menu)!, parseResult.GetValue(format)!, parseResult.GetValue(outFile), parseResult.GetValue(locale), parseResult.GetValue(stateMachine), output, error));
        return command;
    }

    private static int Run(string path, string format, string? outFile, string? locale, bool stateMachine, TextWriter output, TextWriter error)
    {
        if (stateMachine && format == "svg")
        {
            error.WriteLine("ivr diagram: --state-machine draws mermaid or dot only; drop --format svg.");
            return ExitCodes.Usage;
        }

        if (!Path.Exists(path))
        {
            error.WriteLine($"ivr diagram: there is no menu file at '{path}'.");
            return ExitCodes.Failed;
        }

        var loaded = MenuLoader.LoadFile(path);
        foreach (var diagnostic in loaded.Errors) error.WriteLine(diagnostic);
        if (loaded.Sketch is not { } menu)
        {
            error.WriteLine($"ivr diagram: cannot draw {path}: {(loaded.Errors.Any(e => e.Code == UnreadableCode) ? "it cannot be read as JSON" : "no node of it loads")}; fix the error above and try again.");
            return ExitCodes.Failed;
        }

        if (locale is not null && menu.ResolveLocale(locale) is null)
        {
            error.WriteLine($"ivr diagram: the menu '{menu.Name}' has no locale '{locale}'; choose one of {string.Join(", ", menu.Locales)}.");
            return ExitCodes.Usage;
        }

        var text = stateMachine ? StateMachine(format)
            : format switch
            {
                "dot" => DotMenuWriter.Write(menu, locale),
                "svg" => SvgMenuWriter.Write(menu, locale),
                _ => MermaidMenuWriter.Write(menu, locale),
            };
        // Broken or not, the picture is written; the exit code says whether the menu is valid.
        var drawn = menu.IsComplete ? ExitCodes.Ok : ExitCodes.Failed;
        if (!menu.IsComplete)
        {
            error.WriteLine(stateMachine
                ? $"ivr diagram: {path} has errors (above); the call's state machine is drawn all the same."
                : $"ivr diagram: {path} has errors (above); drawn as far as it loads, broken arrows in red and dashed to 'missing' boxes.");
        }

        if (outFile is null)
        {
            output.Write(text);
            return drawn;
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
        return drawn;
    }

    /// <summary>IVR0001: the file could not be read or parsed as JSON at all.</summary>
    private const string UnreadableCode = "IVR0001";

    /// <summary>The machine is the same for every call and every menu: no call is built to draw it.</summary>
    private static string StateMachine(string format) =>
        (format == "dot" ? CallStateDiagram.Dot() : CallStateDiagram.Mermaid()).ReplaceLineEndings("\n") + "\n";
}
