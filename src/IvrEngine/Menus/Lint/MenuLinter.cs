using System.Collections.Immutable;
using IvrEngine.Files;
using IvrEngine.Menus.Loading;

namespace IvrEngine.Menus.Lint;

/// <summary>
/// Best-practice checks beyond validity (<c>ivr lint</c>). Only a menu that loads is linted. Findings
/// are warnings; a <c>lint.disable</c> entry naming a rule that does not exist is an error (IVRL000),
/// because a typo there would silently leave the rule on.
/// </summary>
public static class MenuLinter
{
    public const string UnknownRuleCode = "IVRL000";

    private static readonly ImmutableArray<LintRule> AllRules =
    [
        new PromptMissingKeyRule(),
        new PromptUnknownKeyRule(),
        new TooManyOptionsRule(),
        new TooDeepRule(),
        new NoHumanEscapeRule(),
        new LoopWithoutExitRule(),
        new OverlappingPhrasesRule(),
        new LongPromptRule(),
        new MissingPhrasesRule(),
        new QueueWithoutHoursFallbackRule(),
        new RoutingLoopRule(),
        new TerminatorSpillRule(),
    ];

    /// <summary>The rule codes, in order.</summary>
    public static IEnumerable<string> RuleCodes => AllRules.Select(r => r.Code);

    public static LintReport LintFile(string path, LintOptions? options = null)
    {
        // The loader says why a file cannot be read; the lint rules need a loaded menu.
        return BoundedFile.TryRead(path, "a menu", out _) is { } bytes
            ? Lint(bytes, path, options)
            : new LintReport(MenuLoader.LoadFile(path), [], 0);
    }

    public static LintReport Lint(string json, string sourcePath, LintOptions? options = null) =>
        Lint(System.Text.Encoding.UTF8.GetBytes(json), sourcePath, options);

    public static LintReport Lint(byte[] utf8, string sourcePath, LintOptions? options = null)
    {
        var load = MenuLoader.Load(utf8, sourcePath);
        if (!load.Succeeded || MenuSource.Parse(utf8) is not { } source)
        {
            return new LintReport(load, [], 0);
        }

        var context = new LintContext(load.Menu, source, options ?? LintOptions.Default);
        var findings = new DiagnosticBag(sourcePath);
        var menuOff = source.Suppressions(null);
        var suppressed = 0;
        foreach (var suppression in menuOff.Concat(load.Menu.Nodes.Keys.SelectMany(id => source.Suppressions(id))))
        {
            if (!AllRules.Any(r => r.Code == suppression.Rule))
            {
                findings.Error(UnknownRuleCode, suppression.Where,
                    $"lint.disable names rule '{suppression.Rule}', which does not exist; the rules are {string.Join(", ", RuleCodes)}");
            }
        }

        foreach (var rule in AllRules)
        {
            foreach (var finding in rule.Check(context))
            {
                var off = menuOff.Concat(finding.NodeId is null ? [] : source.Suppressions(finding.NodeId)).Any(s => s.Rule == rule.Code);
                if (off) suppressed++;
                else findings.Warning(rule.Code, finding.At, $"{finding.Message} ({rule.Why})");
            }
        }

        return new LintReport(load, findings.ToSortedArray(), suppressed);
    }
}
