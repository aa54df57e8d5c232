using IvrEngine.Menus;

namespace IvrEngine.Calls;

// Moving between nodes: entering and presenting a node, performing actions, the history for "go back", and the loop guard.
public sealed partial class CallSession
{
    private readonly Stack<MenuNode> _history = new();

    private readonly List<string> _path = [];

    private MenuNode? _node;

    private int _movesWithoutInput;

    // A menu that moves this many times without waiting for the caller is looping (announcements
    // pointing at each other, queues turning callers away into each other); the call ends instead of
    // spinning for ever.
    private const int MaxMovesWithoutInput = 32;

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
        if (entry.Kind == NodeEntryKind.Forward && _node is not null && !ReferenceEquals(_node, node)) _history.Push(_node);
        if (entry.Kind != NodeEntryKind.Repeat)
        {
            _node = node;
            _path.Add(node.Id);
            _retries.AtNewNode();
            Record(CallEventType.NodeEntered, text: node.Id);
        }
        _keyBuffer = string.Empty;
        _digits.Clear();

        if (++_movesWithoutInput > MaxMovesWithoutInput)
        {
            Fire(static m => m.End, new CallOutcome(CallOutcomeKind.MenuLoop, null, $"{MaxMovesWithoutInput} moves without waiting for the caller, last at {node.Id}"));
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
                var previous = _history.Count > 0 ? _history.Pop() : _menu.StartNode;
                Fire(static m => m.EnterNode, new NodeEntry(previous, NodeEntryKind.Back));
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
        _movesWithoutInput = 0;
        _promptsEndAt = Now; // barge-in: the caller's input cuts the prompt short
        return CurrentNode;
    }

    private MenuNode CurrentNode => _node ?? throw new InvalidOperationException("The call has not reached a node yet.");
}
