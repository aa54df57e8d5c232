namespace IvrEngine.Calls;

/// <summary>What a failed input comes to.</summary>
internal enum RetryVerdict
{
    /// <summary>Say the message and the reprompt, and listen again.</summary>
    Retry,

    /// <summary>The node's retries are used up: its retries-exhausted action.</summary>
    Exhausted,

    /// <summary>The call's budget of failed inputs is spent.</summary>
    BudgetSpent,
}
