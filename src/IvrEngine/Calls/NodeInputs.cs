using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using IvrEngine.Menus;

namespace IvrEngine.Calls;

/// <summary>
/// Key and phrase tables of a node, built once per node and locale and shared by every call on
/// that menu version (menus are immutable, so the tables are too). Keyed weakly by node so a
/// reloaded menu's old tables go when its last call does.
/// </summary>
internal static class NodeInputs
{
    private static readonly ConditionalWeakTable<MenuNode, KeyTable> Keys = new();
    private static readonly ConditionalWeakTable<MenuNode, ConcurrentDictionary<string, PhraseTable>> Phrases = new();

    public static KeyTable KeysOf(MenuNode node) => Keys.GetValue(node, n => new KeyTable(n));

    public static PhraseTable PhrasesOf(MenuNode node, string locale) =>
        Phrases.GetValue(node, _ => new ConcurrentDictionary<string, PhraseTable>(StringComparer.OrdinalIgnoreCase))
            .GetOrAdd(locale, l => new PhraseTable(node, l));
}
