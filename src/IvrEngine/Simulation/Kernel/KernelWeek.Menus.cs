using IvrEngine.Calls;
using IvrEngine.Menus;

namespace IvrEngine.Simulation.Kernel;

/// <summary>The menu walk: CallSession's menu states and SimulatedCaller's choices, step for step.</summary>
internal sealed partial class KernelWeek
{
    // As CallSession: this many moves without waiting for the caller is a loop.
    private const int MaxMovesWithoutInput = 32;

    /// <summary>The call is answered: the time budget starts and the start node is said (CallSession.Answer).</summary>
    private void Answer(int slot)
    {
        _calls[slot].MenuTimer = _events.Push(After(_line.MaxMenuTime), KernelEventKind.MenuTime, slot);
        Present(slot, _line.StartNode, NodeEntryKind.Forward);
    }

    /// <summary>CallSession.Present: CallNavigation.Enter (a repeat enters nothing new), the loop guard, the node's hours, its prompt.</summary>
    private void Present(int slot, int node, NodeEntryKind entry)
    {
        ref var call = ref _calls[slot];
        _events.Cancel(ref call.InputTimer);
        if (entry != NodeEntryKind.Repeat)
        {
            if (entry == NodeEntryKind.Forward && call.Node >= 0 && call.Node != node && _line.KeepsHistory) PushHistory(slot, call.Node);
            call.Node = node;
            if (_onRecord is not null) _paths[slot]!.Add(node);
            call.NoInputs = 0;
            call.InvalidInputs = 0;
        }
        if (++call.MovesWithoutInput > MaxMovesWithoutInput)
        {
            End(slot, CallOutcomeKind.MenuLoop, -1);
            return;
        }
        if (entry != NodeEntryKind.Repeat && _line.NodeHours[node] >= 0 && TurnedAwayByHours(slot, _line.NodeHours[node], _line.NodeWhenClosed[node], -1)) return;
        Speak(slot);
        if (_line.IsAnnouncement[node]) Perform(slot, _line.NextAction[node]);
        else WaitForCaller(slot);
    }

    /// <summary>A prompt in the menus: the caller will act after thinking (each prompt pushes the act back).</summary>
    private void Speak(int slot) => _events.Reschedule(ref _calls[slot].ActTimer, After(_think), KernelEventKind.Act, slot);

    private void WaitForCaller(int slot) => _events.Reschedule(ref _calls[slot].InputTimer, After(_line.NoInputTimeout[_calls[slot].Node]), KernelEventKind.NoInput, slot);

    private void Listen(int slot)
    {
        Speak(slot);
        WaitForCaller(slot);
    }

    /// <summary>SimulatedCaller.Act at a menu: escape, or choose by the scenario's table, or any keyed option.</summary>
    private void Act(int slot)
    {
        if (_calls[slot].State == KernelCallState.Queued)
        {
            AnswerOffer(slot);
            return;
        }
        if (_calls[slot].State == KernelCallState.OfferingCallback)
        {
            AnswerTimesOffered(slot);
            return;
        }
        if (_calls[slot].State != KernelCallState.InMenu) return;
        var node = _calls[slot].Node;
        if (_line.Collects[node])
        {
            Type(slot);
            return;
        }
        var escapeKey = _line.EscapeKey[node];
        var random = new SlotRandom(_calls, slot);
        if (!_calls[slot].Acted)
        {
            _calls[slot].Acted = true;
            _calls[slot].Escaper = escapeKey != '\0' && random.NextDouble() < _scenario.Callers.EscapeAtOnce;
        }
        if (_calls[slot].Escaper && escapeKey != '\0')
        {
            Press(slot, escapeKey);
            return;
        }

        int act;
        if (_line.Choices[node] is { } table)
        {
            act = _line.ChoiceActs[node][table.PickIndex(random.NextDouble())];
        }
        else
        {
            var keyed = _line.KeyedOptions[node];
            if (keyed.Length == 0) return;
            act = keyed[random.Next(keyed.Length)];
        }
        switch (act)
        {
            case CompiledLine.ActSilence:
                break;
            case CompiledLine.ActHangUp:
                End(slot, CallOutcomeKind.CallerHungUp, -1);
                break;
            default:
                Press(slot, (char)act);
                break;
        }
    }

