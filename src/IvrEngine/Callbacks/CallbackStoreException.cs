namespace IvrEngine.Callbacks;

/// <summary>
/// A callback store that cannot do what was asked (unreadable, read-only, damaged, newer, gone),
/// with a message fit for one line on a console: no stack trace is needed to understand it.
/// </summary>
public sealed class CallbackStoreException : Exception
{
    public CallbackStoreException(string message)
        : base(message)
    {
    }

    public CallbackStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
