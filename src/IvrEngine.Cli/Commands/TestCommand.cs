using System.CommandLine;
using System.Globalization;
using IvrEngine.Cli.Console;
using IvrEngine.Flows;
using Microsoft.Extensions.FileSystemGlobbing;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// <c>ivr test PATH...</c>: runs QA call flows in virtual time, one line per run and a summary;
/// exit 0 when all pass, 1 when any fails (or coverage is below <c>--min-coverage</c>), 2 when a
/// flow file is bad or the command line is wrong.
/// </summary>
internal static class TestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Flow files, folders (every *.flow below them) or globs (menus/**/*.flow).",
            Arity = ArgumentArity.OneOrMore,
        };
        var junit = new Option<string?>("--junit") { Description = "Write the results as JUnit XML for CI.", HelpName = "FILE" };
        var transcripts = new Option<string?>("--transcripts") { Description = "Write each run's call transcript (JSON lines) into this folder.", HelpName = "DIR" };
        var coverage = new Option<bool>("--coverage") { Description = "Show which nodes, options, escapes and failure paths the flows exercised." };
        var minCoverage = new Option<double?>("--min-coverage") { Description = "Fail when options and escapes are covered less than P percent (implies --coverage).", HelpName = "P" };
        var filter = new Option<string?>("--filter") { Description = "Run only the flows whose name (or file name) contains TEXT, ignoring case.", HelpName = "TEXT" };
        var keepGoing = new Option<bool>("--keep-going") { Description = "Report every failed expectation of a run, not only the first." };
        var update = new Option<bool>("--update") { Description = "Rewrite failed 'expect prompt \"…\"' and 'expect node' steps to what the line says now, and show the diff." };
        minCoverage.Validators.Add(result =>
        {
            if (!DecimalOption.IsWithin(result, 0, 100)) result.AddError("--min-coverage is a percentage, a number from 0 to 100.");
        });

        var command = new Command("test", "Run QA call flows (.flow files) against their menus in virtual time.")
        {
            paths, filter, keepGoing, update, junit, transcripts, coverage, minCoverage,
        };
        command.SetAction(parseResult => Run(
            new TestRequest(parseResult.GetValue(paths)!, parseResult.GetValue(junit), parseResult.GetValue(transcripts), parseResult.GetValue(coverage), parseResult.GetValue(minCoverage))
            {
                Filter = parseResult.GetValue(filter),
                KeepGoing = parseResult.GetValue(keepGoing),
                Update = parseResult.GetValue(update),
            },
            output,
            error));
        return command;
    }

    private static int Run(TestRequest request, TextWriter output, TextWriter error)
    {
        // Run times in the report are wall time, read through the one clock; each flow's calls run on their own virtual clock.
        var stopwatch = Hosting.CallClock.Real().Time;
        var started = stopwatch.GetTimestamp();
        // The outputs are made ready before any flow runs: a bad path must not cost the run's results.
        if (request.TranscriptsDir is { } transcriptsDir && !OutputFolder.TryPrepare(transcriptsDir, "--transcripts", out var folderProblem))
        {
            error.WriteLine($"ivr test: {folderProblem}");
            return ExitCodes.Usage;
        }
        using var junitFile = OutputFile.Create(request.JUnitPath, "results.xml", out var junitProblem);
        if (junitProblem is not null)
        {
            error.WriteLine($"ivr test: --junit: {junitProblem}");
            return ExitCodes.Usage;
        }
        var files = new List<string>();
        foreach (var path in request.Paths)
        {
            var found = Expand(path);
            if (found.Count == 0)
            {
                error.WriteLine($"ivr test: no flow files at '{path}' (give .flow files, folders or globs such as menus/**/*.flow).");
                return ExitCodes.Usage;
            }
            files.AddRange(found);
        }

        var suite = new FlowLoader().Load(files);
        foreach (var diagnostic in suite.Diagnostics) output.WriteLine(diagnostic);

        var cases = request.Filter is { } wanted
            ? [.. suite.Cases.Where(c => c.Flow.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase) || Path.GetFileName(c.File.Path).Contains(wanted, StringComparison.OrdinalIgnoreCase))]
            : suite.Cases;
        if (cases.Length == 0 && suite.Cases.Length > 0)
        {
            error.WriteLine($"ivr test: --filter '{request.Filter}' matches no flow of {Counted.Plural(suite.FileCount, "flow file")}; it is matched against flow names and file names, ignoring case.");
            return ExitCodes.Usage;
        }
        var results = new FlowRunner(stopwatch) { KeepGoing = request.KeepGoing, Update = request.Update }.RunAll(cases);
        foreach (var result in results)
        {
            output.WriteLine($"{(result.Passed ? "PASS" : "FAIL")} {result.Case}");
            if (result.Failure is { } failure) output.WriteLine(Indent(failure));
        }

        var failed = results.Count(r => !r.Passed);
        var belowMinimum = false;
        if (request.Coverage || request.MinCoverage is not null)
        {
            foreach (var report in FlowCoverage.Of(results))
            {
                CoverageTable.Write(output, report);
                if (request.MinCoverage is { } minimum && report.HeadlinePercent < minimum)
                {
                    belowMinimum = true;
                    error.WriteLine($"ivr test: options and escapes of {report.Menu.Name} are {CoverageTable.Percent(report.HeadlinePercent)} % covered, below --min-coverage {minimum.ToString(CultureInfo.InvariantCulture)}.");
                }
            }
        }

        if (request.Update)
        {
            output.WriteLine();
            var changed = FlowUpdates.Apply(results, output, error);
            output.WriteLine(changed == 0 ? "Nothing to update." : $"Updated {Counted.Plural(changed, "step")}; run again to check them.");
        }

        var elapsed = stopwatch.GetElapsedTime(started);
        if (request.TranscriptsDir is { } dir) WriteTranscripts(dir, results);
        if (junitFile is not null) JUnitReport.Write(junitFile, results, suite.Diagnostics, elapsed);

        output.WriteLine();
        output.WriteLine($"{results.Length - failed} passed, {failed} failed: {Counted.Plural(results.Length, "run")} of {Counted.Plural(suite.FileCount, "flow file")} in {elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s.");
        if (suite.BadFiles > 0)
        {
            error.WriteLine($"{suite.BadFiles} of {Counted.Plural(suite.FileCount, "flow file")} invalid; fix them and run again.");
            return ExitCodes.Usage;
        }
        return failed > 0 || belowMinimum ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>A file as given; a folder's *.flow files, recursively; or a glob's matches.</summary>
    private static List<string> Expand(string path)
    {
        if (Directory.Exists(path)) return [.. Directory.EnumerateFiles(path, "*.flow", SearchOption.AllDirectories)];
        if (File.Exists(path)) return [path];
        if (path.IndexOfAny(['*', '?']) < 0) return [];

        // Globs are matched from the longest folder prefix without wildcards.
        var firstWild = path.IndexOfAny(['*', '?']);
        var slash = path.LastIndexOfAny(['/', '\\'], firstWild);
        var root = slash < 0 ? "." : path[..slash];
        var pattern = slash < 0 ? path : path[(slash + 1)..];
        if (!Directory.Exists(root)) return [];
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        return [.. matcher.GetResultsInFullPath(root).Select(full => Path.Combine(root, Path.GetRelativePath(root, full)))];
    }

    private static void WriteTranscripts(string dir, IEnumerable<FlowResult> results)
    {
        Directory.CreateDirectory(dir);
        foreach (var result in results)
        {
            var name = $"{Slug(Path.ChangeExtension(result.Case.File.Path, null))}--{Slug(result.Case.Flow.Name)}.{result.Case.Locale}.jsonl";
            using var file = File.Create(Path.Combine(dir, name));
            result.Call.Transcript.WriteJsonLines(file);
        }
    }

    private static string Slug(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')).Trim('_');

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "    " + l));


    private sealed record TestRequest(string[] Paths, string? JUnitPath, string? TranscriptsDir, bool Coverage, double? MinCoverage)
    {
        /// <summary><c>--filter</c>: only flows whose name or file name contains it.</summary>
        public string? Filter { get; init; }

        public bool KeepGoing { get; init; }

        /// <summary><c>--update</c>: rewrite failed expectations to what the line says now.</summary>
        public bool Update { get; init; }
    }
}