    /// <summary>CallSession.OnMenuKey for one key.</summary>
    private void Press(int slot, char key)
    {
        ref var call = ref _calls[slot];
        _events.Cancel(ref call.InputTimer);
        call.MovesWithoutInput = 0;
        var index = CompiledLine.KeyIndex(key);
        var choice = index < 0 ? CompiledLine.NoChoice : _line.KeyChoice[(call.Node * CompiledLine.PhoneKeys) + index];
        switch (choice)
        {
            case CompiledLine.NoChoice:
                Invalid(slot);
                break;
            case CompiledLine.EscapeChoice:
                AskForHuman(slot);
                break;
            default:
                if (_line.OptionSpeaks[choice]) Speak(slot);
                Perform(slot, _line.OptionAction[choice]);
                break;
        }
    }

    /// <summary>
    /// SimulatedCaller.TypeAt and CallSession.OnCollectKey: the digits (and the terminator) are pressed at
    /// once; the entry ends then, or after the pause when it neither fills the collector nor has a terminator.
    /// </summary>
    private void Type(int slot)
    {
        ref var call = ref _calls[slot];
        _events.Cancel(ref call.InputTimer);
        call.MovesWithoutInput = 0;
        var pause = _line.EntryPause[call.Node];
        if (pause == TimeSpan.Zero) EndEntry(slot);
        else call.InputTimer = _events.Push(After(pause), KernelEventKind.EntryPause, slot);
    }

    /// <summary>CallSession.CompleteCollection: the entry is kept and the collector's next action performed, or it is invalid input.</summary>
    private void EndEntry(int slot)
    {
        if (_calls[slot].State != KernelCallState.InMenu) return;
        var node = _calls[slot].Node;
        if (_line.EntryAccepted[node]) Perform(slot, _line.NextAction[node]);
        else Invalid(slot);
    }

    private void AskForHuman(int slot)
    {
        var node = _calls[slot].Node;
        var asks = ++_calls[slot].EscapeAsks;
        switch (_line.EscapeMode[node])
        {
            case EscapeMode.Immediate:
            case EscapeMode.Confirm when asks > 1:
                Perform(slot, _line.EscapeTarget[node]);
                break;
            default:
                // Deflected once (confirm) or refused (disabled): a message, the reprompt, and the caller again.
                Speak(slot);
                Listen(slot);
                break;
        }
    }

    private void OnNoInput(int slot)
    {
        if (_calls[slot].State != KernelCallState.InMenu) return;
        ref var call = ref _calls[slot];
        call.NoInputs++;
        call.FailedInputs++;
        if (call.FailedInputs >= _line.MaxFailedInputs) ExceedBudget(slot);
        else if (call.NoInputs > _line.NoInputRetries[call.Node]) Perform(slot, _line.OnRetriesExhausted[call.Node]);
        else
        {
            Speak(slot);
            Listen(slot);
        }
    }

    private void Invalid(int slot)
    {
        ref var call = ref _calls[slot];
        call.InvalidInputs++;
        call.FailedInputs++;
        if (call.FailedInputs >= _line.MaxFailedInputs) ExceedBudget(slot);
        else if (call.InvalidInputs > _line.InvalidRetries[call.Node]) Perform(slot, _line.OnRetriesExhausted[call.Node]);
        else
        {
            Speak(slot);
            Listen(slot);
        }
    }

