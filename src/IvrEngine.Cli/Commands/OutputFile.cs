namespace IvrEngine.Cli.Commands;

/// <summary>An output file option (<c>--transcript</c>, <c>--junit</c>…), created before the work starts so a bad path fails at once, not after a long run.</summary>
internal static class OutputFile
{
    /// <summary>The created file, or null with the reason (<paramref name="example"/> is a file name to suggest).</summary>
    public static FileStream? Create(string? path, string example, out string? problem)
    {
        problem = null;
        if (path is null) return null;
        if (Directory.Exists(path))
        {
            problem = $"'{path}' is a folder; give a file name such as {example}";
            return null;
        }
        if (File.Exists(path) && Files.FileKind.NotARegularFile(path) is { } what)
        {
            problem = $"'{path}' is {what}; give a regular file such as {example}";
            return null;
        }
        try
        {
            return File.Create(path);
        }
        catch (Exception exception) when (Files.FileFailure.Is(exception))
        {
            problem = $"cannot write '{path}': {exception.Message}";
            return null;
        }
    }
}
