using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Kernel;
using IvrEngine.Simulation.Reports;
using NodaTime;
using NodaTime.Text;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// <c>ivr simulate SCENARIO [--calls N | --duration P7D] [--seed S] [--out DIR] [--engine auto|kernel|reference]</c>: runs the
/// scenario's calls through the real menu, queues, hours and callbacks in virtual time and reports
/// each queue's KPIs, the best time to call, and (with <c>--out</c>) CSV, JSON, an SVG heatmap and a self-contained HTML report.
/// The same scenario and seed give the same files. Exit 0, 1 for an invalid scenario, 2 for usage.
/// </summary>
internal static class SimulateCommand
{
    // Hours of work even at the fastest rates measured: a mistyped count should not run for days (--duration stops at 520 weeks).
    private const long MaxCalls = 1_000_000_000;

    public static Command Create(TextWriter output, TextWriter error, bool errorIsTerminal)
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "The scenario file (docs/simulation.md)." };
        var calls = new Option<long?>("--calls") { Description = "Simulate this many calls (whole weeks, the last one cut short).", HelpName = "N" };
        var duration = new Option<string?>("--duration") { Description = "Simulate this long from the scenario's first Monday, as ISO 8601 (P7D, P4W, PT12H); default P7D.", HelpName = "PERIOD" };
        var seed = new Option<int>("--seed") { Description = "Seeds every random draw; the same seed gives the same figures.", DefaultValueFactory = _ => 1, HelpName = "S" };
        var outDir = new Option<string?>("--out") { Description = "Write intervals.csv, summary.json, best-time-to-call.svg and report.html here.", HelpName = "DIR" };
        var threads = new Option<int?>("--threads") { Description = "Weeks simulated at once (default: one per core); the figures do not depend on it.", HelpName = "N" };
        var engine = new Option<string>("--engine")
        {
            Description = "kernel: the compiled kernel (proven equal to the reference engine; refused for a scenario it does not model); reference: one Stateless call machine per call; auto (default): the kernel when the scenario allows it.",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|kernel|reference",
        };
        engine.AcceptOnlyFromAmong("auto", "kernel", "reference");
        outDir.Validators.Add(OutputFolder.MustNotBeAFile);
        seed.Validators.Add(WholeNumberOption.MustBeASeed);
        calls.Validators.Add(result =>
        {
            if (!WholeNumberOption.IsWithin(result, 1, MaxCalls)) result.AddError(string.Create(CultureInfo.InvariantCulture, $"--calls must be a whole number from 1 to {MaxCalls:N0}."));
        });
        duration.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !TryParseDuration(result.Tokens[^1].Value, out _, out var problem)) result.AddError($"--duration: {problem}");
        });
        threads.Validators.Add(result =>
        {
            if (!WholeNumberOption.IsWithin(result, 1, 256)) result.AddError("--threads must be a whole number from 1 to 256.");
        });
        var command = new Command("simulate", "Simulate load on a menu in virtual time (docs/simulation.md): KPIs per queue and interval, the best time to call.")
        {
            scenario, calls, duration, seed, outDir, threads, engine,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(calls) is { Implicit: false } && result.GetResult(duration) is { Implicit: false }) result.AddError("Give --calls or --duration, not both.");
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var length = parseResult.GetValue(calls) is { } n
                ? SimulationLength.OfCalls(n)
                : SimulationLength.Of(parseResult.GetValue(duration) is { } text && TryParseDuration(text, out var parsed, out _) ? parsed : Duration.FromDays(7));
            return await RunAsync(parseResult.GetValue(scenario)!, length, parseResult.GetValue(seed), parseResult.GetValue(outDir), parseResult.GetValue(threads),
                parseResult.GetValue(engine)!, output, error, errorIsTerminal, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal static bool TryParseDuration(string text, out Duration duration, out string problem)
    {
        duration = default;
        var parsed = PeriodPattern.NormalizingIso.Parse(text.Trim().ToUpperInvariant());
        if (!parsed.Success || parsed.Value.Years != 0 || parsed.Value.Months != 0)
        {
            problem = $"'{text}' is not a duration such as P7D, P4W or PT12H (years and months vary in length; give days or weeks).";
            return false;
        }
        try
        {
            duration = parsed.Value.ToDuration();
        }
        catch (OverflowException)
        {
            // P99999W in nanoseconds overflows a long: out of range like any other period too long to simulate.
            duration = Duration.MaxValue;
        }
        if (duration <= Duration.Zero || duration > Duration.FromDays(7 * 520))
        {
            problem = $"'{text}' must be more than zero and at most 520 weeks.";
            return false;
        }
        problem = string.Empty;
        return true;
    }

    /// <summary>The header line that says which executor runs the weeks (ivr simulate, ivr staff), and why not the kernel.</summary>
    internal static string EngineLine(bool onKernel, string whyReference) =>
        onKernel ? "Engine: kernel (compiled; proven equal to the reference engine)." : $"Engine: reference ({whyReference}).";

    private static async Task<int> RunAsync(string file, SimulationLength length, int seed, string? outDir, int? threads, string engine,
        TextWriter output, TextWriter error, bool errorIsTerminal, CancellationToken cancellationToken)
    {
        if (ScenarioFiles.Open(file, outDir, output, error) is not { } scenario) return ExitCodes.Failed;
        string? whyNot = null;
        var kernel = engine == "reference" ? null : CallKernel.TryCompile(scenario, out whyNot);
        if (engine == "kernel" && whyNot is not null)
        {
            error.WriteLine($"--engine kernel: the kernel does not model this scenario ({whyNot}); use --engine reference or auto.");
            return ExitCodes.Usage;
        }
        if (length.Calls is { } wanted && scenario.CallsPerWeek <= 0)
        {
            // No week would ever bring the calls asked for.
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{file}: no interval of the scenario has arrivals, so --calls {wanted} can never be reached; give some arrivals a rate above 0, or use --duration."));
            return ExitCodes.Failed;
        }

        var expected = length.Calls ?? (long)Math.Round(scenario.CallsExpectedIn(length.Duration!.Value));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Simulating {(length.Calls is { } c ? $"{c:N0} calls" : $"{Describe(length.Duration!.Value)} (about {expected:N0} calls)")} of {Path.GetFileName(file)} on menu {scenario.Menu.Name} ({scenario.Menu.Version}), seed {seed}, weeks from {scenario.WeekOf:yyyy-MM-dd}."));
        output.WriteLine(EngineLine(kernel is not null, engine == "reference" ? "asked for" : $"the kernel does not model {whyNot}"));
        var referenceWeeks = new List<(int Week, string Why)>();
        using var progress = errorIsTerminal ? new ProgressBar(error, expected) : null;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pausedBefore = GC.GetTotalPauseDuration();
        var stopwatch = Stopwatch.StartNew();
        var spread = new HourlyWaitSpread();
        var (finished, figures) = await EngineRun.GuardAsync(
            () => LoadSimulation.RunAsync(scenario, length, seed, progress is null ? null : progress.Add, threads, cancellationToken,
                kernel: kernel, onReferenceWeek: (week, why) => { lock (referenceWeeks) referenceWeeks.Add((week, why)); }, onWeek: spread.Add),
            "ivr simulate", error).ConfigureAwait(false);
        if (!finished) return ExitCodes.Failed;
        var elapsed = stopwatch.Elapsed;
        var allocatedPerCall = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / Math.Max(1, figures.Calls);
        var pausedShare = (GC.GetTotalPauseDuration() - pausedBefore).Ticks / (double)Math.Max(elapsed.Ticks, 1);
        progress?.Dispose();

        // Each reason once, with the weeks it sent to the reference engine.
        foreach (var group in referenceWeeks.OrderBy(w => w.Week).GroupBy(w => w.Why, StringComparer.Ordinal))
        {
            var weeks = group.Select(w => w.Week + 1).ToList();
            output.WriteLine($"{(weeks.Count == 1 ? "Week" : "Weeks")} {string.Join(", ", weeks)} ran on the reference engine: {group.Key}, which the kernel does not reproduce.");
        }
        output.WriteLine();
        SimulationReport.WriteSummary(output, figures);
        output.WriteLine();
        var bestTime = BestTimeToCall.From(figures, spread);
        bestTime.WriteTable(output);
        if (outDir is not null) WriteFiles(outDir, figures, bestTime, scenario, seed, output);
        // The only line that varies between identical runs: wall-clock speed, last so scripts can take it.
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rate: {figures.Calls} calls in {elapsed.TotalSeconds:0.00} s = {figures.Calls / Math.Max(elapsed.TotalSeconds, 1e-9):0} calls/s ({allocatedPerCall:N0} bytes allocated per call, {pausedShare:0%} of the time in GC pauses)"));
        return ExitCodes.Ok;
    }

    private static void WriteFiles(string outDir, SimulationFigures figures, BestTimeToCall bestTime, Scenario scenario, int seed, TextWriter output)
    {
        Directory.CreateDirectory(outDir);
        var csv = Path.Combine(outDir, "intervals.csv");
        using (var writer = new StreamWriter(csv, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" }) SimulationReport.WriteIntervalsCsv(writer, figures);
        var json = Path.Combine(outDir, "summary.json");
        using (var stream = File.Create(json)) SimulationReport.WriteJson(stream, figures, scenario, seed);
        var svg = Path.Combine(outDir, "best-time-to-call.svg");
        File.WriteAllText(svg, bestTime.ToSvg(scenario.Menu.Name));
        var html = Path.Combine(outDir, "report.html");
        File.WriteAllText(html, SimulationHtmlReport.Write(figures, bestTime, scenario, seed));
        output.WriteLine();
        output.WriteLine($"Wrote {csv}, {json}, {svg} and {html}.");
    }

    private static string Describe(Duration duration) =>
        duration.Days % 7 == 0 && duration.Days > 0 && duration == Duration.FromDays(duration.Days)
            ? (duration.Days / 7 == 1 ? "1 week" : $"{duration.Days / 7} weeks")
            : $"{duration.TotalHours:0.#} hours";

    /// <summary>A one-line bar on the terminal's stderr, redrawn at most ten times a second from any thread.</summary>
    private sealed class ProgressBar(TextWriter error, long expected) : IDisposable
    {
        private const int Width = 30;
        private readonly Lock _gate = new();
        private readonly Stopwatch _since = Stopwatch.StartNew();
        private long _done;
        private TimeSpan? _drawnAt;
        private bool _drawn;

        public void Add(long calls)
        {
            lock (_gate)
            {
                _done += calls;
                if (_drawnAt is { } last && _since.Elapsed - last < TimeSpan.FromMilliseconds(100)) return;
                _drawnAt = _since.Elapsed;
                var share = expected <= 0 ? 0 : Math.Min(1, (double)_done / expected);
                var filled = (int)(share * Width);
                error.Write(string.Create(CultureInfo.InvariantCulture,
                    $"\r[{new string('#', filled)}{new string('-', Width - filled)}] {share * 100,3:0}%  {_done:N0} calls"));
                _drawn = true;
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_drawn) error.Write($"\r{new string(' ', Width + 40)}\r");
                _drawn = false;
            }
        }
    }
}
