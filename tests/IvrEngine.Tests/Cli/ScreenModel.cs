using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using IvrEngine.Cli.Console;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// A terminal's screen, cell by cell, as xterm (and tmux) keep it: a character written in the last column
/// holds the cursor at the margin until the next one wraps it, a newline at the bottom row scrolls, and
/// colour codes take no cell. As xterm's wcwidth, a CJK character or an emoji takes two cells (one that
/// does not fit in a row's last cell starts the next row) and a combining mark joins the cell before it;
/// writing over half of a two-cell character blanks the whole of it. With <see cref="ReportsLikeDotNet"/> the cursor position is reported as
/// .NET's console remembers it between writes (it wraps at the margin at once, and asks the terminal only
/// after colour codes or text other than ASCII), so a test sees where the two would disagree.
/// Keys typed with <see cref="Type"/> wait for <see cref="ITerminal.ReadKey"/>.
/// </summary>
internal sealed class ScreenModel : ITerminal
{
    private readonly Lock _cells = new();
    /// <summary>Each cell's text; null for the right half of a two-cell character.</summary>
    private readonly string?[][] _rows;
    private readonly int _height;
    private readonly ConcurrentQueue<ConsoleKeyInfo> _keys = new();
    private int _row;
    private int _column;
    private bool _atMargin;
    /// <summary>A high surrogate written at the end of a write: the terminal gets it with its pair (as UTF-8 can only carry both).</summary>
    private char? _highSurrogate;
    private (int Left, int Top)? _remembered;

    public ScreenModel(int width, int height)
    {
        Width = width;
        _height = height;
        _rows = Enumerable.Range(0, height).Select(_ => Blank()).ToArray();
    }

    public int Width { get; }

    /// <summary>Report the cursor as .NET remembers it, not as the terminal has it.</summary>
    public bool ReportsLikeDotNet { get; init; }

    /// <summary>Rows scrolled off the top so far.</summary>
    public int ScrolledOff { get; private set; }

    /// <summary>The rows as shown, trailing blanks trimmed, trailing empty rows left off.</summary>
    public IReadOnlyList<string> Rows
    {
        get
        {
            lock (_cells)
            {
                var rows = _rows.Select(r => string.Concat(r).TrimEnd()).ToList();
                while (rows.Count > 0 && rows[^1].Length == 0) rows.RemoveAt(rows.Count - 1);
                return rows;
            }
        }
    }

    /// <summary>Where the terminal has the cursor (column, row).</summary>
    public (int Left, int Top) Cursor
    {
        get
        {
            lock (_cells) return (_column, _row);
        }
    }

    public (int Left, int Top) GetCursorPosition()
    {
        lock (_cells)
        {
            if (ReportsLikeDotNet && _remembered is { } remembered) return remembered;
            _remembered = (_column, _row);
            return (_column, _row);
        }
    }

    public void SetCursorPosition(int left, int top)
    {
        lock (_cells)
        {
            Assert.That(left, Is.InRange(0, Width - 1));
            Assert.That(top, Is.InRange(0, _height - 1));
            (_column, _row, _atMargin) = (left, top, false);
            _remembered = (left, top);
        }
    }

