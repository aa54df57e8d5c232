using System.Collections.Immutable;
using IvrEngine.Hours;
using NodaTime;

namespace IvrEngine.Menus;

/// <summary>
/// A loaded, validated, immutable phone menu. A call keeps the <see cref="Menu"/> it started with,
/// so a reload never changes a call in progress. Build one with <c>MenuLoader</c>.
/// </summary>
/// <param name="Name">The menu's name (<c>carrier-support</c>).</param>
/// <param name="Version">A short hash of the file's bytes, recorded in every transcript.</param>
/// <param name="SourcePath">Where the menu was read from (for messages), or a label such as <c>&lt;memory&gt;</c>.</param>
/// <param name="TimeZone">The line's IANA zone, validated at load; business hours will be computed in it.</param>
/// <param name="Locales">The locales every prompt is written in; the first is the default.</param>
public sealed record Menu(
    string Name,
    string Version,
    string SourcePath,
    DateTimeZone TimeZone,
    ImmutableArray<string> Locales,
    string StartNodeId,
    ImmutableDictionary<string, MenuNode> Nodes,
    ImmutableDictionary<string, QueueDefinition> Queues,
    CallBudget Budget,
    SystemMessages Messages)
{
    public string DefaultLocale => Locales[0];

    public MenuNode StartNode => Nodes[StartNodeId];

    /// <summary>The named business-hours schedules (<c>"hours"</c>); empty when the menu has none.</summary>
    public ImmutableDictionary<string, Schedule> Hours { get; init; } = ImmutableDictionary<string, Schedule>.Empty;

    /// <summary>
    /// Whether the line can promise callbacks: a queue offers them (virtual hold, when closed) or an
    /// option books one. Only such a line needs a callback store.
    /// </summary>
    public bool TakesCallbacks =>
        Queues.Values.Any(q => q.Callback is not null) || Nodes.Values.Any(n => n.Options.Any(o => o.Action is RequestCallback));

    /// <summary>Picks the declared locale matching <paramref name="requested"/> (case-insensitive), else null.</summary>
    public string? ResolveLocale(string? requested) =>
        requested is null ? DefaultLocale : Locales.FirstOrDefault(l => string.Equals(l, requested, StringComparison.OrdinalIgnoreCase));
}
