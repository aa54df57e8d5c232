using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IvrEngine.Files;
using IvrEngine.Menus;
using IvrEngine.Queues.Staffing;
using IvrEngine.Simulation;

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
        var command = new Command("validate", "Check menu files (and NAME.staffing.json files against NAME.json, and load scenarios, NAME.scenario.json or any file with 'menu' and 'arrivals', with their menus) and report every problem with file, line, column and JSON path.")
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
            var (ok, summary) = file.EndsWith(StaffingSuffix, StringComparison.OrdinalIgnoreCase) ? ValidateStaffing(file, output)
                : file.EndsWith(ScenarioSuffix, StringComparison.OrdinalIgnoreCase) || LooksLikeScenario(file) ? ValidateScenario(file, output)
                : ValidateMenu(file, warningsAsErrors, output);
            if (ok) output.WriteLine($"{file}: ok ({summary})");
            else failed++;
        }
        if (failed > 0) error.WriteLine($"{failed} of {Counted.Plural(files.Length, "file")} invalid.");
        return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    internal const string StaffingSuffix = ".staffing.json";
    internal const string ScenarioSuffix = ".scenario.json";

    private static (bool Ok, string Summary) ValidateMenu(string file, bool warningsAsErrors, TextWriter output)
    {
        var result = MenuLoader.LoadFile(file);
        foreach (var diagnostic in result.Diagnostics) output.WriteLine(diagnostic);
        // A folder holds menus, staffing files, scenarios and schemas alike, so it is not guessed through.
        if (Directory.Exists(file)) output.WriteLine($"{file}: a folder is not validated as a whole; name the files in it, e.g. ivr validate {Path.Combine(file, "*.json")}");
        var ok = result.Succeeded && !(warningsAsErrors && result.Warnings.Any());
        return (ok, ok ? $"{Counted.Plural(result.Menu!.Nodes.Count, "node")}, {Counted.Plural(result.Warnings.Count(), "warning")}" : "");
    }

    /// <summary>A staffing file is checked against the menu it staffs: NAME.json beside NAME.staffing.json.</summary>
    private static (bool Ok, string Summary) ValidateStaffing(string file, TextWriter output)
    {
        var menuPath = file[..^StaffingSuffix.Length] + ".json";
        var menu = MenuLoader.LoadFile(menuPath);
        if (!menu.Succeeded)
        {
            output.WriteLine($"{file}(1,1): error IVR0001: the staffing file is checked against its menu {menuPath}, which does not load (validate it first) [$]");
            return (false, "");
        }
        var result = StaffingLoader.LoadFile(file, menu.Menu);
        foreach (var diagnostic in result.Diagnostics) output.WriteLine(diagnostic);
        return (result.Succeeded, result.Succeeded ? $"{Counted.Plural(result.Plan!.Agents.Length, "agent")} for {Path.GetFileName(menuPath)}" : "");
    }

    /// <summary>
    /// A scenario not named NAME.scenario.json: an object with "menu" and "arrivals" (which a menu never
    /// has). Checked as a menu, it would get a page of "the menu has no property 'menu'".
    /// </summary>
    internal static bool LooksLikeScenario(string file)
    {
        // The shared bounded reader: /dev/zero or a named pipe must not hang or exhaust memory here either.
        if (BoundedFile.TryRead(file, "a menu", out _) is not { } bytes) return false;
        try
        {
            ReadOnlyMemory<byte> json = bytes;
            // Editors on Windows often save a byte-order mark, which the parser does not skip by itself.
            if (json.Span.StartsWith("\uFEFF"u8)) json = json[3..];
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("menu", out _)
                && document.RootElement.TryGetProperty("arrivals", out _);
        }
        catch (JsonException)
        {
            // Not JSON: the menu loader reports it, located.
            return false;
        }
    }

    /// <summary>A load scenario (docs/simulation.md) is checked with the menu it names.</summary>
    private static (bool Ok, string Summary) ValidateScenario(string file, TextWriter output)
    {
        var result = ScenarioLoader.LoadFile(file);
        foreach (var diagnostic in result.Diagnostics) output.WriteLine(diagnostic);
        return result.Scenario is { } scenario
            ? (true, string.Create(CultureInfo.InvariantCulture, $"scenario for {scenario.Menu.Name}, about {scenario.CallsPerWeek:N0} calls a week"))
            : (false, "");
    }

}
