using System.Text.RegularExpressions;

namespace IvrEngine.Menus.Loading;

/// <summary>
/// Checks the shape of a <c>"lint": { "disable": [ { "rule": "IVRL003", "reason": "…" } ] }</c> block
/// (menu level or per node). The engine ignores the block; <c>ivr lint</c> reads it. Whether a rule id
/// names a real rule is lint's business (IVRL000), so the loader does not depend on the rule list.
/// </summary>
internal static partial class LintBlockChecks
{
    private static readonly string[] BlockProperties = ["disable"];
    private static readonly string[] EntryProperties = ["rule", "reason"];

    public static void Check(BindContext context, LocatedValue? value, string owner)
    {
        var what = $"lint of {owner}";
        if (context.AsObject(value, what) is not { } block)
        {
            return;
        }

        context.CheckProperties(block, what, BlockProperties);
        if (context.AsArray(block["disable"], $"lint.disable of {owner}") is not { } entries)
        {
            return;
        }

        for (var i = 0; i < entries.Items.Count; i++)
        {
            var entryWhat = $"lint.disable[{i}] of {owner}";
            if (context.AsObject(entries.Items[i], entryWhat) is not { } entry)
            {
                continue;
            }

            context.CheckProperties(entry, entryWhat, EntryProperties);
            var ruleValue = context.Require(entry, "rule", entryWhat);
            if (context.AsString(ruleValue, $"the rule of {entryWhat}") is { } rule && !RuleIdRegex().IsMatch(rule))
            {
                context.Error(DiagnosticCodes.Malformed, ruleValue!.Where, $"rule '{rule}' of {entryWhat} is not a lint rule id like 'IVRL003'");
            }

            var reasonValue = context.Require(entry, "reason", entryWhat);
            if (context.AsString(reasonValue, $"the reason of {entryWhat}") is { } reason && string.IsNullOrWhiteSpace(reason))
            {
                context.Error(DiagnosticCodes.MissingProperty, reasonValue!.Where, $"{entryWhat} needs a reason: say why the rule does not apply here");
            }
        }
    }

    [GeneratedRegex("^IVRL[0-9]{3}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdRegex();
}
