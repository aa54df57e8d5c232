namespace IvrEngine.Menus;

/// <summary>The three shapes a node can take.</summary>
public enum NodeKind
{
    /// <summary>Offers options chosen by key or phrase.</summary>
    Menu,

    /// <summary>Gathers digits into a call variable.</summary>
    CollectDigits,

    /// <summary>Says its prompt and moves on to its <c>next</c> action.</summary>
    Announcement,
}
