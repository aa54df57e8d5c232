using IvrEngine.Menus;

namespace IvrEngine.Calls;

/// <summary>
/// The key sequences a menu node answers to (its options' keys and its escape keys), resolving
/// prefixes by the documented rule: digits that choose something and also begin a longer key
/// wait for the inter-digit timeout; digits that begin nothing are invalid at once.
/// </summary>
internal sealed class KeyTable
{
    private readonly Dictionary<string, InputChoice> _choices = new(StringComparer.Ordinal);
    private readonly HashSet<string> _strictPrefixes = new(StringComparer.Ordinal);

    public KeyTable(MenuNode node)
    {
        if (node.Kind != NodeKind.Menu) return;
        foreach (var option in node.Options)
        {
            if (option.Key is not null) Add(option.Key, new InputChoice(option));
        }
        foreach (var key in node.Escape.Keys) Add(key, InputChoice.Escape);
    }

    /// <summary>What <paramref name="keys"/> choose now, and whether a longer key still begins with them.</summary>
    public (InputChoice? Choice, bool CouldContinue) Lookup(string keys) =>
        (_choices.TryGetValue(keys, out var choice) ? choice : null, _strictPrefixes.Contains(keys));

    private void Add(string keys, InputChoice choice)
    {
        // The loader rejects duplicates; the first definition wins if a hand-built menu has one.
        _choices.TryAdd(keys, choice);
        for (var length = 1; length < keys.Length; length++) _strictPrefixes.Add(keys[..length]);
    }
}