    public void Write(string text)
    {
        lock (_cells)
        {
            Remember(text);
            if (_highSurrogate is { } high)
            {
                text = high + text;
                _highSurrogate = null;
            }
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i == text.Length - 1)
                {
                    _highSurrogate = c;
                    break;
                }
                if (c == '\u001b')
                {
                    // A colour code: ESC [ parameters final-letter; no cell, no move.
                    while (++i < text.Length && !char.IsAsciiLetter(text[i]))
                    {
                    }
                    continue;
                }
                switch (c)
                {
                    case '\n':
                        // The terminal's output processing makes it a carriage return and line feed.
                        _column = 0;
                        LineFeed();
                        _atMargin = false;
                        break;
                    case '\r':
                        _column = 0;
                        _atMargin = false;
                        break;
                    default:
                        Assert.That(char.IsControl(c), Is.False, $"a control character U+{(int)c:X4} reached the terminal");
                        Assert.That(Rune.TryGetRuneAt(text, i, out var rune), Is.True, "half a surrogate pair reached the terminal (it would show a replacement character)");
                        i += rune.Utf16SequenceLength - 1;
                        Put(rune);
                        break;
                }
            }
        }
    }

    public bool KeyAvailable => !_keys.IsEmpty;

    public ConsoleKeyInfo ReadKey() => _keys.TryDequeue(out var key) ? key : throw new InvalidOperationException("ReadKey with no key waiting would block");

    /// <summary>Types <paramref name="text"/>, a key per character (<c>\n</c> is Enter, <c>\b</c> Backspace).</summary>
    public void Type(string text)
    {
        foreach (var c in text) _keys.Enqueue(Key(c));
    }

    public void Press(ConsoleKeyInfo key) => _keys.Enqueue(key);

    public static ConsoleKeyInfo Key(char c) => c switch
    {
        '\n' => new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false),
        '\b' => new ConsoleKeyInfo('\b', ConsoleKey.Backspace, false, false, false),
        _ => new ConsoleKeyInfo(c, char.IsAsciiDigit(c) ? ConsoleKey.D0 + (c - '0') : char.IsAsciiLetter(c) ? ConsoleKey.A + (char.ToUpperInvariant(c) - 'A') : default, char.IsAsciiLetterUpper(c), false, false),
    };

    public static ConsoleKeyInfo Control(ConsoleKey key) => new((char)(key - ConsoleKey.A + 1), key, false, false, true);

    private string?[] Blank() => Enumerable.Repeat<string?>(" ", Width).ToArray();

    /// <summary>Cells a character takes, as xterm's wcwidth has them (the few ranges these tests use, and combining marks).</summary>
    private static int Cells(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark ? 0
        : rune.Value is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x1F300 and <= 0x1F64F or >= 0x1F900 and <= 0x1F9FF or >= 0x20000 and <= 0x3FFFD ? 2
        : 1;

    private void Put(Rune rune)
    {
        var cells = Cells(rune);
        if (cells == 0)
        {
            // A combining mark joins the character before the cursor (the one held at the margin, if so).
            var at = _atMargin ? _column : _column - 1;
            if (at >= 0 && _rows[_row][at] is null) at--;
            if (at >= 0) _rows[_row][at] += rune.ToString();
            return;
        }
        if (_atMargin || _column + cells > Width)
        {
            _column = 0;
            LineFeed();
            _atMargin = false;
        }
        Clear(_column);
        if (cells == 2) Clear(_column + 1);
        _rows[_row][_column] = rune.ToString();
        if (cells == 2) _rows[_row][_column + 1] = null;
        if (_column + cells == Width)
        {
            _column = Width - 1;
            _atMargin = true;
        }
        else
        {
            _column += cells;
        }
    }

    /// <summary>Blanks the cell at <paramref name="column"/>, and the other half of a two-cell character there.</summary>
    private void Clear(int column)
    {
        var row = _rows[_row];
        if (row[column] is null) row[column - 1] = " ";
        else if (column + 1 < Width && row[column + 1] is null) row[column + 1] = " ";
        row[column] = " ";
    }

    private void LineFeed()
    {
        if (_row < _height - 1)
        {
            _row++;
            return;
        }
        Array.Copy(_rows, 1, _rows, 0, _height - 1);
        _rows[_height - 1] = Blank();
        ScrolledOff++;
    }

    /// <summary>
    /// .NET's bookkeeping of a write (ConsolePal.Unix): printable ASCII moves right and wraps at the margin
    /// at once, CR and LF as usual (the row kept within the window); anything else, or a long write, and it
    /// forgets the position, to ask the terminal next time.
    /// </summary>
    private void Remember(string text)
    {
        if (_remembered is not { } remembered || text.Length > 255)
        {
            _remembered = null;
            return;
        }
        var (left, top) = remembered;
        foreach (var c in text)
        {
            if (c is >= ' ' and < '\u007f')
            {
                if (++left < Width) continue;
                left = 0;
                top = Math.Min(top + 1, _height - 1);
            }
            else if (c == '\r')
            {
                left = 0;
            }
            else if (c == '\n')
            {
                left = 0;
                top = Math.Min(top + 1, _height - 1);
            }
            else
            {
                _remembered = null;
                return;
            }
        }
        _remembered = (left, top);
    }
}
