using IvrEngine.Menus;

namespace IvrEngine.Calls;

// No input and invalid input: retries per node and the per-call budget.
public sealed partial class CallSession
{
    private int _noInputs;

    private int _invalidInputs;

    private int _failedInputs;

    private bool _budgetSpent;

    private void OnNoInput()
    {
        var node = CurrentNode;
        _noInputs++;
        _failedInputs++;
        Record(CallEventType.NoInput, detail: RetryNote(_noInputs, node.NoInput.Retries));
        if (_failedInputs >= _menu.Budget.MaxFailedInputs) ExceedBudget($"{_failedInputs} failed inputs");
        else if (_noInputs > node.NoInput.Retries) Perform(node.OnRetriesExhausted, $"no input after {node.NoInput.Retries} retries");
        else
        {
            Speak(node.NoInput.Message ?? _menu.Messages.NoInput);
            Listen(node);
        }
    }

    private void Invalid(string reason)
    {
        var node = CurrentNode;
        _invalidInputs++;
        _failedInputs++;
        Record(CallEventType.InvalidInput, text: reason, detail: RetryNote(_invalidInputs, node.Invalid.Retries));
        if (_failedInputs >= _menu.Budget.MaxFailedInputs) ExceedBudget($"{_failedInputs} failed inputs");
        else if (_invalidInputs > node.Invalid.Retries) Perform(node.OnRetriesExhausted, $"invalid input after {node.Invalid.Retries} retries");
        else
        {
            Speak(node.Invalid.Message ?? _menu.Messages.Invalid);
            Listen(node);
        }
    }

    private string RetryNote(int failures, int retries) =>
        (failures <= retries ? $"retry {failures} of {retries}" : $"no retries left of {retries}")
        + $"; {_failedInputs} of {_menu.Budget.MaxFailedInputs} failed inputs allowed per call";

    private void ExceedBudget(string reason)
    {
        Record(CallEventType.BudgetExceeded, detail: reason);
        Speak(_menu.Budget.Message);
        if (_budgetSpent)
        {
            // The budget's target (a node) was already tried and the caller is still failing: stop here.
            Fire(static m => m.End, new CallOutcome(CallOutcomeKind.BudgetSpent, null, reason));
            return;
        }
        _budgetSpent = true;
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
        ArmInputTimer(Trigger.NoInput, node.NoInput.Timeout);
    }
}
