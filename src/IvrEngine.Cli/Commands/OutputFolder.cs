namespace IvrEngine.Cli.Commands;

/// <summary>The <c>--out</c> folder, made ready before a long run so a bad path fails at once, not after it.</summary>
internal static class OutputFolder
{
    /// <summary>A validator for an <c>--out</c> option: a path that names an existing file is a usage error (exit 2), found before anything runs.</summary>
    public static void MustNotBeAFile(System.CommandLine.Parsing.OptionResult result) => MustNotBeAFile(result, "--out");

    /// <summary>As <see cref="MustNotBeAFile(System.CommandLine.Parsing.OptionResult)"/>, for a folder option named <paramref name="option"/>.</summary>
    public static void MustNotBeAFile(System.CommandLine.Parsing.OptionResult result, string option)
    {
        if (result.Tokens.Count > 0 && File.Exists(result.Tokens[^1].Value)) result.AddError(IsAFile(result.Tokens[^1].Value, option));
    }

    private static string IsAFile(string path, string option = "--out") => $"{option} {path} is a file; give a folder (it is created if missing).";

    /// <summary>Creates <paramref name="path"/> (and its parents) if needed; false with the reason when it cannot be a folder we write in.</summary>
    public static bool TryPrepare(string path, out string problem) => TryPrepare(path, "--out", out problem);

    /// <summary>As <see cref="TryPrepare(string, out string)"/>, naming <paramref name="option"/> in the reason.</summary>
    public static bool TryPrepare(string path, string option, out string problem)
    {
        problem = string.Empty;
        if (File.Exists(path))
        {
            problem = IsAFile(path, option);
            return false;
        }
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".ivr-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (Files.FileFailure.Is(ex))
        {
            problem = $"{option} {path} cannot be written: {ex.Message}";
            return false;
        }
    }
}
