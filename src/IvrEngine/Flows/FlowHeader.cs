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
public sealed record FlowHeader(
    string MenuPath,
    FlowLocation MenuAt,
    ImmutableArray<string> Locales,
    FlowLocation? LocalesAt,
    Instant? StartAt,
    int Seed,
    string? CallerId,
    PromptPacing Pacing);
