using System.CommandLine;
using IvrEngine.Menus.Diff;

namespace IvrEngine.Cli.Commands;

/// <summary><c>ivr diff OLD NEW</c>: what a menu change does, grouped by part of the menu. Exit 0: no change for callers; 1: changes; 2: bad usage or an invalid menu.</summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var oldFile = new Argument<string>("OLD") { Description = "The menu as it was." };
        var newFile = new Argument<string>("NEW") { Description = "The menu as it will be." };
        var command = new Command("diff", "Show what a menu change does for callers: nodes, options re-keyed or re-targeted, prompts per locale, escapes. Exit 0: no change for callers; 1: changes; 2: a menu is invalid (its errors are listed) or the command line is wrong.")
        {
            oldFile, newFile,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(oldFile)!, parseResult.GetValue(newFile)!, output, error));
        return command;
    }

    private static int Run(string oldPath, string newPath, TextWriter output, TextWriter error)
    {
        // Both are loaded, so one run lists the problems of both menus; a diff needs two valid ones.
        var (old, @new) = (MenuFiles.Load(oldPath, "ivr diff", error), MenuFiles.Load(newPath, "ivr diff", error));
        if (old is null || @new is null) return ExitCodes.Usage;

        var changes = MenuDiff.Compare(old, @new);
        if (changes.IsEmpty)
        {
            output.WriteLine($"No changes for callers ({old.Name} {old.Version} -> {@new.Version}).");
            return ExitCodes.Ok;
        }

        output.WriteLine($"{old.Name}: {old.Version} -> {@new.Version}, {Counted.Plural(changes.Length, "change")}");
        foreach (var section in changes.GroupBy(c => c.Section))
        {
            output.WriteLine();
            output.WriteLine($"{section.Key}:");
            foreach (var change in section) output.WriteLine($"  {change.Description}");
        }

        return ExitCodes.Failed;
    }
}
