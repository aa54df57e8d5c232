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

    private readonly char[] _buffer = new char[4096];
    private readonly System.Text.StringBuilder _line = new();
    private int _start;
    private int _end;
    private bool _afterCarriageReturn;

    /// <summary>The next line, or null at the end of the input.</summary>
    public CallerLine? ReadLine()
    {
        long length = 0;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = input.Read(_buffer, 0, _buffer.Length);
                if (_end == 0) return EndOfInput(length);
            }
            if (TakeLine(ref length) is { } line) return line;
        }
    }

    /// <summary>The next line, or null at the end of the input.</summary>
    public async Task<CallerLine?> ReadLineAsync(CancellationToken cancellationToken)
    {
        long length = 0;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await input.ReadAsync(_buffer.AsMemory(), cancellationToken);
                if (_end == 0) return EndOfInput(length);
            }
            if (TakeLine(ref length) is { } line) return line;
        }
    }

    /// <summary>Consumes buffered characters up to the end of a line (returned) or of the buffer (null).</summary>
    private CallerLine? TakeLine(ref long length)
    {
        if (_afterCarriageReturn)
        {
            _afterCarriageReturn = false;
            if (_buffer[_start] == '\n') _start++;
            if (_start == _end) return null;
        }
        var rest = _buffer.AsSpan(_start, _end - _start);
        var end = rest.IndexOfAny('\n', '\r');
        var piece = end < 0 ? rest : rest[..end];
        Keep(piece, length);
        length += piece.Length;
        if (end < 0)
        {
            _start = _end;
            return null;
        }
        _afterCarriageReturn = rest[end] == '\r';
        _start += end + 1;
        return Finish(length);
    }

    private void Keep(ReadOnlySpan<char> piece, long lengthSoFar)
    {
        if (lengthSoFar + piece.Length <= MaxLineLength) _line.Append(piece);
        else _line.Clear();
    }

    private CallerLine? EndOfInput(long length) => length == 0 ? null : Finish(length);

    private CallerLine Finish(long length)
    {
        var line = new CallerLine(length <= MaxLineLength ? _line.ToString() : null, length);
        _line.Clear();
        return line;
    }
}
