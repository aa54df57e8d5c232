namespace IvrEngine.Menus.Lint;

/// <summary>IVRL005: a node that waits for the caller offers no way to a person (escape disabled, or leading nowhere near a queue).</summary>
internal sealed class NoHumanEscapeRule : LintRule
{
    public override string Code => "IVRL005";

    public override string Why => "a caller the menu cannot help has no way out but to hang up";

    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        var reachesQueue = MenuGraph.CanReach(context.Menu, a => a is TransferToQueue);
        foreach (var node in context.Nodes.Where(n => n.Kind != NodeKind.Announcement))
        {
            var escape = node.Escape;
            var asks = (node.Kind == NodeKind.Menu && !escape.Keys.IsEmpty) || context.Menu.Locales.Any(l => !escape.Phrases.For(l).IsEmpty);
            var problem = escape.Mode == EscapeMode.Disabled ? "its escape is disabled"
                : !asks ? "it has no escape keys or phrases"
                : escape.Target is TransferToQueue || (MenuGraph.Target(context.Menu, escape.Target) is { } t && reachesQueue.Contains(t)) ? null
                : "its escape leads to no queue";
            if (problem is not null)
            {
                yield return new LintFinding(node.Id, context.Node(node.Id), $"node '{node.Id}' has no escape to a human: {problem}");
            }
        }
    }
}
