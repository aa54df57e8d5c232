using System.Collections.Immutable;
using IvrEngine.Hours;
using NodaTime;

namespace IvrEngine.Menus;

/// <summary>
/// One node of a menu with its policies already resolved (menu defaults merged with the node's
/// overrides at load time, so a call never merges anything).
/// A node is a <em>menu</em> (it has <see cref="Options"/>), a <em>digit collector</em>
/// (<see cref="Collect"/> is set) or an <em>announcement</em> (no options, <see cref="Next"/> is set).
/// </summary>
public sealed record MenuNode(
    string Id,
    LocalizedText Prompt,
    LocalizedText Reprompt,
    ImmutableArray<MenuOption> Options,
    DigitCollection? Collect,
    MenuAction? Next,
    NoInputPolicy NoInput,
    InvalidInputPolicy Invalid,
    MenuAction OnRetriesExhausted,
    EscapePolicy Escape,
    Duration InterDigitTimeout)
{
    /// <summary>When set, a caller arriving while the schedule is closed hears the closed message and goes to its whenClosed.</summary>
    public HoursRule? Hours { get; init; }

    public NodeKind Kind => Collect is not null ? NodeKind.CollectDigits : Options.IsEmpty ? NodeKind.Announcement : NodeKind.Menu;
}
