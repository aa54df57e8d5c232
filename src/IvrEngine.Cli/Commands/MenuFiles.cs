using IvrEngine.Menus;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// "Load the menu or fail", the same for every command that needs one valid menu: a missing file is
/// named, a menu with errors lists them on stderr and one line saying which command gave up.
/// Each command keeps its own exit code (<c>diff</c> returns 2 for an invalid menu, the others 1).
/// </summary>
internal static class MenuFiles
{
    /// <summary>The menu at <paramref name="path"/>, or null after writing why not to <paramref name="error"/>.</summary>
    public static Menu? Load(string path, string command, TextWriter error)
    {
        // A folder or a pipe is left to the loader, which says what it is.
        if (!Path.Exists(path))
        {
            error.WriteLine($"{command}: there is no menu file at '{path}'.");
            return null;
        }
        return Accept(MenuLoader.LoadFile(path), path, command, error);
    }

    /// <summary>The menu of a load already done (<c>serve</c> loads through its watching catalog), or null after writing its errors.</summary>
    public static Menu? Accept(MenuLoadResult loaded, string path, string command, TextWriter error)
    {
        foreach (var diagnostic in loaded.Errors) error.WriteLine(diagnostic);
        if (loaded.Succeeded) return loaded.Menu;
        error.WriteLine($"{command}: the menu {path} has errors; fix them and try again ('ivr validate {path}' lists them).");
        return null;
    }
}
