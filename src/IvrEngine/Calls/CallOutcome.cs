namespace IvrEngine.Calls;

/// <summary>How and why the IVR part of a call ended.</summary>
/// <param name="QueueId">The queue for <see cref="CallOutcomeKind.TransferredToQueue"/>.</param>
/// <param name="Reason">Why, in plain words: "chose an option", "asked for a human", "no input after 2 retries".</param>
public sealed record CallOutcome(CallOutcomeKind Kind, string? QueueId, string Reason)
{
    /// <summary>The one-line form the console prints after <c>Outcome:</c>.</summary>
    public override string ToString() => Kind switch
    {
        CallOutcomeKind.TransferredToQueue => $"transferred to queue {QueueId} ({Reason})",
        CallOutcomeKind.AnsweredByAgent => $"answered in queue {QueueId} ({Reason})",
        CallOutcomeKind.AbandonedInQueue => $"abandoned in queue {QueueId} ({Reason})",
        CallOutcomeKind.CallbackScheduled => $"callback scheduled in queue {QueueId} ({Reason})",
        CallOutcomeKind.CompletedInSelfService => $"completed in self-service ({Reason})",
        CallOutcomeKind.CallerHungUp => $"caller hung up ({Reason})",
        CallOutcomeKind.MenuLoop => $"menu loop ({Reason})",
        CallOutcomeKind.BudgetSpent => $"hung up: call budget spent again ({Reason})",
        CallOutcomeKind.ClosedByHours => $"closed by hours ({Reason})",
        CallOutcomeKind.RoutingLoop => $"routing loop ({Reason})",
        CallOutcomeKind.Faulted => $"ended by a fault in the line ({Reason})",
        _ => $"{Kind} ({Reason})",
    };
}
