using System.Collections.Immutable;

namespace IvrEngine.Menus;

/// <summary>
/// The "get me a human" rules in force at a node: which keys and phrases count as an ask,
/// where the caller goes, and whether the line transfers at once, after a second ask, or never.
/// </summary>
/// <param name="Keys">Key sequences that ask for a human (default <c>0</c> and <c>#</c>).</param>
/// <param name="Phrases">Phrases that ask for a human, per locale.</param>
/// <param name="Target">Where an accepted ask goes (normally a queue).</param>
/// <param name="Deflect">Said at a deflected first ask in <see cref="EscapeMode.Confirm"/> mode.</param>
/// <param name="DisabledMessage">Said at every ask in <see cref="EscapeMode.Disabled"/> mode.</param>
public sealed record EscapePolicy(
    EscapeMode Mode,
    ImmutableArray<string> Keys,
    LocalizedPhrases Phrases,
    MenuAction Target,
    LocalizedText Deflect,
    LocalizedText DisabledMessage);
