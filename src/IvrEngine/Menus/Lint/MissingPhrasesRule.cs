namespace IvrEngine.Menus.Lint;

/// <summary>IVRL009: an option has phrases in some locales but none in another declared locale.</summary>
internal sealed class MissingPhrasesRule : LintRule
{
    public override string Code => "IVRL009";

    public override string Why => "callers in that language cannot say what callers in the others can";

    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        foreach (var node in context.Nodes)
        {
            for (var i = 0; i < node.Options.Length; i++)
            {
                var phrases = node.Options[i].Phrases;
                if (phrases.IsEmpty) continue;
                foreach (var locale in context.Menu.Locales.Where(l => phrases.For(l).IsEmpty))
                {
                    yield return new LintFinding(node.Id, context.Option(node.Id, i, "say"),
                        $"options[{i}] of node '{node.Id}' has phrases, but none for {locale}");
                }
            }
        }
    }
}
