using IvrEngine.Calls;

namespace IvrEngine.Flows;

/// <summary>The words flows use for states and outcomes, both to parse them and to write messages and recordings.</summary>
internal static class FlowText
{
    public static readonly IReadOnlyDictionary<string, CallState> States = new Dictionary<string, CallState>(StringComparer.OrdinalIgnoreCase)
    {
        ["greeting"] = CallState.Greeting,
        ["in-menu"] = CallState.InMenu,
        ["collecting-digits"] = CallState.CollectingDigits,
        ["transferring"] = CallState.Transferring,
        ["offering-callback"] = CallState.OfferingCallback,
        ["queued"] = CallState.Queued,
        ["with-agent"] = CallState.WithAgent,
        ["ended"] = CallState.Ended,
    };

    public static readonly IReadOnlyDictionary<string, CallOutcomeKind> Outcomes = new Dictionary<string, CallOutcomeKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["transferred"] = CallOutcomeKind.TransferredToQueue,
        ["answered"] = CallOutcomeKind.AnsweredByAgent,
        ["abandoned"] = CallOutcomeKind.AbandonedInQueue,
        ["self-service"] = CallOutcomeKind.CompletedInSelfService,
        ["hung-up"] = CallOutcomeKind.CallerHungUp,
        ["menu-loop"] = CallOutcomeKind.MenuLoop,
        ["budget-spent"] = CallOutcomeKind.BudgetSpent,
        ["closed"] = CallOutcomeKind.ClosedByHours,
        ["callback"] = CallOutcomeKind.CallbackScheduled,
        ["routing-loop"] = CallOutcomeKind.RoutingLoop,
        ["fault"] = CallOutcomeKind.Faulted,
    };

    /// <summary>Outcomes that may name their queue: <c>expect outcome answered billing</c> (<c>hung-up QUEUE</c>: while talking to an agent of the queue).</summary>
    public static bool NamesQueue(CallOutcomeKind kind) => kind is CallOutcomeKind.TransferredToQueue or CallOutcomeKind.AnsweredByAgent or CallOutcomeKind.AbandonedInQueue or CallOutcomeKind.CallerHungUp or CallOutcomeKind.CallbackScheduled;

    /// <summary>Outcomes only a call with simulated agents can have.</summary>
    public static bool NeedsAgents(CallOutcomeKind kind) => kind is CallOutcomeKind.AnsweredByAgent or CallOutcomeKind.AbandonedInQueue;

    public static string StateName(CallState state) => States.First(s => s.Value == state).Key;

    public static string OutcomeName(CallOutcomeKind kind) => Outcomes.First(o => o.Value == kind).Key;

    /// <summary>The outcome as the console prints it, or "the call has not ended (node x, state y)".</summary>
    public static string OutcomeSoFar(CallSession call) =>
        call.Outcome is { } outcome ? $"the call ended: {outcome}" : $"the call has not ended (at node '{call.CurrentNodeId}', {StateName(call.State)})";

    /// <summary>A prompt in quotes, cut to a readable length.</summary>
    public static string Quote(string text) => $"\"{Cut(text)}\"";

    /// <summary>Text cut to a readable length for one line of a message.</summary>
    public static string Cut(string text) => text.Length <= 160 ? text : text[..157] + "...";
}
