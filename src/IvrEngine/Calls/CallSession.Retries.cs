using IvrEngine.Menus;

namespace IvrEngine.Calls;

// No input and invalid input: retries per node and the per-call budget.
public sealed partial class CallSession
{
    private readonly InputRetries _retries;

    private void OnNoInput()
    {
        var node = CurrentNode;
        var verdict = _retries.NoInput(node.NoInput.Retries, out var note);
        Record(CallEventType.NoInput, detail: note);
        switch (verdict)
        {
            case RetryVerdict.BudgetSpent:
                ExceedBudget($"{_retries.Failed} failed inputs");
                break;
            case RetryVerdict.Exhausted:
                Perform(node.OnRetriesExhausted, $"no input after {node.NoInput.Retries} retries");
                break;
            default:
                Speak(node.NoInput.Message ?? _menu.Messages.NoInput);
                Listen(node);
                break;
        }
    }

    private void Invalid(string reason)
    {
        var node = CurrentNode;
        var verdict = _retries.Invalid(node.Invalid.Retries, out var note);
        Record(CallEventType.InvalidInput, text: reason, detail: note);
        switch (verdict)
        {
            case RetryVerdict.BudgetSpent:
                ExceedBudget($"{_retries.Failed} failed inputs");
                break;
            case RetryVerdict.Exhausted:
                Perform(node.OnRetriesExhausted, $"invalid input after {node.Invalid.Retries} retries");
                break;
            default:
                Speak(node.Invalid.Message ?? _menu.Messages.Invalid);
                Listen(node);
                break;
        }
    }

    private void ExceedBudget(string reason)
    {
        Record(CallEventType.BudgetExceeded, detail: reason);
        Speak(_menu.Budget.Message);
        if (!_retries.SpendBudget())
        {
            // The budget's target (a node) was already tried and the caller is still failing: stop here.
            Fire(static m => m.End, new CallOutcome(CallOutcomeKind.BudgetSpent, null, reason));
            return;
        }
        Perform(_menu.Budget.Target, $"call budget spent: {reason}");
    }

    /// <summary>Says the short reprompt and waits for the caller again.</summary>
    private void Listen(MenuNode node)
    {
        Speak(node.Reprompt);
        WaitForCaller(node);
    }

    /// <summary>Starts a fresh entry: half-typed keys or digits do not survive a reprompt.</summary>
    private void WaitForCaller(MenuNode node)
    {
        _keyBuffer = string.Empty;
        _digits.Clear();
        ArmInputTimer(CallTrigger.NoInput, node.NoInput.Timeout);
    }
}
