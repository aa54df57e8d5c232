using System.Collections.Immutable;
using IvrEngine.Calls;
using NodaTime;

namespace IvrEngine.Flows;

/// <summary>
/// The lines at the top of a flow file that set up every call in it.
/// </summary>
/// <param name="MenuPath">The menu file, resolved against the flow file's folder.</param>
/// <param name="MenuAt">Where <c>menu:</c> is written (menu problems are reported there).</param>
/// <param name="Locales">One run of each flow per locale; empty means the menu's default locale.</param>
/// <param name="StartAt">When the call happens; null for the default (Monday 30 November 2026, 09:00 in the menu's zone).</param>
/// <param name="Seed">Seeds the reference number, as <c>ivr call --seed</c> does.</param>
/// <param name="Pacing">Whether prompts take speaking time before silence counts (recordings of terminal calls use <c>spoken</c>).</param>
/// <param name="Staffing">The simulated agents behind the menu's queues (<c>staffing:</c>).</param>
public sealed record FlowHeader(
    string MenuPath,
    FlowLocation MenuAt,
    ImmutableArray<string> Locales,
    FlowLocation? LocalesAt,
    Instant? StartAt,
    int Seed,
    string? CallerId,
    PromptPacing Pacing,
    FlowStaffing Staffing);

/// <summary>
/// A flow's <c>staffing:</c> line: a staffing file (resolved against the flow file's folder),
/// <c>none</c>, or not given — then, like <c>ivr call</c>, <c>MENU.staffing.json</c> beside the
/// menu if there is one.
/// </summary>
/// <param name="Path">The staffing file named by the header; null for none or the default.</param>
/// <param name="None"><c>staffing: none</c>: transfers end the call ("transferred to queue X").</param>
/// <param name="At">Where <c>staffing:</c> is written; null when the header has none.</param>
public sealed record FlowStaffing(string? Path, bool None, FlowLocation? At)
{
    /// <summary>No <c>staffing:</c> line: the file beside the menu, if any.</summary>
    public static readonly FlowStaffing Default = new(null, false, null);
}
