using System.Text;
using IvrEngine.Simulation;

namespace IvrEngine.Tests.Simulation;

/// <summary>
/// The scenario files the simulation tests use: the bundled one, and a tiny line with its scenario
/// (<c>Simulation/Scenarios/</c>, about 300 calls a week) that variants are made from.
/// </summary>
internal static class SimulationFiles
{
    /// <summary>The folder of the tiny line and its scenario.</summary>
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "IvrEngine.Tests", "Simulation", "Scenarios");

    public static string TinyMenu => Path.Combine(Folder, "tiny-line.json");

    public static string TinyScenario => Path.Combine(Folder, "tiny-line.scenario.json");

    public static string BundledScenario => Path.Combine(RepoPaths.Menus, "carrier-support.scenario.json");

    public static string ScenarioSchema => Path.Combine(RepoPaths.Menus, "schema", "scenario.schema.json");

    /// <summary>Where variants claim to live: beside the tiny menu, so <c>"menu": "tiny-line.json"</c> resolves.</summary>
    public static string VariantPath => Path.Combine(Folder, "variant.scenario.json");

    public static string TinyScenarioText => File.ReadAllText(TinyScenario);

    /// <summary>The tiny scenario with the first <paramref name="fragment"/> replaced.</summary>
    public static string With(string fragment, string replacement) => With(TinyScenarioText, fragment, replacement);

    public static string With(string json, string fragment, string replacement)
    {
        var index = json.IndexOf(fragment, StringComparison.Ordinal);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"the test scenario no longer contains '{fragment}'; update the variant");
        return string.Concat(json.AsSpan(0, index), replacement, json.AsSpan(index + fragment.Length));
    }

    /// <summary>Loads <paramref name="json"/> as if it were <see cref="VariantPath"/>.</summary>
    public static ScenarioLoadResult Load(string json) => ScenarioLoader.Load(Encoding.UTF8.GetBytes(json), VariantPath);

    /// <summary>The tiny scenario, loaded; fails the test if it does not load cleanly.</summary>
    public static Scenario LoadTiny(string? json = null)
    {
        var loaded = Load(json ?? TinyScenarioText);
        Assert.That(loaded.Diagnostics, Is.Empty, () => string.Join("\n", loaded.Diagnostics));
        return loaded.Scenario!;
    }
}
