namespace IvrEngine.Menus.Loading;

/// <summary>Which actions a place in the menu accepts; some would let a caller loop for ever.</summary>
[Flags]
internal enum ActionKinds
{
    GoTo = 1,
    Queue = 2,
    HangUp = 4,
    Repeat = 8,
    Back = 16,
    MainMenu = 32,

    All = GoTo | Queue | HangUp | Repeat | Back | MainMenu,

    /// <summary>Everything but repeating the node that just gave up or finished.</summary>
    AllButRepeat = All & ~Repeat,

    /// <summary>Where the caller is handed on: a node, a queue, or a goodbye.</summary>
    HandOn = GoTo | Queue | HangUp,
}
