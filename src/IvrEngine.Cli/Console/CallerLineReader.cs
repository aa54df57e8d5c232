namespace IvrEngine.Cli.Console;

/// <summary>One line typed or piped by a caller: its text, or only its length when it was too long to keep.</summary>
internal sealed record CallerLine(string? Text, long Length)
{
    /// <summary>The line was longer than <see cref="CallerLineReader.MaxLineLength"/>: its text was read past, not kept.</summary>
    public bool TooLong => Text is null;

    /// <summary>The one line the console and <c>ivr serve</c> print for a line they ignore for its length.</summary>
    public string IgnoredNote =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"(ignored: a line of {Length:N0} characters; a line is at most {CallerLineReader.MaxLineLength:N0})");
}

/// <summary>
/// Reads the caller's input line by line, keeping at most <see cref="MaxLineLength"/> characters of a
/// line: <see cref="TextReader.ReadLine"/> would hold a 20 MB line in memory (and the call would then
/// echo and match it), so a longer line is skipped as it is read and only its length is reported.
/// Lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as with <see cref="TextReader.ReadLine"/>.
/// </summary>
internal sealed class CallerLineReader(TextReader input)
{
    /// <summary>No caller command needs more: 64 keys, or a sentence of speech (the HTTP API takes 500 characters).</summary>
    public const int MaxLineLength = 1_000;

    private readonly System.Text.StringBuilder _line = new();
    private bool _afterCarriageReturn;

    /// <summary>
    /// The next line, or null at the end of the input. Read a character at a time: a terminal's
    /// reader hands out what was typed only up to Enter, and asking it for a buffer's worth (as
    /// <see cref="TextReader.Read(char[], int, int)"/> does by default) waits for keys never typed.
    /// Piped input comes through a buffered reader, so this costs no system call per character.
    /// </summary>
    public CallerLine? ReadLine()
    {
        long length = 0;
        while (input.Read() is var c and >= 0)
        {
            if (_afterCarriageReturn)
            {
                _afterCarriageReturn = false;
                if (c == '\n') continue;
            }
            if (c is '\n' or '\r')
            {
                _afterCarriageReturn = c == '\r';
                return Finish(length);
            }
            if (length < MaxLineLength) _line.Append((char)c);
            length++;
        }
        return length == 0 ? null : Finish(length);
    }

    /// <summary>The next line, or null at the end of the input; read on the side so a stop need not wait for a key.</summary>
    public Task<CallerLine?> ReadLineAsync(CancellationToken cancellationToken) =>
        Task.Run(ReadLine, CancellationToken.None).WaitAsync(cancellationToken);

    private CallerLine Finish(long length)
    {
        var line = new CallerLine(length <= MaxLineLength ? _line.ToString() : null, length);
        _line.Clear();
        return line;
    }
}
