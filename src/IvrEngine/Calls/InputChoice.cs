using IvrEngine.Menus;

namespace IvrEngine.Calls;

/// <summary>What a key sequence or a phrase selects at a node: one of its options, or the escape to a human.</summary>
internal readonly record struct InputChoice(MenuOption? Option)
{
    public static readonly InputChoice Escape = new(null);

    public bool IsEscape => Option is null;
}
