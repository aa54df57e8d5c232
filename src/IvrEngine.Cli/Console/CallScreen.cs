namespace IvrEngine.Cli.Console;

/// <summary>
/// The console a call runs in: the one way its lines reach the screen, and the caller's typed lines.
/// Every line of the call goes through <see cref="WriteLine"/>, from whichever thread has it (the
/// line's timers, the queue's agents), so lines and the prompt never interleave.
/// </summary>
internal interface ICallScreen : IDisposable
{
    void WriteLine(string text);

    /// <summary>The caller's next line, or null at the end of the input (Ctrl+D, the end of a script). One read at a time.</summary>
    Task<CallerLine?> ReadLineAsync();
}

internal static class CallScreen
{
    /// <summary>
    /// A prompt that keeps what is typed under the call's lines when this process's input and output are
    /// both a terminal; otherwise (piped or redirected, tests) the plain lines as always, with no prompt.
    /// </summary>
    public static ICallScreen For(TextReader input, TextWriter output, bool inputIsTerminal) =>
        inputIsTerminal && IsThisConsole(input, output)
            ? new TerminalCallScreen(new SystemTerminal())
            : new PlainCallScreen(input, output);

    private static bool IsThisConsole(TextReader input, TextWriter output) =>
        ReferenceEquals(input, System.Console.In) && ReferenceEquals(output, System.Console.Out)
        && !System.Console.IsInputRedirected && !System.Console.IsOutputRedirected
        // A dumb terminal cannot move the cursor: the prompt could not be drawn again.
        && Environment.GetEnvironmentVariable("TERM") != "dumb";
}

/// <summary>Lines in, lines out, as a script or a test gives them: no prompt, every line read as it comes.</summary>
internal sealed class PlainCallScreen(TextReader input, TextWriter output) : ICallScreen
{
    private readonly CallerLineReader _lines = new(input);
    private readonly Lock _writing = new();

    public void WriteLine(string text)
    {
        lock (_writing) output.WriteLine(text);
    }

    /// <summary>Read on the side: a console read blocks, and reading aside lets a timeout end the call while the caller is silent.</summary>
    public Task<CallerLine?> ReadLineAsync() => Task.Run(_lines.ReadLine, CancellationToken.None);

    public void Dispose()
    {
    }
}
