using System.Text.Json;
using System.Text.RegularExpressions;
using IvrEngine.Tests.Cli;

namespace IvrEngine.Tests.Simulation;

/// <summary>Live memory is fixed by the line and the weeks in flight, not by the number of calls or weeks simulated.</summary>
public sealed class SimulationMemoryTests
{
    [Test]
    public async Task TheBundledLine_RunsTenWeeksOnTwoThreads_UnderASixteenMegabyteHeap()
    {
        // The bundled menu and callers at a sixteenth of the bundled rates (about 2,000 calls a week, so
        // ten weeks fit the time of a test), weeks moving between pool threads: anything a week or a
        // thread leaves behind (call machines, callbacks, figures) piles up week after week.
        var bundled = File.ReadAllText(SimulationFiles.BundledScenario);
        var light = Regex.Replace(bundled, @"""callsPerHour"": (\d+)", m => $"\"callsPerHour\": {int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) / 16}")
            .Replace("\"menu\": \"carrier-support.json\"", $"\"menu\": {JsonSerializer.Serialize(Path.Combine(RepoPaths.Menus, "carrier-support.json"))}", StringComparison.Ordinal);
        using var scenario = IvrProcess.WriteTempFile(light, ".scenario.json");

        var result = await IvrProcess.RunAsync("", new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x1000000" },
            "simulate", scenario.Path, "--duration", "P70D", "--threads", "2");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Match(@"(?m)^rate: \d{5} calls "), "about 20,000 calls ran");
    }
}
