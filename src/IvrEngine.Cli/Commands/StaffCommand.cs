using System.CommandLine;
using System.Globalization;
using System.Text;
using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Kernel;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// <c>ivr staff SCENARIO --target 80/20 [--weeks N] [--seed S] [--assurance P --horizon W] [--verify N] [--out DIR]</c>: the fewest agents
/// per queue and interval reaching the target — the queueing model (Erlang A or C) for the scenario's
/// arrival rates first, then rounds of independent simulated weeks that add an agent where the real
/// line (menus, callbacks) is shown to fall short; with <c>--assurance P --horizon W</c>, then the fewest
/// agents such that each interval's service level pooled over W weeks reaches the target with
/// probability P (<see cref="StaffingAssurance"/>); with <c>--verify N</c>, the plan is then run on N
/// fresh weeks the search never saw and each interval's pooled service level reported.
/// </summary>
internal static class StaffCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "The scenario file (docs/simulation.md); its own staffing is only used to measure the calls." };
        var target = new Option<string>("--target") { Description = "Percent answered within seconds, e.g. 80/20.", DefaultValueFactory = _ => "80/20", HelpName = "PERCENT/SECONDS" };
        var weeks = new Option<int>("--weeks") { Description = "Independent weeks (fresh seeds) simulated per round, each one replication of every interval; at least 2 for a confidence interval (more: narrower intervals, slower).", DefaultValueFactory = _ => StaffingPlanner.DefaultWeeks, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seeds every random draw.", DefaultValueFactory = _ => 1, HelpName = "S" };
        var rounds = new Option<int>("--rounds") { Description = "At most this many confirming simulations.", DefaultValueFactory = _ => 8, HelpName = "N" };
        var verify = new Option<int>("--verify") { Description = "Then run the plan on N fresh independent weeks (seeds the search did not use) and report each interval's service level pooled over them, with its 95% confidence interval; 0 for no check.", DefaultValueFactory = _ => 0, HelpName = "N" };
        var assurance = new Option<string?>("--assurance")
        {
            Description = "Percent probability, above 50 and below 100, that each interval's service level pooled over --horizon weeks is at or above the target: raises the minimal plan one agent at a time where the week-to-week spread needs it. Give with --horizon.",
            HelpName = "PERCENT",
        };
        var horizon = new Option<int?>("--horizon") { Description = "The weeks --assurance pools each interval's service level over (a planner checking the plan on the next 10 weeks: 10), from 1 to 520.", HelpName = "WEEKS" };
        var outDir = new Option<string?>("--out") { Description = "Write staffing.csv (every queue and interval; with --assurance, its assured level too), agents.json (the scenario's \"agents\" rows per queue) and, with --verify, verify.csv here.", HelpName = "DIR" };
        outDir.Validators.Add(OutputFolder.MustNotBeAFile);
        seed.Validators.Add(WholeNumberOption.MustBeASeed);
        target.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !ServiceTarget.TryParse(result.Tokens[^1].Value, out _, out var problem)) result.AddError($"--target: {problem}");
        });
        weeks.Validators.Add(result =>
        {
            if (!WholeNumberOption.IsWithin(result, 2, 52)) result.AddError("--weeks must be a whole number from 2 to 52 (a confidence interval needs two weeks at least).");
        });
        verify.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !WholeNumberOption.IsWithin(result, 0, 0) && !WholeNumberOption.IsWithin(result, 2, 520))
                result.AddError("--verify must be 0 (no check) or a whole number of weeks from 2 to 520 (a confidence interval needs two weeks at least).");
        });
        assurance.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !TryParseAssurance(result.Tokens[^1].Value, out _))
                result.AddError("--assurance must be a percent above 50 and below 100 (the probability that each interval's pooled service level reaches the target), e.g. 95.");
        });
        horizon.Validators.Add(result =>
        {
            if (!WholeNumberOption.IsWithin(result, 1, 520)) result.AddError("--horizon must be a whole number of weeks from 1 to 520.");
        });
        rounds.Validators.Add(result =>
        {
            if (!WholeNumberOption.IsWithin(result, 1, 20)) result.AddError("--rounds must be a whole number from 1 to 20.");
        });
        var command = new Command("staff", "Find the fewest agents per queue and interval reaching a service level: Erlang A or C for the scenario's rates, confirmed on independent simulated weeks of the real line.")
        {
            scenario, target, weeks, seed, rounds, assurance, horizon, verify, outDir,
        };
        command.Validators.Add(result =>
        {
            // One without the other has no meaning: a probability needs the weeks it is over, and the reverse.
            var givenAssurance = result.GetResult(assurance) is { Implicit: false, Tokens.Count: > 0 };
            var givenHorizon = result.GetResult(horizon) is { Implicit: false, Tokens.Count: > 0 };
            if (givenAssurance != givenHorizon)
                result.AddError("--assurance and --horizon go together: the probability and the weeks each interval's service level is pooled over, e.g. --assurance 95 --horizon 10.");
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            ServiceTarget.TryParse(parseResult.GetValue(target)!, out var goal, out _);
            var assured = parseResult.GetValue(assurance) is { } text && TryParseAssurance(text, out var probability)
                ? new StaffingAssurance(probability, parseResult.GetValue(horizon)!.Value)
                : null;
            return await RunAsync(parseResult.GetValue(scenario)!, goal, parseResult.GetValue(weeks), parseResult.GetValue(seed), parseResult.GetValue(rounds), assured,
                parseResult.GetValue(verify), parseResult.GetValue(outDir), output, error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>A percent strictly between 50 and 100, as a probability; NaN and infinities are out (no comparison holds for NaN).</summary>
    internal static bool TryParseAssurance(string text, out double probability)
    {
        probability = 0;
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || !(percent is > 50 and < 100)) return false;
        probability = percent / 100;
        return true;
    }

    private static async Task<int> RunAsync(string file, ServiceTarget target, int weeks, int seed, int rounds, StaffingAssurance? assurance, int verify, string? outDir,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (ScenarioFiles.Open(file, outDir, output, error) is not { } scenario) return ExitCodes.Failed;

        var goal = string.Create(CultureInfo.InvariantCulture, $"{target.ServiceLevel * 100:0.#}% within {target.Threshold.TotalSeconds:0} s");
        var assured = assurance is null ? "" : ", " + Assurance(assurance);
        output.WriteLine($"Staffing {Path.GetFileName(file)} for {goal}{assured} ({weeks} independent simulated weeks a round, seed {seed}).");
        // The weeks run on the compiled kernel when it models the scenario (IndependentWeeks), as ivr simulate's do.
        var whyNot = KernelSupport.WhyNot(scenario);
        output.WriteLine(SimulateCommand.EngineLine(whyNot is null, $"the kernel does not model {whyNot}"));
        var (finished, answer) = await EngineRun.GuardAsync(
            () => StaffingPlanner.PlanAsync(scenario, target, weeks, seed, rounds, step => error.WriteLine($"  {step}…"), cancellationToken, assurance),
            "ivr staff", error).ConfigureAwait(false);
        if (!finished) return ExitCodes.Failed;

        output.WriteLine();
        WriteSummary(output, answer, scenario, target);
        foreach (var queue in answer.Intervals.Select(i => i.Queue).Distinct())
        {
            var rows = answer.Intervals.Where(i => i.Queue == queue).ToList();
            if (rows.All(r => r.Agents == 0)) continue;
            output.WriteLine();
            output.WriteLine($"{queue}: agents by hour (the most any half of the hour needs)");
            WriteGrid(output, rows, scenario.Grid);
        }
        output.WriteLine();
        var judged = answer.Intervals.Where(i => i.Verdict != StaffingVerdict.NotJudged).ToList();
        output.WriteLine($"{answer.Model} for the scenario's rates, confirmed on {answer.WeeksPerRound} independent weeks a round (fresh seeds each round), "
            + $"{answer.Rounds} round{(answer.Rounds == 1 ? "" : "s")}; service levels with 95% confidence intervals.");
        var meets = judged.Count(i => i.Verdict == StaffingVerdict.Meets);
        var noise = judged.Count(i => i.Verdict == StaffingVerdict.WithinNoise);
        var misses = judged.Count(i => i.Verdict == StaffingVerdict.Misses);
        output.WriteLine(answer.NoneMisses
            ? $"No interval is shown to miss {goal}: {meets} of {judged.Count} judged meet it with 97.5% confidence, {noise} are within noise of it."
            : $"{misses} of {judged.Count} judged intervals still miss {goal} after {answer.Rounds} rounds (see staffing.csv with --out, or raise --rounds / --weeks).");
        if (answer.Assurance is { } asked) WriteAssurance(output, answer, asked, target, goal);
        PlanCheck? check = null;
        if (verify > 0)
        {
            var (checkedOut, result) = await EngineRun.GuardAsync(
                () =>
                {
                    error.WriteLine($"  checking the plan on {verify} fresh weeks…");
                    return PlanChecker.CheckAsync(answer, target, verify, seed, cancellationToken);
                },
                "ivr staff", error).ConfigureAwait(false);
            if (!checkedOut) return ExitCodes.Failed;
            check = result;
            output.WriteLine();
            WriteCheck(output, check, goal);
        }
        if (outDir is not null) WriteFiles(outDir, answer, target, check, scenario, output);
        return ExitCodes.Ok;
    }

    /// <summary>"95% assurance over 10 weeks" and the like.</summary>
    private static string Assurance(StaffingAssurance assurance) => string.Create(CultureInfo.InvariantCulture,
        $"with {assurance.Probability * 100:0.##}% assurance over {assurance.HorizonWeeks} week{(assurance.HorizonWeeks == 1 ? "" : "s")}");

    /// <summary>What the assurance asked for, how it was computed, and how far above the model it took the plan.</summary>
    private static void WriteAssurance(TextWriter output, StaffingAnswer answer, StaffingAssurance assurance, ServiceTarget target, string goal)
    {
        var judged = answer.Intervals.Where(i => i.AssuredLevel is not null).ToList();
        var assured = judged.Count(i => i.AssuredLevel >= target.ServiceLevel);
        var above = answer.Intervals.Where(i => i.Agents > i.ModelAgents).GroupBy(i => i.Agents - i.ModelAgents).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"+{g.Key} in {g.Count()}")).ToList();
        var lowest = judged.Select(i => i.AssuredLevel!.Value).DefaultIfEmpty(double.NaN).Min();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Assurance: {Assurance(assurance)} asked, each interval's service level pooled over {assurance.HorizonWeeks} week{(assurance.HorizonWeeks == 1 ? "" : "s")} at or above {goal} with probability {assurance.Probability * 100:0.##}%; "
            + $"the model's level at the plan less a skew-corrected (Cornish–Fisher) quantile of the week-to-week spread measured on the rounds' weeks, pooled over the queue's intervals at the same model level (to the percent), ÷ √{assurance.HorizonWeeks}."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{assured} of {judged.Count} judged intervals assured (lowest assured level {(double.IsNaN(lowest) ? "–" : SimulationReport.Percent(lowest))}) after {answer.AssuranceRounds} round{(answer.AssuranceRounds == 1 ? "" : "s")} for it; "
            + $"agents above the model: {(above.Count == 0 ? "none" : string.Join(", ", above) + " intervals")}."));
        if (assured < judged.Count) output.WriteLine("Some intervals are not assured after the rounds allowed: raise --rounds, or see assured_level in staffing.csv with --out.");
    }

    private static void WriteSummary(TextWriter output, StaffingAnswer answer, Scenario scenario, ServiceTarget target)
    {
        var hours = scenario.Grid.IntervalMinutes / 60.0;
        var header = new List<string> { "queue", "calls/week", $"{answer.Model} agent-hours", "plan agent-hours", "intervals raised", "meet/noise/miss", "lowest SL (95% CI)" };
        if (answer.Assurance is not null) header.Add("assured");
        var rows = new List<string[]> { header.ToArray() };
        foreach (var group in answer.Intervals.GroupBy(i => i.Queue))
        {
            if (group.All(i => i.CallsPerHour == 0)) continue;
            var lowest = group.Where(i => i.Estimate is not null).MinBy(i => i.Estimate!.ServiceLevel)?.Estimate;
            string[] row =
            [
                group.Key,
                (group.Sum(i => i.CallsPerHour) * hours).ToString("N0", CultureInfo.InvariantCulture),
                (group.Sum(i => i.ModelAgents) * hours).ToString("N1", CultureInfo.InvariantCulture),
                (group.Sum(i => i.Agents) * hours).ToString("N1", CultureInfo.InvariantCulture),
                group.Count(i => i.Agents > i.ModelAgents).ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture,
                    $"{group.Count(i => i.Verdict == StaffingVerdict.Meets)}/{group.Count(i => i.Verdict == StaffingVerdict.WithinNoise)}/{group.Count(i => i.Verdict == StaffingVerdict.Misses)}"),
                lowest is null ? "–" : $"{SimulationReport.Percent(lowest.ServiceLevel)} ({SimulationReport.Percent(lowest.Low)}–{SimulationReport.Percent(lowest.High)})",
            ];
            // With an assurance: judged intervals whose assured level reaches the target, of those judged.
            if (answer.Assurance is not null)
                row = [.. row, string.Create(CultureInfo.InvariantCulture, $"{group.Count(i => i.AssuredLevel >= target.ServiceLevel)} of {group.Count(i => i.AssuredLevel is not null)}")];
            rows.Add(row);
        }
        SimulationReport.WriteTable(output, rows, rightAlignFrom: 1);
    }

    private static void WriteCheck(TextWriter output, PlanCheck check, string goal)
    {
        output.WriteLine($"The plan on {check.Weeks} fresh independent weeks (seeds the search did not use): each interval's service level pooled over them, with its 95% confidence interval.");
        var rows = new List<string[]> { new[] { "queue", "intervals at/above target", "meet/noise/miss", "lowest interval SL (95% CI)", "week SL (95% CI)" } };
        foreach (var queue in check.Queues.Where(q => q.Judged > 0))
        {
            var lowest = check.Intervals.Where(i => i.Queue == queue.Queue && i.Estimate is not null).MinBy(i => i.Estimate!.ServiceLevel)!.Estimate!;
            rows.Add(
            [
                queue.Queue,
                string.Create(CultureInfo.InvariantCulture, $"{queue.AtOrAbove} of {queue.Judged} ({SimulationReport.Percent(queue.ShareAtOrAbove)})"),
                string.Create(CultureInfo.InvariantCulture, $"{queue.Meets}/{queue.WithinNoise}/{queue.Misses}"),
                Interval(lowest),
                queue.Week is { } week ? Interval(week) : "–",
            ]);
        }
        SimulationReport.WriteTable(output, rows, rightAlignFrom: 1);
        var judged = check.Queues.Sum(q => q.Judged);
        var above = check.Queues.Sum(q => q.AtOrAbove);
        var misses = check.Queues.Sum(q => q.Misses);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{above} of {judged} judged intervals ({SimulationReport.Percent(judged == 0 ? 1 : (double)above / judged)}) are at or above {goal} pooled over {check.Weeks} weeks; {misses} shown to miss it."));
        output.WriteLine("A pooled figure still has noise: an interval whose true level is a few points above the target falls below it on some samples (docs/simulation.md).");

        static string Interval(ServiceLevelEstimate e) => $"{SimulationReport.Percent(e.ServiceLevel)} ({SimulationReport.Percent(e.Low)}–{SimulationReport.Percent(e.High)})";
    }

    private static void WriteGrid(TextWriter output, List<IntervalStaffing> rows, WeekGrid grid)
    {
        var table = new List<string[]> { new[] { "hour" }.Concat(Enumerable.Range(1, 7).Select(d => Hours.DayNames.Short((NodaTime.IsoDayOfWeek)d))).ToArray() };
        for (var hour = 0; hour < 24; hour++)
        {
            var cells = new string[8];
            cells[0] = string.Create(CultureInfo.InvariantCulture, $"{hour:00}:00");
            var any = false;
            for (var day = 0; day < 7; day++)
            {
                var most = rows.Where(r => (int)grid.DayOf(r.Interval) == day + 1 && grid.StartMinuteOf(r.Interval) / 60 == hour).Select(r => r.Agents).DefaultIfEmpty(0).Max();
                any |= most > 0;
                cells[day + 1] = most == 0 ? "–" : most.ToString(CultureInfo.InvariantCulture);
            }
            if (any) table.Add(cells);
        }
        SimulationReport.WriteTable(output, table, rightAlignFrom: 1);
    }

    private static void WriteFiles(string outDir, StaffingAnswer answer, ServiceTarget target, PlanCheck? check, Scenario scenario, TextWriter output)
    {
        Directory.CreateDirectory(outDir);
        var grid = scenario.Grid;
        // With an assurance, two more columns: the assured level and whether it reaches the target (the default file is unchanged).
        var assurance = answer.Assurance is not null;
        var csv = new StringBuilder("queue,day,time,calls_per_hour,model_agents,agents,service_level,service_level_low,service_level_high,weeks,callers,verdict");
        csv.Append(assurance ? ",assured_level,assured\n" : "\n");
        foreach (var row in answer.Intervals)
        {
            var e = row.Estimate;
            csv.Append(CultureInfo.InvariantCulture,
                $"{row.Queue},{Hours.DayNames.Short(grid.DayOf(row.Interval))},{grid.TimeLabel(row.Interval)},{row.CallsPerHour:0.##},{row.ModelAgents},{row.Agents},");
            if (e is null) csv.Append(",,,,,");
            else csv.Append(CultureInfo.InvariantCulture, $"{e.ServiceLevel:0.0000},{e.Low:0.0000},{e.High:0.0000},{e.Weeks},{e.Callers},");
            csv.Append(Verdict(row.Verdict));
            if (assurance)
            {
                if (row.AssuredLevel is { } level) csv.Append(CultureInfo.InvariantCulture, $",{level:0.0000},{(level >= target.ServiceLevel ? "yes" : "no")}");
                else csv.Append(",,");
            }
            csv.Append('\n');
        }
        var csvPath = Path.Combine(outDir, "staffing.csv");
        File.WriteAllText(csvPath, csv.ToString());
        var jsonPath = Path.Combine(outDir, "agents.json");
        File.WriteAllText(jsonPath, AgentRows(answer.Staffed));
        if (check is null)
        {
            output.WriteLine($"Wrote {csvPath} and {jsonPath}.");
            return;
        }
        var verifyPath = Path.Combine(outDir, "verify.csv");
        File.WriteAllText(verifyPath, CheckRows(check, grid));
        output.WriteLine($"Wrote {csvPath}, {jsonPath} and {verifyPath}.");
    }

    /// <summary>The check's row per queue and interval: the plan's agents and the service level pooled over the fresh weeks.</summary>
    private static string CheckRows(PlanCheck check, WeekGrid grid)
    {
        var csv = new StringBuilder("queue,day,time,agents,service_level,service_level_low,service_level_high,weeks,callers,at_or_above_target,verdict\n");
        foreach (var row in check.Intervals)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Queue},{Hours.DayNames.Short(grid.DayOf(row.Interval))},{grid.TimeLabel(row.Interval)},{row.Agents},");
            if (row.Estimate is not { } e) csv.Append(",,,,,,");
            else csv.Append(CultureInfo.InvariantCulture, $"{e.ServiceLevel:0.0000},{e.Low:0.0000},{e.High:0.0000},{e.Weeks},{e.Callers},{(row.AtOrAbove(check.Target) ? "yes" : "no")},");
            csv.Append(Verdict(row.Verdict)).Append('\n');
        }
        return csv.ToString();
    }

    private static string Verdict(StaffingVerdict verdict) => verdict switch
    {
        StaffingVerdict.Meets => "meets",
        StaffingVerdict.WithinNoise => "within-noise",
        StaffingVerdict.Misses => "misses",
        _ => "not-judged",
    };

    /// <summary>Each queue's agents as scenario rows: one row per run of equal staffing within a day.</summary>
    private static string AgentRows(Scenario staffed)
    {
        var grid = staffed.Grid;
        var json = new StringBuilder("{\n");
        var queues = staffed.Queues.Keys.Order(StringComparer.Ordinal).ToList();
        for (var q = 0; q < queues.Count; q++)
        {
            var agents = staffed.Queues[queues[q]].Agents;
            var rows = new List<string>();
            for (var day = 0; day < 7; day++)
            {
                var first = day * grid.IntervalsPerDay;
                var start = first;
                for (var i = first; i <= first + grid.IntervalsPerDay; i++)
                {
                    if (i < first + grid.IntervalsPerDay && agents[i] == agents[start]) continue;
                    if (agents[start] > 0)
                    {
                        var to = i == first + grid.IntervalsPerDay ? "24:00" : grid.TimeLabel(i);
                        rows.Add(string.Create(CultureInfo.InvariantCulture,
                            $"{{ \"days\": \"{Hours.DayNames.Short(grid.DayOf(start)).ToLowerInvariant()}\", \"from\": \"{grid.TimeLabel(start)}\", \"to\": \"{to}\", \"agents\": {agents[start]} }}"));
                    }
                    start = i;
                }
            }
            json.Append(CultureInfo.InvariantCulture, $"  \"{queues[q]}\": [\n    {string.Join(",\n    ", rows)}\n  ]{(q < queues.Count - 1 ? "," : "")}\n");
        }
        return json.Append("}\n").ToString();
    }
}
