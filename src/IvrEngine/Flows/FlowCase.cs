using IvrEngine.Menus;
using IvrEngine.Queues.Staffing;

namespace IvrEngine.Flows;

/// <summary>One run: a flow of a file, in one locale, against its loaded menu (and the agents behind it, if any).</summary>
/// <param name="Staffing">The simulated agents the call's transfers queue for; null: a transfer ends the call.</param>
public sealed record FlowCase(FlowFile File, Flow Flow, string Locale, Menu Menu, StaffingPlan? Staffing = null)
{
    /// <summary>How the run is named in reports: <c>pay by phone [en-US]</c>.</summary>
    public string Name => $"{Flow.Name} [{Locale}]";

    public override string ToString() => $"{File.Path}: {Name}";
}
