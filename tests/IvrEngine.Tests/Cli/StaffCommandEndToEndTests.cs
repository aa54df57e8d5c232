using IvrEngine.Simulation;

namespace IvrEngine.Tests.Cli;

/// <summary><c>ivr staff</c> as the real CLI in a child process.</summary>
[TestFixture]
public sealed class StaffCommandEndToEndTests
{
    private static string Scenario => Path.Combine(RepoPaths.Root, "tests", "IvrEngine.Tests", "Simulation", "Staffing", "staffing-line.scenario.json");

    [Test]
    public async Task Staff_PrintsAgentHoursAndTheGrid_AndWritesAgentRowsTheScenarioAccepts()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"ivr-staff-{Guid.NewGuid():N}");
        try
        {
            var result = await IvrProcess.RunAsync("", "staff", Scenario, "--target", "80/20", "--weeks", "3", "--out", outDir);

            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.Multiple(() =>
            {
                Assert.That(result.Output, Does.StartWith("Staffing staffing-line.scenario.json for 80% within 20 s (3 independent simulated weeks a round, seed 1)."));
                Assert.That(result.Output, Does.Match(@"(?m)^queue +calls/week +Erlang A agent-hours +plan agent-hours +intervals raised +meet/noise/miss +lowest SL \(95% CI\)$"));
                Assert.That(result.Output, Does.Match(@"(?m)^support +4,800 +[\d.,]+ +[\d.,]+ +\d+ +\d+/\d+/0 +\d+\.\d% \(\d+\.\d%–\d+\.\d%\)$"), "the scenario's 120 calls an hour, 40 hours a week");
                Assert.That(result.Output, Does.Match(@"(?m)^09:00 +\d+ +\d+ +\d+ +\d+ +\d+ +– +–$"), "agents on weekdays only");
                Assert.That(result.Output, Does.Contain("Erlang A for the scenario's rates, confirmed on 3 independent weeks a round (fresh seeds each round), "));
                Assert.That(result.Output, Does.Match(@"(?m)^No interval is shown to miss 80% within 20 s: \d+ of 40 judged meet it with 97\.5% confidence, \d+ are within noise of it\.$"));
                var csv = File.ReadAllLines(Path.Combine(outDir, "staffing.csv"));
                Assert.That(csv[0], Is.EqualTo("queue,day,time,calls_per_hour,model_agents,agents,service_level,service_level_low,service_level_high,weeks,callers,verdict"));
                Assert.That(csv.Single(l => l.StartsWith("support,Mon,10:00,", StringComparison.Ordinal)), Does.Match(@"^support,Mon,10:00,120,\d+,\d+,0\.\d{4},0\.\d{4},(0\.\d{4}|1\.0000),3,\d+,(meets|within-noise)$"));
            });

            // The rows drop into the scenario in place of its own staffing, and it loads.
            var rows = File.ReadAllText(Path.Combine(outDir, "agents.json"));
            var support = System.Text.Json.JsonDocument.Parse(rows).RootElement.GetProperty("support").GetRawText();
            var staffed = File.ReadAllText(Scenario).Replace("""[ { "days": "mon-fri", "from": "09:00", "to": "17:00", "agents": 4 } ]""", support, StringComparison.Ordinal);
            var loaded = ScenarioLoader.Load(System.Text.Encoding.UTF8.GetBytes(staffed), Scenario);
            Assert.That(loaded.Diagnostics, Is.Empty, () => string.Join("\n", loaded.Diagnostics));
            Assert.That(loaded.Scenario!.Queues["support"].Agents.Max, Is.GreaterThanOrEqualTo(9));
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    [TestCase("80")]
    [TestCase("100/20")]
    [TestCase("eighty/twenty")]
    public async Task Staff_WithABadTarget_IsAUsageError(string target)
    {
        var result = await IvrProcess.RunAsync("", "staff", Scenario, "--target", target);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--target:"));
    }
}
