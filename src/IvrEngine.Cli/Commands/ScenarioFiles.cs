using IvrEngine.Simulation;

namespace IvrEngine.Cli.Commands;

/// <summary>What <c>simulate</c> and <c>staff</c> both do before a long run: load the scenario (printing its problems) and make the <c>--out</c> folder ready.</summary>
internal static class ScenarioFiles
{
    /// <summary>The loaded scenario, or null after telling the user why not (exit code 1).</summary>
    public static Scenario? Open(string file, string? outDir, TextWriter output, TextWriter error)
    {
        var loaded = ScenarioLoader.LoadFile(file);
        foreach (var diagnostic in loaded.Diagnostics) output.WriteLine(diagnostic);
        if (loaded.Scenario is not { } scenario)
        {
            error.WriteLine($"{file}: invalid scenario; fix the problems above.");
            return null;
        }

        if (outDir is not null && !OutputFolder.TryPrepare(outDir, out var problem))
        {
            error.WriteLine($"ivr: {problem}");
            return null;
        }
        return scenario;
    }
}
