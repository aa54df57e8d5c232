using IvrEngine.Menus;
using IvrEngine.Queues.Staffing;

namespace IvrEngine.Flows;

/// <summary>One run: a flow of a file, in one locale, against its loaded menu (and the agents behind it, if any).</summary>
/// <param name="Staffing">The simulated agents the call's transfers queue for; null: a transfer ends the call.</param>
public sealed record FlowCase(FlowFile File, Flow Flow, string Locale, Menu Menu, StaffingPlan? Staffing = null)
{
    /// <summary>How the run is named in reports: <c>pay by phone [en-US]</c>.</summary>
    public string Name => $"{Flow.Name} [{Locale}]";

    /// <summary>
    /// Whether the run's queues take callbacks: only when the flow expects one (<c>expect callback</c>,
    /// <c>expect outcome callback</c>) or the offer of one (<c>expect state offering-callback</c>); other
    /// flows run as a line without a callback store, where a closed queue turns callers away, long waits
    /// bring no offer and a callback option says it cannot book one.
    /// </summary>
    public bool NeedsCallbacks => Flow.Steps.Any(s => s is ExpectCallback
        or ExpectOutcome { Kind: Calls.CallOutcomeKind.CallbackScheduled }
        or ExpectState { State: Calls.CallState.OfferingCallback });

    public override string ToString() => $"{File.Path}: {Name}";
}
