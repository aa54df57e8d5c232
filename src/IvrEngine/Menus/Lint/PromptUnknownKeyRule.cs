namespace IvrEngine.Menus.Lint;

/// <summary>IVRL002: a prompt tells the caller to press a key that does nothing at that node.</summary>
internal sealed class PromptUnknownKeyRule : LintRule
{
    public override string Code => "IVRL002";

    public override string Why => "the caller who follows the prompt hears \"that's not one of the choices\"";

    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        foreach (var node in context.Nodes.Where(n => n.Kind != NodeKind.CollectDigits))
        {
            var keys = node.Options.Select(o => o.Key).OfType<string>().Concat(node.Escape.Keys).ToHashSet(StringComparer.Ordinal);
            foreach (var (property, text) in new[] { ("prompt", node.Prompt), ("reprompt", node.Reprompt) })
            {
                if (property == "reprompt" && ReferenceEquals(node.Reprompt, node.Prompt)) continue;
                foreach (var locale in context.Menu.Locales)
                {
                    foreach (var key in KeyMentions.AsChoices(text.For(locale)).Select(c => c.Key).Distinct().Where(k => !keys.Contains(k)))
                    {
                        yield return new LintFinding(node.Id, context.Source.Locate("nodes", node.Id, property, locale),
                            $"the {locale} {property} of node '{node.Id}' says to press {key}, but no option or escape of that node uses key {key}");
                    }
                }
            }
        }
    }
}
