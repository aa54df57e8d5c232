using System.CommandLine;
using IvrEngine.Menus.Lint;

namespace IvrEngine.Cli.Commands;

/// <summary><c>ivr lint MENU...</c>: best-practice warnings beyond validity, in the compiler format; exit codes as <c>validate</c>.</summary>
internal static class LintCommand
{
    private const int MaxPromptSeconds = 86_400;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("MENU") { Description = "Menu files to lint.", Arity = ArgumentArity.OneOrMore };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Fail on warnings too." };
        var maxOptions = new Option<int>("--max-options") { Description = "Choices by key one node may offer (IVRL003).", DefaultValueFactory = _ => LintOptions.Default.MaxOptions, HelpName = "N" };
        var maxDepth = new Option<int>("--max-depth") { Description = "Menu levels a caller may go through (IVRL004).", DefaultValueFactory = _ => LintOptions.Default.MaxDepth, HelpName = "N" };
        var maxSeconds = new Option<double>("--max-prompt-seconds") { Description = "Longest a prompt may take to say (IVRL008).", DefaultValueFactory = _ => LintOptions.Default.MaxPromptSeconds, HelpName = "SECONDS" };
        maxOptions.Validators.Add(WholeNumberOption.Between("--max-options", 1, int.MaxValue));
        maxDepth.Validators.Add(WholeNumberOption.Between("--max-depth", 1, int.MaxValue));
        maxSeconds.Validators.Add(result =>
        {
            // A day is far past any prompt; NaN or infinity would switch the rule off without saying so.
            if (!DecimalOption.IsWithin(result, 0, MaxPromptSeconds, aboveMin: true)) result.AddError($"--max-prompt-seconds must be a number of seconds, more than 0 and at most {MaxPromptSeconds}.");
        });

        var command = new Command("lint", "Warn about menu practices that hurt callers: unsaid keys, long prompts, deep menus, no way to a person, …")
        {
            files, warningsAsErrors, maxOptions, maxDepth, maxSeconds,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(files)!,
            parseResult.GetValue(warningsAsErrors),
            new LintOptions { MaxOptions = parseResult.GetValue(maxOptions), MaxDepth = parseResult.GetValue(maxDepth), MaxPromptSeconds = parseResult.GetValue(maxSeconds) },
            output,
            error));
        return command;
    }

    private static int Run(string[] files, bool warningsAsErrors, LintOptions options, TextWriter output, TextWriter error)
    {
        var failed = 0;
        foreach (var file in files)
        {
            // 'ivr lint menus/*.json' also matches staffing files and scenarios: they are recognised as validate does, and left to it.
            if (NotAMenu(file) is { } what)
            {
                output.WriteLine($"{file}: skipped, {what} (lint reads menus; 'ivr validate {file}' checks it)");
                continue;
            }
            var report = MenuLinter.LintFile(file, options);
            var all = report.All.ToList();
            foreach (var diagnostic in all) output.WriteLine(diagnostic);
            var warnings = all.Count(d => !d.IsError);
            if (all.Any(d => d.IsError) || (warningsAsErrors && warnings > 0))
            {
                failed++;
                continue;
            }

            var suppressed = report.Suppressed > 0 ? $", {Counted.Plural(report.Suppressed, "finding")} switched off by lint.disable" : string.Empty;
            output.WriteLine($"{file}: {Counted.Plural(warnings, "warning")}{suppressed}");
        }

        if (failed > 0) error.WriteLine($"{failed} of {Counted.Plural(files.Length, "menu file")} failed lint.");
        return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static string? NotAMenu(string file) =>
        file.EndsWith(ValidateCommand.StaffingSuffix, StringComparison.OrdinalIgnoreCase) ? "a staffing file"
        : file.EndsWith(ValidateCommand.ScenarioSuffix, StringComparison.OrdinalIgnoreCase) || (File.Exists(file) && ValidateCommand.LooksLikeScenario(file)) ? "a scenario"
        : null;

}
