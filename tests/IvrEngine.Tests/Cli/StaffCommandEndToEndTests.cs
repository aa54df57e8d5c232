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
                Assert.That(result.Output.Split('\n')[1], Is.EqualTo("Engine: kernel (compiled; proven equal to the reference engine)."), "the weeks run on the kernel, as the header says");
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

    [Test]
    public async Task StaffWithVerify_ReportsEachIntervalOnFreshWeeks_AndWritesVerifyCsv()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"ivr-staff-verify-{Guid.NewGuid():N}");
        try
        {
            var result = await IvrProcess.RunAsync("", "staff", Scenario, "--target", "80/20", "--weeks", "3", "--verify", "4", "--out", outDir);

            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Error, Does.Contain("checking the plan on 4 fresh weeks"));
            Assert.That(result.Output, Does.Contain("\nThe plan on 4 fresh independent weeks (seeds the search did not use): each interval's service level pooled over them, with its 95% confidence interval.\n"));
            Assert.That(result.Output, Does.Match(@"(?m)^queue +intervals at/above target +meet/noise/miss +lowest interval SL \(95% CI\) +week SL \(95% CI\)$"));
            var row = System.Text.RegularExpressions.Regex.Match(result.Output,
                @"(?m)^support +(?<above>\d+) of 40 \((?<share>\d+\.\d)%\) +(?<meet>\d+)/(?<noise>\d+)/(?<miss>\d+) +\d+\.\d% \(\d+\.\d%–\d+\.\d%\) +\d+\.\d% \(\d+\.\d%–\d+\.\d%\)$");
            Assert.That(row.Success, Is.True, result.Output);
            int Group(string name) => int.Parse(row.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(result.Output, Does.Contain($"\n{Group("above")} of 40 judged intervals ({row.Groups["share"].Value}%) are at or above 80% within 20 s pooled over 4 weeks; {Group("miss")} shown to miss it.\n"));
            Assert.That(result.Output, Does.Contain($"Wrote {Path.Combine(outDir, "staffing.csv")}, {Path.Combine(outDir, "agents.json")} and {Path.Combine(outDir, "verify.csv")}."));

            // verify.csv: a row per interval of the week, agreeing with the printed counts.
            var csv = File.ReadAllLines(Path.Combine(outDir, "verify.csv"));
            Assert.That(csv[0], Is.EqualTo("queue,day,time,agents,service_level,service_level_low,service_level_high,weeks,callers,at_or_above_target,verdict"));
            var rows = csv.Skip(1).Select(l => l.Split(',')).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(rows, Has.Count.EqualTo(7 * 24));
                Assert.That(rows.Select(r => r.Length), Is.All.EqualTo(11));
                Assert.That(csv, Does.Contain("support,Mon,00:00,0,,,,,,,not-judged"), "no callers at night: not judged");
                Assert.That(csv.Single(l => l.StartsWith("support,Mon,10:00,", StringComparison.Ordinal)),
                    Does.Match(@"^support,Mon,10:00,\d+,0\.\d{4},0\.\d{4},(0\.\d{4}|1\.0000),4,\d+,(yes|no),(meets|within-noise|misses)$"));
            });
            var judged = rows.Where(r => r[10] != "not-judged").ToList();
            Assert.Multiple(() =>
            {
                Assert.That(judged, Has.Count.EqualTo(40), "weekdays 09:00 to 17:00");
                Assert.That(judged.Count(r => r[9] == "yes"), Is.EqualTo(Group("above")), "the printed count of intervals at or above the target");
                Assert.That(judged.Count(r => r[10] == "meets"), Is.EqualTo(Group("meet")));
                Assert.That(judged.Count(r => r[10] == "within-noise"), Is.EqualTo(Group("noise")));
                Assert.That(judged.Count(r => r[10] == "misses"), Is.EqualTo(Group("miss")));
                foreach (var r in judged)
                {
                    var (level, low, high) = (Number(r[4]), Number(r[5]), Number(r[6]));
                    Assert.That(low <= level && level <= high, Is.True, string.Join(',', r));
                    Assert.That(r[9] == "yes", Is.EqualTo(level >= 0.8), string.Join(',', r));
                    Assert.That(r[10], Is.EqualTo(low >= 0.8 ? "meets" : high < 0.8 ? "misses" : "within-noise"), string.Join(',', r));
                }
            });
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }

        static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public async Task StaffWithVerifyZero_RunsNoCheck_AndWritesNoVerifyCsv()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"ivr-staff-noverify-{Guid.NewGuid():N}");
        try
        {
            var result = await IvrProcess.RunAsync("", "staff", Scenario, "--weeks", "2", "--rounds", "1", "--verify", "0", "--out", outDir);

            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.Multiple(() =>
            {
                Assert.That(result.Output, Does.Not.Contain("The plan on"));
                Assert.That(result.Error, Does.Not.Contain("checking the plan"));
                Assert.That(Path.Combine(outDir, "verify.csv"), Does.Not.Exist);
                Assert.That(Path.Combine(outDir, "staffing.csv"), Does.Exist);
            });
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    // 0 is "no check"; one week gives no confidence interval; the check runs at most ten years of weeks.
    [TestCase("1")]
    [TestCase("-1")]
    [TestCase("521")]
    [TestCase("abc")]
    [TestCase("1.5")]
    [TestCase("")]
    [TestCase("99999999999")]
    public async Task StaffWithABadVerify_IsAUsageErrorOfOneLine(string weeks)
    {
        var result = await IvrProcess.RunAsync("", "staff", Scenario, "--verify", weeks);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Is.EqualTo("ivr: --verify must be 0 (no check) or a whole number of weeks from 2 to 520 (a confidence interval needs two weeks at least).\nRun 'ivr staff --help' for usage.\n"));
            Assert.That(result.Output, Is.Empty, "nothing is simulated");
        });
    }

    [Test]
    public async Task StaffWithAssurance_SaysWhatWasAskedAndHowItWasMet_AndWritesTheAssuredLevels()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"ivr-staff-assured-{Guid.NewGuid():N}");
        try
        {
            var result = await IvrProcess.RunAsync("", "staff", Scenario, "--target", "80/20", "--weeks", "3", "--assurance", "90", "--horizon", "4", "--out", outDir);

            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.Multiple(() =>
            {
                Assert.That(result.Output, Does.StartWith("Staffing staffing-line.scenario.json for 80% within 20 s, with 90% assurance over 4 weeks (3 independent simulated weeks a round, seed 1)."));
                Assert.That(result.Output, Does.Match(@"(?m)^queue +calls/week +Erlang A agent-hours +plan agent-hours +intervals raised +meet/noise/miss +lowest SL \(95% CI\) +assured$"));
                Assert.That(result.Output, Does.Match(@"(?m)^support +4,800 +[\d.,]+ +[\d.,]+ +\d+ +\d+/\d+/\d+ +\d+\.\d% \(\d+\.\d%–\d+\.\d%\) +\d+ of 40$"));
                Assert.That(result.Output, Does.Contain("\nAssurance: with 90% assurance over 4 weeks asked, each interval's service level pooled over 4 weeks at or above 80% within 20 s with probability 90%; "));
                Assert.That(result.Output, Does.Match(@"(?m)^\d+ of 40 judged intervals assured \(lowest assured level \d+\.\d%\) after \d+ rounds? for it; agents above the model: "));
            });
            var csv = File.ReadAllLines(Path.Combine(outDir, "staffing.csv"));
            Assert.Multiple(() =>
            {
                Assert.That(csv[0], Is.EqualTo("queue,day,time,calls_per_hour,model_agents,agents,service_level,service_level_low,service_level_high,weeks,callers,verdict,assured_level,assured"));
                Assert.That(csv.Single(l => l.StartsWith("support,Mon,10:00,", StringComparison.Ordinal)), Does.Match(@",(meets|within-noise|misses),[01]\.\d{4},(yes|no)$"));
                Assert.That(csv.Single(l => l.StartsWith("support,Mon,00:00,", StringComparison.Ordinal)), Does.EndWith(",not-judged,,"), "no callers at night: no assured level");
                var assured = csv.Skip(1).Select(l => l.Split(',')).Where(r => r[12].Length > 0).ToList();
                Assert.That(assured, Has.Count.EqualTo(40));
                Assert.That(assured.Select(r => r[13] == "yes"), Is.EqualTo(assured.Select(r => double.Parse(r[12], System.Globalization.CultureInfo.InvariantCulture) >= 0.8)));
            });
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    [Test]
    public async Task StaffWithoutAssurance_PrintsAndWritesNoAssurance()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"ivr-staff-plain-{Guid.NewGuid():N}");
        try
        {
            var result = await IvrProcess.RunAsync("", "staff", Scenario, "--weeks", "2", "--rounds", "1", "--out", outDir);

            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.Multiple(() =>
            {
                Assert.That(result.Output, Does.StartWith("Staffing staffing-line.scenario.json for 80% within 20 s (2 independent simulated weeks a round, seed 1)."));
                Assert.That(result.Output, Does.Not.Contain("assur"));
                Assert.That(result.Error, Does.Not.Contain("assurance"));
                Assert.That(File.ReadAllLines(Path.Combine(outDir, "staffing.csv"))[0],
                    Is.EqualTo("queue,day,time,calls_per_hour,model_agents,agents,service_level,service_level_low,service_level_high,weeks,callers,verdict"));
            });
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    // A probability above a coin toss and short of certainty; a horizon of whole weeks; and each needs the other.
    [TestCase("--assurance", "50", "--horizon", "10", "--assurance must be a percent above 50 and below 100 (the probability that each interval's pooled service level reaches the target), e.g. 95.")]
    [TestCase("--assurance", "100", "--horizon", "10", "--assurance must be a percent above 50 and below 100 (the probability that each interval's pooled service level reaches the target), e.g. 95.")]
    [TestCase("--assurance", "-95", "--horizon", "10", "--assurance must be a percent above 50 and below 100 (the probability that each interval's pooled service level reaches the target), e.g. 95.")]
    [TestCase("--assurance", "NaN", "--horizon", "10", "--assurance must be a percent above 50 and below 100 (the probability that each interval's pooled service level reaches the target), e.g. 95.")]
    [TestCase("--assurance", "95%", "--horizon", "10", "--assurance must be a percent above 50 and below 100 (the probability that each interval's pooled service level reaches the target), e.g. 95.")]
    [TestCase("--assurance", "95", "--horizon", "0", "--horizon must be a whole number of weeks from 1 to 520.")]
    [TestCase("--assurance", "95", "--horizon", "521", "--horizon must be a whole number of weeks from 1 to 520.")]
    [TestCase("--assurance", "95", "--horizon", "2.5", "--horizon must be a whole number of weeks from 1 to 520.")]
    [TestCase("--assurance", "95", "--seed", "1", "--assurance and --horizon go together: the probability and the weeks each interval's service level is pooled over, e.g. --assurance 95 --horizon 10.")]
    [TestCase("--horizon", "10", "--seed", "1", "--assurance and --horizon go together: the probability and the weeks each interval's service level is pooled over, e.g. --assurance 95 --horizon 10.")]
    public async Task StaffWithABadAssurance_IsAUsageErrorOfOneLine(string first, string firstValue, string second, string secondValue, string message)
    {
        var result = await IvrProcess.RunAsync("", "staff", Scenario, first, firstValue, second, secondValue);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Is.EqualTo($"ivr: {message}\nRun 'ivr staff --help' for usage.\n"));
            Assert.That(result.Output, Is.Empty, "nothing is simulated");
        });
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
