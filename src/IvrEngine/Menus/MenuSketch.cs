using System.Collections.Immutable;

namespace IvrEngine.Menus;

/// <summary>
/// What loads of a menu file, for drawing only. Of a valid menu it is the menu itself; of a menu with
/// errors it is what the loader could bind, with every <c>goto</c>, <c>queue</c> or <c>callback</c> to
/// something that does not exist kept as an arrow to a "missing" placeholder, and a stand-in for what
/// is missing (a name, a time zone). It is not a <see cref="Menu"/>, so no call can run on it.
/// </summary>
public sealed class MenuSketch
{
    internal MenuSketch(Menu menu, bool complete)
    {
        Menu = menu;
        IsComplete = complete;
    }

    /// <summary>The menu's name, or a stand-in when the file's is missing or broken.</summary>
    public string Name => Menu.Name;

    /// <summary>The locales that loaded, in file order.</summary>
    public ImmutableArray<string> Locales => Menu.Locales;

    /// <summary>True when the file has no errors: the sketch is the whole menu.</summary>
    public bool IsComplete { get; }

    internal Menu Menu { get; }

    /// <summary>Picks the locale matching <paramref name="requested"/> (case-insensitive), else null.</summary>
    public string? ResolveLocale(string? requested) => Menu.ResolveLocale(requested);
}
