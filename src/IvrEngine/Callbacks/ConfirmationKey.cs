namespace IvrEngine.Callbacks;

/// <summary>
/// The caller's answer when a callback number is read back to confirm: one keypad contract for a
/// scheduled callback and for virtual hold, so the prompts ("To confirm, press 1. … To give us a
/// different number, press 3.") mean the same keys on both.
/// </summary>
internal enum ConfirmationKey
{
    /// <summary>Any other key: not an answer.</summary>
    None,

    /// <summary>1: book to the number read back.</summary>
    Confirm,

    /// <summary>2: no callback.</summary>
    Cancel,

    /// <summary>3: key in another number.</summary>
    AnotherNumber,
}
