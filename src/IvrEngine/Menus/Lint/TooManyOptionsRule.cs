namespace IvrEngine.Menus.Lint;

/// <summary>IVRL003: a menu node offers more keyed choices than the limit (repeat, back and main menu not counted).</summary>
internal sealed class TooManyOptionsRule : LintRule
{
    public override string Code => "IVRL003";

    public override string Why => "callers forget the first choices before the list ends";

    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        foreach (var node in context.Nodes)
        {
            var choices = node.Options.Count(o => o.Key is not null && o.Action is not (RepeatNode or GoBack or GoToMainMenu));
            if (choices > context.Options.MaxOptions)
            {
                yield return new LintFinding(node.Id, context.Source.Locate("nodes", node.Id, "options"),
                    $"node '{node.Id}' offers {choices} choices by key; the limit is {context.Options.MaxOptions}");
            }
        }
    }
}