    private void ExceedBudget(int slot)
    {
        Speak(slot);
        if (_calls[slot].BudgetSpent)
        {
            End(slot, CallOutcomeKind.BudgetSpent, -1);
            return;
        }
        _calls[slot].BudgetSpent = true;
        Perform(slot, _line.BudgetTarget);
    }

    private void Perform(int slot, int action)
    {
        var target = _line.ActionTarget[action];
        if (_calls[slot].Callee && _line.ActionKind[action] is not (KernelAction.Queue or KernelAction.SayAndHangUp))
        {
            // The menus with nobody on the line: prompts, silence and retries the kernel does not walk.
            HandBack("a callback's leg was sent on to a menu node");
            return;
        }
        switch (_line.ActionKind[action])
        {
            case KernelAction.GoTo:
                Present(slot, target, NodeEntryKind.Forward);
                break;
            case KernelAction.Repeat:
                Present(slot, _calls[slot].Node, NodeEntryKind.Repeat);
                break;
            case KernelAction.Back:
                Present(slot, PopHistory(slot), NodeEntryKind.Back);
                break;
            case KernelAction.Queue:
                Transfer(slot, target);
                break;
            case KernelAction.Callback:
                OfferTimesOnRequest(slot, target);
                break;
            default:
                Speak(slot);
                End(slot, CallOutcomeKind.CompletedInSelfService, -1);
                break;
        }
    }

    /// <summary>CallNavigation's history: the node left by a forward move, kept in the slot's own array (reused by the slot's later calls).</summary>
    private void PushHistory(int slot, int node)
    {
        ref var history = ref _history[slot];
        var count = _calls[slot].HistoryCount;
        if (history is null || count == history.Length) Array.Resize(ref history, Math.Max(8, count * 2));
        history[count] = node;
        _calls[slot].HistoryCount = count + 1;
    }

    /// <summary>CallNavigation.Back: the node before, or the start node when there is none.</summary>
    private int PopHistory(int slot)
    {
        ref var call = ref _calls[slot];
        return call.HistoryCount > 0 ? _history[slot]![--call.HistoryCount] : _line.StartNode;
    }

    /// <summary>
    /// CallSession.TurnedAwayByHours: a closed node or queue says when it opens and does its whenClosed —
    /// a hang-up ends the call as closed by hours (naming the queue, if it was one), anything else is performed.
    /// A closed queue that offers callbacks offers its next times first (KernelWeek.Scheduled).
    /// </summary>
    /// <param name="queue">The closed queue, or -1 for a node.</param>
    private bool TurnedAwayByHours(int slot, int schedule, int whenClosed, int queue)
    {
        if (_hours!.IsOpen(schedule, _now, Now)) return false;
        // The closed message is a prompt the caller hears in a menu (a node); at a queue the call is already transferring.
        if (queue < 0) Speak(slot);
        else if (OfferTimesWhenClosed(slot, queue)) return true;
        if (whenClosed == CompiledLine.ClosedHangUp) End(slot, CallOutcomeKind.ClosedByHours, queue);
        else Perform(slot, whenClosed);
        return true;
    }

    /// <summary>CallSession.OnTransfer: the caller leaves the menus (their budget stops) and joins the queue.</summary>
    private void Transfer(int slot, int queue)
    {
        ref var call = ref _calls[slot];
        if (++call.MovesWithoutInput > MaxMovesWithoutInput)
        {
            End(slot, CallOutcomeKind.RoutingLoop, queue);
            return;
        }
        if (_line.QueueHours[queue] >= 0 && TurnedAwayByHours(slot, _line.QueueHours[queue], _line.QueueWhenClosed[queue], queue)) return;
        _events.Cancel(ref call.MenuTimer);
        _events.Cancel(ref call.InputTimer);
        call.State = KernelCallState.Queued;
        if (!Join(slot, queue)) return;
        // Then the welcome (Announcer.Welcome): position, wait, and the virtual-hold offer if the wait is long.
        if (HasVirtualHold(queue)) Announce(slot);
    }
}
