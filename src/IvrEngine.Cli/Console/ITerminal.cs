namespace IvrEngine.Cli.Console;

/// <summary>
/// The few console operations the caller's prompt needs: its width, where the cursor is, moving it,
/// writing, and keys. <see cref="SystemTerminal"/> is the real console; tests use a screen model, so the
/// prompt's drawing is checked cell by cell without a terminal.
/// </summary>
internal interface ITerminal
{
    /// <summary>Columns: where the terminal wraps a long line onto the next row.</summary>
    int Width { get; }

    /// <summary>The cursor's column and row, counted from 0 at the top left of the window.</summary>
    (int Left, int Top) GetCursorPosition();

    void SetCursorPosition(int left, int top);

    void Write(string text);

    /// <summary>Whether a key is waiting, so <see cref="ReadKey"/> will not block.</summary>
    bool KeyAvailable { get; }

    /// <summary>The next key, not echoed: the prompt draws what is typed itself.</summary>
    ConsoleKeyInfo ReadKey();
}

/// <summary>This process's console, through <see cref="System.Console"/> (which speaks the terminal's own codes).</summary>
internal sealed class SystemTerminal : ITerminal
{
    public int Width => System.Console.WindowWidth;

    public (int Left, int Top) GetCursorPosition() => System.Console.GetCursorPosition();

    public void SetCursorPosition(int left, int top) => System.Console.SetCursorPosition(left, top);

    public void Write(string text) => System.Console.Out.Write(text);

    public bool KeyAvailable => System.Console.KeyAvailable;

    public ConsoleKeyInfo ReadKey() => System.Console.ReadKey(intercept: true);
}
