using System.CommandLine;

namespace IvrEngine.Cli;

/// <summary>
/// Marks optional arguments in a help page's command list: <c>call [&lt;MENU&gt;]</c>, as the command's own
/// usage line does. System.CommandLine 2.0 writes every argument in the list as <c>&lt;NAME&gt;</c> and its
/// HelpBuilder, where that could be customised, is internal; a help action of our own that edits the rows
/// the standard one wrote is the supported way (dotnet/command-line-api#2588).
/// </summary>
internal static class OptionalArgumentRows
{
    private const string Indent = "  ";

    /// <summary>
    /// <paramref name="help"/> (the standard help of <paramref name="command"/>) with the row of each
    /// subcommand that takes an optional argument relabelled. The description keeps its column while the
    /// row's padding allows, and is never closer than the two-space gutter.
    /// </summary>
    public static string Rewrite(string help, Command command)
    {
        var lines = help.Split('\n');
        foreach (var subcommand in command.Subcommands.Where(c => !c.Hidden))
        {
            var arguments = subcommand.Arguments.Where(a => !a.Hidden).ToList();
            if (!arguments.Any(IsOptional)) continue;
            var standard = Indent + subcommand.Name + string.Concat(arguments.Select(a => $" <{Label(a)}>"));
            var marked = Indent + subcommand.Name + string.Concat(arguments.Select(a => IsOptional(a) ? $" [<{Label(a)}>]" : $" <{Label(a)}>"));
            var row = Array.FindIndex(lines, l => l == standard || l.StartsWith(standard + " ", StringComparison.Ordinal));
            // Not found: the list was wrapped in an unusual way (a very narrow terminal); the standard row stays.
            if (row < 0) continue;
            lines[row] = Relabel(lines[row], standard, marked);
        }

        return string.Join('\n', lines);
    }

    private static string Relabel(string line, string standard, string marked)
    {
        var rest = line[standard.Length..];
        var description = rest.TrimStart(' ');
        if (description.Length == 0) return marked;
        var padding = rest.Length - description.Length;
        var kept = Math.Max(Indent.Length, padding - (marked.Length - standard.Length));
        return marked + new string(' ', kept) + description;
    }

    /// <summary>As the usage line decides: an argument is optional when it may be given no value.</summary>
    private static bool IsOptional(Argument argument) => argument.Arity.MinimumNumberOfValues == 0;

    /// <summary>The name the standard list shows: the help name when there is one.</summary>
    private static string Label(Argument argument) => string.IsNullOrWhiteSpace(argument.HelpName) ? argument.Name : argument.HelpName;
}
