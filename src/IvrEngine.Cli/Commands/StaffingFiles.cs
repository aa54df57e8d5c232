using IvrEngine.Menus;
using IvrEngine.Queues.Staffing;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// The <c>--staffing FILE|none</c> rule shared by the commands that open a call centre: a given file
/// must exist and load; without the option, <c>MENU.staffing.json</c> beside the menu is used when
/// there is one; <c>none</c> means no agents (a transfer ends the call at the queue).
/// </summary>
internal static class StaffingFiles
{
    /// <summary>
    /// Loads the staffing for <paramref name="menu"/>: the plan (null for none) and the file it came
    /// from, or false after writing what is wrong (prefixed with <paramref name="command"/>) to <paramref name="error"/>.
    /// </summary>
    public static async Task<(bool Succeeded, StaffingPlan? Plan, string Path)> LoadAsync(string? option, string menuPath, Menu menu, string command, TextWriter error)
    {
        var path = option ?? StaffingLoader.DefaultPathFor(menuPath);
        if (option is "none" || (option is null && !File.Exists(path))) return (true, null, path);
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"{command}: there is no staffing file at '{path}'.");
            return (false, null, path);
        }

        var loaded = StaffingLoader.LoadFile(path, menu);
        foreach (var diagnostic in loaded.Diagnostics.Where(d => d.IsError)) await error.WriteLineAsync(diagnostic.ToString());
        if (!loaded.Succeeded)
        {
            await error.WriteLineAsync($"{command}: the staffing file {path} has errors.");
            return (false, null, path);
        }
        return (true, loaded.Plan, path);
    }
}
