namespace IvrEngine.Files;

/// <summary>
/// The exceptions reading, creating or writing a path someone gave us can raise: a missing or locked
/// file, no permission, a malformed or unsupported path. They are told as one line, never a stack trace.
/// </summary>
public static class FileFailure
{
    /// <summary>For <c>catch (Exception e) when (FileFailure.Is(e))</c>.</summary>
    public static bool Is(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException;
}
