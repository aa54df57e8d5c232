namespace IvrEngine.Menus.Lint;

/// <summary>IVRL006: from a node, nothing a caller does or fails to do ever reaches a queue, a callback or a goodbye.</summary>
internal sealed class LoopWithoutExitRule : LintRule
{
    public override string Code => "IVRL006";

    public override string Why => "callers go round until the call's budget runs out";

    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        // Booking a callback ends the call too (and declining it is the caller's choice to stay).
        var exits = MenuGraph.CanReach(context.Menu, a => a is TransferToQueue or SayAndHangUp or RequestCallback);
        foreach (var node in context.Nodes.Where(n => !exits.Contains(n.Id)))
        {
            yield return new LintFinding(node.Id, context.Node(node.Id),
                $"node '{node.Id}' is in a loop with no exit: no choice, timeout or escape from it ever reaches a queue, a callback or a hangup");
        }
    }
}
