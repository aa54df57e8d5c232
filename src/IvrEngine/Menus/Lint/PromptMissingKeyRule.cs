namespace IvrEngine.Menus.Lint;

/// <summary>IVRL001: an option's key is never said in the node's prompt (in some locale).</summary>
internal sealed class PromptMissingKeyRule : LintRule
{
    public override string Code => "IVRL001";

    public override string Why => "callers press only the keys they hear about";

    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        foreach (var node in context.Nodes.Where(n => n.Kind == NodeKind.Menu))
        {
            foreach (var locale in context.Menu.Locales)
            {
                var said = KeyMentions.Anywhere(node.Prompt.For(locale));
                for (var i = 0; i < node.Options.Length; i++)
                {
                    if (node.Options[i].Key is { } key && !said.Contains(key))
                    {
                        yield return new LintFinding(node.Id, context.Option(node.Id, i, "key"),
                            $"options[{i}] of node '{node.Id}' is chosen with key {key}, but the {locale} prompt never says it");
                    }
                }
            }
        }
    }
}
