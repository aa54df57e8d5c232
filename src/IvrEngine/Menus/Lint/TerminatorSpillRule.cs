namespace IvrEngine.Menus.Lint;

/// <summary>
/// IVRL012: a collector ends entry by itself at <c>maxLength</c> digits, so a caller who keys the
/// full length and then the terminator (<c>4567#</c> with <c>maxLength: 4</c>) has the terminator
/// land on the next node, where it is a key with a meaning: an escape to a person, or an option.
/// </summary>
internal sealed class TerminatorSpillRule : LintRule
{
    /// <summary>How many announcements to follow from the collector to the node that hears the key next.</summary>
    private const int MaxHops = 8;

    public override string Code => "IVRL012";

    public override string Why => "callers are taught to finish with the terminator, and a full-length entry sends it on as a choice";

    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        foreach (var node in context.Nodes)
        {
            if (node.Collect is not { Terminator: { } terminator } collect) continue;
            if (Listener(context.Menu, collect.Next) is not { } next) continue;
            var key = terminator.ToString();
            var meaning = next.Collect is null && next.Escape.Mode != EscapeMode.Disabled && next.Escape.Keys.Contains(key) ? "asks for a person"
                : next.Options.FirstOrDefault(o => o.Key == key) is not null ? "chooses an option"
                : null;
            if (meaning is null) continue;
            yield return new LintFinding(node.Id, context.Source.Locate("nodes", node.Id, "collect"),
                $"node '{node.Id}' ends entry at {collect.MaxLength} digits; a caller who then presses {key} (the terminator) reaches node '{next.Id}', where {key} {meaning}. Drop the terminator, raise maxLength above the longest entry, or take {key} off node '{next.Id}'");
        }
    }

    /// <summary>The node that hears the next key after <paramref name="action"/>: through announcements, to the first node that listens.</summary>
    private static MenuNode? Listener(Menu menu, MenuAction action)
    {
        for (var hop = 0; hop < MaxHops; hop++)
        {
            var target = action switch
            {
                GoToNode { NodeId: var id } => menu.Nodes.GetValueOrDefault(id),
                GoToMainMenu => menu.Nodes.GetValueOrDefault(menu.StartNodeId),
                _ => null,
            };
            if (target is null) return null;
            if (target.Kind != NodeKind.Announcement) return target;
            if (target.Next is not { } next) return null;
            action = next;
        }
        return null;
    }
}
