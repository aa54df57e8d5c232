using System.Diagnostics;
using System.Text;

namespace IvrEngine.Tests.Cli;

/// <summary>What a finished <c>ivr</c> run printed and returned.</summary>
internal sealed record IvrResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>
/// Runs the built <c>ivr</c> (the CLI project's output, copied into the test folder by the project
/// reference) as a real child process: <c>dotnet ivr.dll ...</c> with piped stdin, stdout and stderr.
/// </summary>
internal static class IvrProcess
{
    /// <summary>A hang guard, not a performance check: a run that takes this long is stuck.</summary>
    private static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(60);

    public static string OutputDirectory => AppContext.BaseDirectory;

    public static string IvrDll => Path.Combine(OutputDirectory, "ivr.dll");

    public static Task<IvrResult> RunAsync(string input, params string[] args) => RunAsync(input, new Dictionary<string, string>(), args);

    /// <summary>Runs ivr with <paramref name="environment"/> set (IVR_ settings).</summary>
    public static Task<IvrResult> RunAsync(string input, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(Path.GetTempPath(), input, environment, args);

    /// <summary>Runs ivr in <paramref name="workingDirectory"/>, where relative paths on its command line start.</summary>
    public static Task<IvrResult> RunInAsync(string workingDirectory, string input, params string[] args) =>
        RunAsync(workingDirectory, input, new Dictionary<string, string>(), args);

    private static async Task<IvrResult> RunAsync(string workingDirectory, string input, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        Assert.That(IvrDll, Does.Exist, "the CLI project reference should copy ivr.dll into the test output");

        var start = StartInfo(args);
        start.WorkingDirectory = workingDirectory;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.Append(e.Data).Append('\n');
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (error) error.Append(e.Data).Append('\n');
        };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program may exit (a usage error) before reading its input.
        }

        using var timeout = new CancellationTokenSource(HangTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            string soFar;
            lock (output) lock (error) soFar = $"--- stdout ---\n{output}\n--- stderr ---\n{error}";
            Assert.Fail($"ivr {string.Join(' ', args)} did not finish within {HangTimeout.TotalSeconds} s and was killed.\n{soFar}");
        }

        // WaitForExitAsync also waits for the redirected streams to reach end of file.
        lock (output) lock (error) return new IvrResult(process.ExitCode, output.ToString(), error.ToString());
    }

    /// <summary>How to run the built ivr with <paramref name="args"/>: every stream piped, UTF-8, no IVR_ settings from the test's environment.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(IvrDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("IVR_", StringComparison.OrdinalIgnoreCase)).ToList()) start.Environment.Remove(key);

        return start;
    }

    /// <summary>A temporary file with <paramref name="content"/> (none yet when null), deleted when disposed.</summary>
    public static TempFile WriteTempFile(string? content, string extension = ".json") => new(content, extension);

    internal sealed class TempFile : IDisposable
    {
        public TempFile(string? content, string extension)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ivr-test-{Guid.NewGuid():N}{extension}");
            if (content is not null) File.WriteAllText(Path, content);
        }

        public string Path { get; }

        public void Dispose()
        {
            if (File.Exists(Path)) File.Delete(Path);
        }
    }
}
