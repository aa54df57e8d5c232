using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IvrEngine.Tests.Simulation;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// <c>ivr simulate</c> and <c>ivr validate</c> on scenarios, run as the real CLI in a child process.
/// The tiny scenario (about 300 calls a week) keeps each run well under a second; the runs compared
/// with each other are started together once.
/// </summary>
[NonParallelizable]
public sealed partial class SimulateCommandEndToEndTests
{
    private static readonly string[] OutputFiles = ["intervals.csv", "summary.json", "best-time-to-call.svg", "report.html"];

    private string _root = null!;
    private Run _seed7 = null!;
    private Run _seed7Again = null!;
    private Run _seed7OneThread = null!;
    private Run _seed8 = null!;
    private Run _150Calls = null!;

    [OneTimeSetUp]
    public async Task RunTheComparedSimulations()
    {
        _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"ivr-simulate-{Guid.NewGuid():N}")).FullName;
        var runs = await Task.WhenAll(
            Simulate("seed7", "--duration", "P2W", "--seed", "7", "--threads", "2"),
            Simulate("seed7-again", "--duration", "P2W", "--seed", "7", "--threads", "2"),
            Simulate("seed7-one-thread", "--duration", "P2W", "--seed", "7", "--threads", "1"),
            Simulate("seed8", "--duration", "P2W", "--seed", "8", "--threads", "2"),
            Simulate("150-calls", "--calls", "150"));
        (_seed7, _seed7Again, _seed7OneThread, _seed8, _150Calls) = (runs[0], runs[1], runs[2], runs[3], runs[4]);
    }

    [OneTimeTearDown]
    public void RemoveTheOutput() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Simulate_PrintsTheSummaryTableAndTheBestTimeToCall_AndEndsWithTheRate()
    {
        var result = _seed7.Result;
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Error, Is.Empty, "no progress bar when stderr is not a terminal");
        var lines = result.Output.TrimEnd('\n').Split('\n');

        Assert.That(lines[0], Does.Match(@"^Simulating 2 weeks \(about 600 calls\) of tiny-line\.scenario\.json on menu tiny-line \([0-9a-f]{12}\), seed 7, weeks from 2026-11-30\.$"));
        Assert.That(lines, Has.Some.Match(@"^queue +offered +answered +abandoned +SL +ASA +avg wait +p90 wait +longest +occupancy +callbacks off/acc/done$"));
        Assert.That(lines, Has.Some.Match(@"^general +[\d,]+ +[\d,]+ +[\d,]+ \(\d+\.\d%\) +\d+\.\d%/20s +\d+:\d\d +\d+:\d\d +\d+:\d\d +\d+:\d\d +\d+\.\d% +\d+/\d+/\d+$"));
        Assert.That(lines, Does.Contain("Best time to call (average wait in a queue, by the hour callers joined):"));
        Assert.That(lines, Has.Some.Match(@"^hour +Mon +Tue +Wed +Thu +Fri +Sat +Sun$"));
        Assert.That(lines, Has.Some.Match(@"^09:00 +\d+:\d\d[+! ] +– +– +– +– +– +–$"), "callers only on Monday mornings");
        Assert.That(lines, Has.Some.Match(@"^\+ shortest tenth, ! longest tenth\. Best hour: Mon \d\d:00 \(\d+:\d\d\); worst: Mon \d\d:00 \(\d+:\d\d\)\.$"));
        Assert.That(lines, Has.Some.Match(@"^Best day: Mon \(\d+:\d\d on average\); worst: Mon \(\d+:\d\d\)\.$"));
        Assert.That(lines[^1], Does.Match(@"^rate: \d+ calls in \d+\.\d\d s = \d+ calls/s \(\d+\.\d KB allocated per call, \d+% of the time in GC pauses\)$"));
    }

    [Test]
    public void Out_WritesIntervalsCsvSummaryJsonAndTheHeatmap()
    {
        var csv = File.ReadAllLines(Path.Combine(_seed7.Folder, "intervals.csv"));
        Assert.That(csv[0], Is.EqualTo(
            "queue,day,time,interval_minutes,weeks,offered,answered,abandoned,abandon_rate,service_level,p_wait,asa_s,avg_wait_s,p90_wait_s,longest_wait_s,"
            + "occupancy,callbacks_offered,callbacks_accepted,callbacks_completed,overflowed,turned_away"));
        Assert.That(csv, Has.Length.EqualTo(1 + (24 * 7)), "one row per hour of the week for the one queue");
        Assert.That(csv.Skip(1), Has.All.StartWith("general,"));
        var nine = csv.Single(l => l.StartsWith("general,Mon,09:00,60,", StringComparison.Ordinal)).Split(',');
        Assert.That(int.Parse(nine[4], CultureInfo.InvariantCulture), Is.EqualTo(2), "both weeks simulated Monday 09:00");
        var offeredInCsv = csv.Skip(1).Sum(l => long.Parse(l.Split(',')[5], CultureInfo.InvariantCulture));
        Assert.That(offeredInCsv, Is.GreaterThan(0));
        Assert.That(csv.Skip(1).Where(l => !l.Contains(",Mon,", StringComparison.Ordinal)).Select(l => l.Split(',')[5]), Has.All.EqualTo("0"), "nobody calls after Monday");

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_seed7.Folder, "summary.json")));
        var root = summary.RootElement;
        Assert.That(root.GetProperty("scenario").GetString(), Is.EqualTo("tiny-line.scenario.json"));
        Assert.That(root.GetProperty("menu").GetString(), Is.EqualTo("tiny-line"));
        Assert.That(root.GetProperty("weekOf").GetString(), Is.EqualTo("2026-11-30"));
        Assert.That(root.GetProperty("seed").GetInt32(), Is.EqualTo(7));
        Assert.That(root.GetProperty("intervalMinutes").GetInt32(), Is.EqualTo(60));
        Assert.That(root.GetProperty("calls").GetInt64(), Is.EqualTo(RateLineCalls(_seed7.Result)));
        var week = root.GetProperty("queues").GetProperty("general").GetProperty("week");
        Assert.That(week.GetProperty("offered").GetInt64(), Is.EqualTo(offeredInCsv));
        Assert.That(root.GetProperty("queues").GetProperty("general").GetProperty("serviceLevelSeconds").GetDouble(), Is.EqualTo(20));

        var svg = XDocument.Load(Path.Combine(_seed7.Folder, "best-time-to-call.svg"));
        Assert.That(svg.Root!.Name.LocalName, Is.EqualTo("svg"));
        Assert.That(svg.Root.Value, Does.Contain("Best time to call — tiny-line"));
        Assert.That(_seed7.Result.Output, Does.Contain($"Wrote {Path.Combine(_seed7.Folder, "intervals.csv")}, "));
    }

    [Test]
    public void Simulate_WritesAReportHtmlThatLoadsNothing_WithSummaryJsonsFigures()
    {
        var html = File.ReadAllText(Path.Combine(_seed7.Folder, "report.html"));
        var general = JsonDocument.Parse(File.ReadAllText(Path.Combine(_seed7.Folder, "summary.json"))).RootElement.GetProperty("queues").GetProperty("general").GetProperty("week");

        Assert.That(html, Does.StartWith("<!DOCTYPE html>").And.Contain("<h1>Simulation report: tiny-line</h1>"));
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("<script"));
        Assert.That(html, Does.Contain($"data-kpi=\"offered\" data-value=\"{general.GetProperty("offered").GetInt64()}\""));
        Assert.That(html, Does.Contain("data-chart=\"service-level\" data-queue=\"general\"").And.Contain("data-chart=\"best-time\""));
        Assert.That(_seed7.Result.Output, Does.Contain($" and {Path.Combine(_seed7.Folder, "report.html")}."));
    }

    [Test]
    public void TheSameSeed_WritesByteIdenticalFiles_AndPrintsTheSameReport()
    {
        foreach (var file in OutputFiles)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(_seed7Again.Folder, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_seed7.Folder, file))), file);
        }

        Assert.That(Report(_seed7Again), Is.EqualTo(Report(_seed7)), "everything but the paths written and the rate line");
    }

    [Test]
    public void OneThreadOrTwo_WriteTheSameFiles()
    {
        Assert.That(_seed7OneThread.Result.ExitCode, Is.Zero, _seed7OneThread.Result.ToString());
        foreach (var file in OutputFiles)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(_seed7OneThread.Folder, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_seed7.Folder, file))), file);
        }
    }

    [Test]
    public void AnotherSeed_WritesOtherFigures()
    {
        Assert.That(_seed8.Result.ExitCode, Is.Zero, _seed8.Result.ToString());
        Assert.That(File.ReadAllText(Path.Combine(_seed8.Folder, "intervals.csv")), Is.Not.EqualTo(File.ReadAllText(Path.Combine(_seed7.Folder, "intervals.csv"))));
        Assert.That(File.ReadAllText(Path.Combine(_seed8.Folder, "summary.json")), Is.Not.EqualTo(File.ReadAllText(Path.Combine(_seed7.Folder, "summary.json"))));
    }

    [Test]
    public void Calls_SimulatesExactlyThatMany()
    {
        Assert.That(_150Calls.Result.ExitCode, Is.Zero, _150Calls.Result.ToString());
        Assert.That(_150Calls.Result.Output, Does.StartWith("Simulating 150 calls of tiny-line.scenario.json"));
        Assert.That(RateLineCalls(_150Calls.Result), Is.EqualTo(150));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_150Calls.Folder, "summary.json")));
        Assert.That(summary.RootElement.GetProperty("calls").GetInt64(), Is.EqualTo(150));
    }

    [Test]
    public async Task AnInvalidScenario_ExitsOneWithLocatedErrors_AndNoStackTrace()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "invalid")).FullName;
        File.Copy(SimulationFiles.TinyMenu, Path.Combine(folder, "tiny-line.json"));
        var scenario = Path.Combine(folder, "bad.scenario.json");
        var text = SimulationFiles.With("\"weekOf\": \"2026-11-30\"", "\"weekOf\": \"2026-12-01\"");
        File.WriteAllText(scenario, SimulationFiles.With(text, "\"main\": { \"1\": 6", "\"mian\": { \"1\": 6"));

        var result = await IvrProcess.RunAsync("", "simulate", scenario, "--out", Path.Combine(folder, "out"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Match(CliMenus.ErrorLine(scenario)));
        Assert.That(result.Output, Does.Contain($"{scenario}(6,13): error IVR0018: weekOf is 2026-12-01, a Tuesday;"));
        Assert.That(result.Output, Does.Contain("error IVR0006: choices of callers names node 'mian', which menu 'tiny-line' does not have; did you mean 'main'? [$.callers.choices.mian]"));
        Assert.That(result.Output, Does.Not.Contain("Simulating"));
        Assert.That(result.Error, Is.EqualTo($"{scenario}: invalid scenario; fix the problems above.\n"));
        Assert.That(Directory.Exists(Path.Combine(folder, "out")), Is.False, "nothing is written for an invalid scenario");
    }

    [Test]
    public async Task CallsFromAScenarioWithNoArrivals_ExitsOneWithAReason_AndNoStackTrace()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "no-arrivals")).FullName;
        File.Copy(SimulationFiles.TinyMenu, Path.Combine(folder, "tiny-line.json"));
        var scenario = Path.Combine(folder, "quiet.scenario.json");
        File.WriteAllText(scenario, SimulationFiles.With("\"callsPerHour\": 100", "\"callsPerHour\": 0"));

        var result = await IvrProcess.RunAsync("", "simulate", scenario, "--calls", "10");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("no interval of the scenario has arrivals, so --calls 10 can never be reached"));
        Assert.That(result.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
    }

    [TestCase("--calls", "0", "--calls must be a whole number from 1 to 1,000,000,000.", TestName = "Calls 0 is a usage error")]
    [TestCase("--calls", "5", "Give --calls or --duration, not both.", "--duration", "P7D", TestName = "Calls and duration together are a usage error")]
    [TestCase("--duration", "P1M", "years and months vary in length", TestName = "A duration in months is a usage error")]
    [TestCase("--calls", "abc", "--calls must be a whole number from 1 to 1,000,000,000.", TestName = "Calls as text is a usage error, not a stack trace")]
    [TestCase("--calls", "1e5", "--calls must be a whole number from 1 to 1,000,000,000.", TestName = "Calls in exponent form is a usage error")]
    [TestCase("--threads", "0", "--threads must be a whole number from 1 to 256.", TestName = "No threads is a usage error")]
    [TestCase("--calls", "99999999999", "--calls must be a whole number from 1 to 1,000,000,000.", TestName = "Calls beyond a billion is a usage error")]
    [TestCase("--seed", "abc", "--seed must be a whole number (from -2147483648 to 2147483647).", TestName = "A seed as text is a usage error, not a parse trace")]
    [TestCase("--out", "{scenario}", "is a file; give a folder (it is created if missing).", TestName = "Out at an existing file is a usage error")]
    public async Task BadOptions_ExitTwoWithTheReason(string option, string value, string reason, params string[] more)
    {
        var result = await IvrProcess.RunAsync("", ["simulate", SimulationFiles.TinyScenario, option, value.Replace("{scenario}", SimulationFiles.TinyScenario, StringComparison.Ordinal), .. more]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain(reason));
        Assert.That(result.Error, Does.EndWith("Run 'ivr simulate --help' for usage.\n"));
        Assert.That(result.Output, Is.Empty);
    }

    [Test]
    public async Task Validate_AcceptsTheBundledScenario_AndRejectsABadOne()
    {
        var bad = Path.Combine(_root, "bad-validate.scenario.json");
        File.WriteAllText(bad, """{ "menu": "missing-menu.json", "weekOf": "2026-11-30", "arrivals": [] }""");

        var results = await Task.WhenAll(
            IvrProcess.RunAsync("", "validate", SimulationFiles.BundledScenario),
            IvrProcess.RunAsync("", "validate", bad));
        var (good, rejected) = (results[0], results[1]);

        Assert.That(good.ExitCode, Is.Zero, good.ToString());
        Assert.That(good.Output, Is.EqualTo($"{SimulationFiles.BundledScenario}: ok (scenario for carrier-support, about 32,040 calls a week)\n"));
        Assert.That(rejected.ExitCode, Is.EqualTo(1), rejected.ToString());
        Assert.That(rejected.Output, Does.Match(CliMenus.ErrorLine(bad)));
        Assert.That(rejected.Output, Does.Contain($"{bad}(1,11): error IVR0001: menu 'missing-menu.json' is not a file"));
        Assert.That(rejected.Error, Does.Contain("1 of 1 file invalid."));
    }

    [Test]
    public async Task Validate_RecognisesAScenarioByItsContent_WhateverItsName()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "renamed")).FullName;
        File.Copy(SimulationFiles.TinyMenu, Path.Combine(folder, "tiny-line.json"));
        var renamed = Path.Combine(folder, "monday-peak.json");
        File.Copy(SimulationFiles.TinyScenario, renamed);
        var withBom = Path.Combine(folder, "saved-on-windows.json");
        File.WriteAllText(withBom, SimulationFiles.TinyScenarioText, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = await IvrProcess.RunAsync("", "validate", renamed, withBom, Path.Combine(folder, "tiny-line.json"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.StartWith($"{renamed}: ok (scenario for tiny-line, about 300 calls a week)\n"));
        Assert.That(result.Output, Does.Contain($"{withBom}: ok (scenario for tiny-line, about 300 calls a week)\n"), "a byte-order mark does not hide what the file is");
        Assert.That(result.Output, Does.Contain($"tiny-line.json: ok (3 nodes"), "the menu beside it is still checked as a menu");
    }

    private async Task<Run> Simulate(string name, params string[] options)
    {
        var folder = Path.Combine(_root, name);
        var result = await IvrProcess.RunAsync("", ["simulate", SimulationFiles.TinyScenario, "--out", folder, .. options]);
        return new Run(folder, result);
    }

    /// <summary>What a run printed, less the lines that differ between identical runs: where it wrote, and how fast.</summary>
    private static string Report(Run run) =>
        string.Join('\n', run.Result.Output.Split('\n').Where(l => !l.StartsWith("Wrote ", StringComparison.Ordinal) && !l.StartsWith("rate: ", StringComparison.Ordinal)));

    private static long RateLineCalls(IvrResult result) =>
        long.Parse(RateLine().Match(result.Output).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?m)^rate: (\d+) calls in ")]
    private static partial Regex RateLine();

    private sealed record Run(string Folder, IvrResult Result);
}
