using System.Collections.Immutable;
using IvrEngine.Files;
using IvrEngine.Menus;
using IvrEngine.Menus.Loading;

namespace IvrEngine.Simulation;

/// <summary>What loading a scenario gave: the scenario (null on any error) and every problem in it and its menu.</summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, ImmutableArray<MenuDiagnostic> Diagnostics)
{
    public bool Succeeded => Scenario is not null;
}

/// <summary>
/// Reads a scenario file (<c>docs/simulation.md</c>) and the menu it names (a path relative to the
/// scenario). Never throws for a bad file: problems come back located, the menu's and the scenario's together.
/// </summary>
public static class ScenarioLoader
{
    public static ScenarioLoadResult LoadFile(string path)
    {
        if (BoundedFile.TryRead(path, "a scenario", out var problem) is not { } bytes)
        {
            var diagnostics = new DiagnosticBag(path);
            diagnostics.Error(DiagnosticCodes.Unreadable, new SourcePoint(1, 1, JsonPaths.Root), problem!);
            return new ScenarioLoadResult(null, diagnostics.ToSortedArray());
        }
        return Load(bytes, path);
    }

    public static ScenarioLoadResult Load(ReadOnlySpan<byte> utf8, string sourcePath)
    {
        var diagnostics = new DiagnosticBag(sourcePath);
        if (InputScreener.Screen(utf8, diagnostics) is not { } source) return new ScenarioLoadResult(null, diagnostics.ToSortedArray());
        var context = new BindContext(diagnostics);
        if (context.AsObject(LocatedJsonParser.Parse(source, diagnostics), "the scenario") is not { } root) return new ScenarioLoadResult(null, diagnostics.ToSortedArray());

        var menuValue = context.Require(root, "menu", "the scenario");
        if (context.AsString(menuValue, "menu") is not { } menuPath) return new ScenarioLoadResult(null, diagnostics.ToSortedArray());
        var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sourcePath)) ?? ".", menuPath));
        if (!File.Exists(resolved))
        {
            context.Error(DiagnosticCodes.Unreadable, menuValue!.Where, $"menu '{menuPath}' is not a file (looked for {resolved})");
            return new ScenarioLoadResult(null, diagnostics.ToSortedArray());
        }

        var menu = MenuLoader.LoadFile(resolved);
        if (menu.Menu is null)
        {
            context.Error(DiagnosticCodes.Unreadable, menuValue!.Where, $"menu '{menuPath}' has errors (listed with it)");
            return new ScenarioLoadResult(null, [.. diagnostics.ToSortedArray(), .. menu.Diagnostics]);
        }

        var scenario = new ScenarioBinder(context, menu.Menu).Bind(root, sourcePath);
        return new ScenarioLoadResult(diagnostics.HasErrors ? null : scenario, diagnostics.ToSortedArray());
    }
}
