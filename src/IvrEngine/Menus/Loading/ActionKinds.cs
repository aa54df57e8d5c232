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

    /// <summary>Book a callback: only an option, where the caller chooses it, may do this.</summary>
    Callback = 64,

    /// <summary>Every action object (<c>next</c>, <c>collect.next</c>, …): everything an option may do but book a callback.</summary>
    All = GoTo | Queue | HangUp | Repeat | Back | MainMenu,

    /// <summary>What an option may do.</summary>
    InOption = All | Callback,

    /// <summary>Everything but repeating the node that just gave up or finished.</summary>
    AllButRepeat = All & ~Repeat,

    /// <summary>Where the caller is handed on: a node, a queue, or a goodbye.</summary>
    HandOn = GoTo | Queue | HangUp,
}
