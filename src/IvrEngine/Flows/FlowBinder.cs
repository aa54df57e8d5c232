using IvrEngine.Menus;
using IvrEngine.Menus.Loading;
using IvrEngine.Queues.Staffing;

namespace IvrEngine.Flows;

/// <summary>
/// Checks a parsed flow file against its menu: every node, queue, locale and variable it names must
/// exist, so a renamed node shows up as a located error before anything runs, not as a failed call.
/// </summary>
internal static class FlowBinder
{
    public static IEnumerable<FlowDiagnostic> Check(FlowFile file, Menu menu, StaffingPlan? staffing = null)
    {
        var header = file.Header;
        foreach (var locale in header.Locales.Where(l => menu.ResolveLocale(l) is null))
        {
            yield return NotInMenu(header.LocalesAt!, $"the menu '{menu.Name}' has no locale '{locale}'; it has {string.Join(", ", menu.Locales)}");
        }

        var locales = Locales(file, menu);
        var agents = staffing?.Agents.Select(a => a.Name).ToList() ?? [];
        var variables = menu.Nodes.Values.Where(n => n.Collect is not null).Select(n => n.Collect!.Variable).ToHashSet(StringComparer.Ordinal);
        foreach (var step in file.Flows.SelectMany(f => f.Steps))
        {
            if (step.Locale is { } tag && !locales.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                yield return NotInMenu(step.At, $"[{tag}] is not a locale this file runs in ({string.Join(", ", locales)}); list it in 'locale:'");
            }
            var problem = step switch
            {
                ExpectNode { NodeId: var id } when !menu.Nodes.ContainsKey(id) => $"the menu has no node '{id}'{Suggestions.DidYouMean(id, menu.Nodes.Keys)}",
                ExpectQueued { QueueId: var id } when !menu.Queues.ContainsKey(id) => NoQueue(menu, id),
                ExpectOutcome { QueueId: { } id } when !menu.Queues.ContainsKey(id) => NoQueue(menu, id),
                ExpectVariable { Name: var name } when !variables.Contains(name) => $"no node of the menu collects a variable '{name}'{Suggestions.DidYouMean(name, variables)}",
                TransferByAgent { QueueId: var id } when !menu.Queues.ContainsKey(id) => NoQueue(menu, id),
                ExpectAgent { Name: { } name } when staffing is not null && !agents.Contains(name, StringComparer.Ordinal) => $"the staffing file has no agent '{name}'{Suggestions.DidYouMean(name, agents)}",
                _ => null,
            };
            if (problem is not null) yield return NotInMenu(step.At, problem);
            if (staffing is null && NeedsAgents(step) is { } what)
            {
                yield return new FlowDiagnostic(step.At, FlowCodes.Staffing, $"{what} needs simulated agents, and this flow has none ({NoStaffingBecause(file.Header)}); give it a staffing: file");
            }
        }
    }

    /// <summary>The locales a file's flows run in: its <c>locale:</c> list, or the menu's default.</summary>
    public static IReadOnlyList<string> Locales(FlowFile file, Menu menu) =>
        file.Header.Locales.IsEmpty ? [menu.DefaultLocale] : file.Header.Locales.Select(l => menu.ResolveLocale(l) ?? l).ToList();

    /// <summary>What a step is, when it only makes sense with agents behind the queues; null otherwise.</summary>
    private static string? NeedsAgents(FlowStep step) => step switch
    {
        ExpectPosition or ExpectWait or ExpectAgent or TransferByAgent or ExpectCallback => $"`{step.Source}`",
        ExpectOutcome { Kind: var kind } when FlowText.NeedsAgents(kind) || kind == Calls.CallOutcomeKind.CallbackScheduled => $"`{step.Source}`",
        ExpectState { State: Calls.CallState.Queued or Calls.CallState.WithAgent or Calls.CallState.OfferingCallback } => $"`{step.Source}`",
        _ => null,
    };

    private static string NoStaffingBecause(FlowHeader header) =>
        header.Staffing.None ? "staffing: none" : $"no {Path.GetFileName(StaffingLoader.DefaultPathFor(header.MenuPath))} beside the menu";

    private static string NoQueue(Menu menu, string id) => $"the menu has no queue '{id}'{Suggestions.DidYouMean(id, menu.Queues.Keys)}";

    private static FlowDiagnostic NotInMenu(FlowLocation at, string message) => new(at, FlowCodes.NotInMenu, message);
}
