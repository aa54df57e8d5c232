using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace IvrEngine.Menus;

/// <summary>
/// The outcome of loading a menu: the menu when it has no errors, and every problem found
/// (errors and warnings), never just the first.
/// </summary>
public sealed record MenuLoadResult(Menu? Menu, ImmutableArray<MenuDiagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(Menu))]
    public bool Succeeded => Menu is not null;

    /// <summary>
    /// What of the file can be drawn, errors or not (<c>ivr diagram</c> draws a broken menu with its broken
    /// arrows marked); null when nothing loads: not JSON, or no node or locale that binds.
    /// </summary>
    public MenuSketch? Sketch { get; init; }

    public IEnumerable<MenuDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<MenuDiagnostic> Warnings => Diagnostics.Where(d => !d.IsError);
}
