namespace IvrEngine.Calls;

/// <summary>
/// A call's failed inputs: no input and invalid input counted per node against its retries, and every
/// failure counted against the call's budget. The budget's target is tried once; failing after it ends the call.
/// </summary>
internal sealed class InputRetries(int maxFailedInputs)
{
    private int _noInputs;
    private int _invalidInputs;
    private bool _budgetSpent;

    /// <summary>Failed inputs so far in the call.</summary>
    public int Failed { get; private set; }

    /// <summary>A new node: its own retries start again (the call's budget does not).</summary>
    public void AtNewNode()
    {
        _noInputs = 0;
        _invalidInputs = 0;
    }

    /// <param name="note">For the transcript: "retry 1 of 2; 1 of 6 failed inputs allowed per call".</param>
    public RetryVerdict NoInput(int retries, out string note) => Count(++_noInputs, retries, out note);

    /// <inheritdoc cref="NoInput"/>
    public RetryVerdict Invalid(int retries, out string note) => Count(++_invalidInputs, retries, out note);

    /// <summary>The budget is spent: true the first time (its target is tried), false once it was already.</summary>
    public bool SpendBudget()
    {
        if (_budgetSpent) return false;
        _budgetSpent = true;
        return true;
    }

    private RetryVerdict Count(int failures, int retries, out string note)
    {
        Failed++;
        note = (failures <= retries ? $"retry {failures} of {retries}" : $"no retries left of {retries}")
            + $"; {Failed} of {maxFailedInputs} failed inputs allowed per call";
        if (Failed >= maxFailedInputs) return RetryVerdict.BudgetSpent;
        return failures > retries ? RetryVerdict.Exhausted : RetryVerdict.Retry;
    }
}
