using System.Collections.Immutable;

namespace IvrEngine.Menus.Loading;

/// <summary>The escape properties one level (menu defaults or a node) names; null means "inherit".</summary>
/// <param name="Where">Where this level's <c>escape</c> object is written, for problems of the merged result.</param>
internal sealed record EscapeOverrides(
    SourcePoint? Where,
    EscapeMode? Mode,
    ImmutableArray<string>? Keys,
    LocalizedPhrases? Phrases,
    MenuAction? To,
    LocalizedText? Deflect,
    LocalizedText? Disabled)
{
    public static readonly EscapeOverrides None = new(null, null, null, null, null, null, null);

    /// <summary>This level with <paramref name="node"/>'s properties on top, one property at a time.</summary>
    public EscapeOverrides Under(EscapeOverrides node) => new(
        node.Where ?? Where,
        node.Mode ?? Mode,
        node.Keys ?? Keys,
        node.Phrases ?? Phrases,
        node.To ?? To,
        node.Deflect ?? Deflect,
        node.Disabled ?? Disabled);
}
