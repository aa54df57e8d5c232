using IvrEngine.Menus;

namespace IvrEngine.Calls;

// Moving between nodes (CallNavigation keeps where the call is): presenting a node and performing actions.
public sealed partial class CallSession
{
    private readonly CallNavigation _navigation;

    private void Answer()
    {
        _timers.StartMenuTimeLimit(_menu.Budget.MaxMenuTime);
        var start = new NodeEntry(_menu.StartNode, Kind: NodeEntryKind.Forward);
        if (StateFor(start.Node) == CallState.InMenu) Present(start);
        else Fire(static m => m.EnterNode, start);
    }

    private void Present(NodeEntry entry)
    {
        DisarmInputTimer();
        var node = entry.Node;
        if (_navigation.Enter(entry))
        {
            _retries.AtNewNode();
            Record(CallEventType.NodeEntered, text: node.Id);
        }
        _keyBuffer = string.Empty;
        _digits.Clear();

        if (_navigation.MovedWithoutInput())
        {
            Fire(static m => m.End, new CallOutcome(CallOutcomeKind.MenuLoop, null, $"{CallNavigation.MaxMovesWithoutInput} moves without waiting for the caller, last at {node.Id}"));
            return;
        }

        if (entry.Kind != NodeEntryKind.Repeat && node.Hours is { } hours && TurnedAwayByHours(hours, "node", node.Id, null)) return;
        Speak(node.Prompt);
        if (node.Kind == NodeKind.Announcement) Perform(node.Next!, $"announcement {node.Id} done");
        else ArmInputTimer(CallTrigger.NoInput, node.NoInput.Timeout);
    }

    private void Perform(MenuAction action, string reason)
    {
        switch (action)
        {
            case GoToNode goTo:
                Fire(static m => m.EnterNode, new NodeEntry(_menu.Nodes[goTo.NodeId], NodeEntryKind.Forward));
                break;
            case TransferToQueue transfer:
                Fire(static m => m.Transfer, new TransferRequest(transfer.QueueId, reason));
                break;
            case SayAndHangUp hangUp:
                Speak(hangUp.Message);
                Fire(static m => m.End, new CallOutcome(CallOutcomeKind.CompletedInSelfService, null, reason));
                break;
            case RepeatNode:
                Fire(static m => m.EnterNode, new NodeEntry(CurrentNode, NodeEntryKind.Repeat));
                break;
            case GoBack:
                Fire(static m => m.EnterNode, new NodeEntry(_navigation.Back(), NodeEntryKind.Back));
                break;
            case GoToMainMenu:
                Fire(static m => m.EnterNode, new NodeEntry(_menu.StartNode, NodeEntryKind.Forward));
                break;
            case RequestCallback callback:
                OfferCallbackOnRequest(callback.QueueId, reason);
                break;
        }
    }

    /// <summary>Notes that the caller did something: stops the waiting timer and resets the loop guard.</summary>
    private MenuNode CallerActed()
    {
        DisarmInputTimer();
        _navigation.Waited();
        _prompts.BargeIn(Now); // the caller's input cuts the prompt short
        return CurrentNode;
    }

    private MenuNode CurrentNode => _navigation.Node ?? throw new InvalidOperationException("The call has not reached a node yet.");
}
