namespace IvrEngine.Menus;

/// <summary>What the line does when a caller asks for a human.</summary>
public enum EscapeMode
{
    /// <summary>Transfer at the first ask.</summary>
    Immediate,

    /// <summary>Deflect the first ask with a message (usually "the menu may be faster"); transfer at the second.</summary>
    Confirm,

    /// <summary>Never transfer; a message tells the caller how to get help instead.</summary>
    Disabled,
}
