using System.Text;

namespace IvrEngine.Cli.Console;

/// <summary>What a key did at the prompt: the line is still being typed, a line was entered, or the input ended.</summary>
internal abstract record PromptKey
{
    public sealed record Editing : PromptKey;

    public sealed record Entered(string Text) : PromptKey;

    public sealed record Ended : PromptKey;

    public static readonly PromptKey StillEditing = new Editing();
}

/// <summary>
/// The caller's input line at a terminal: <c>&gt; </c> and what has been typed so far, kept as the
/// bottom line of the screen. Lines the call prints arrive in the middle of typing; each is written
/// where the prompt was, and the prompt with the half-typed text is drawn again under it, cursor at
/// its end, so output and typing never mix on one row. Not thread-safe: its owner
/// (<see cref="TerminalCallScreen"/>) makes every call under one lock.
/// </summary>
/// <remarks>
/// The prompt's first row is found from the cursor after each drawing (the screen may have scrolled)
/// and the drawn length, and erased by writing spaces over its rows: the console API has no
/// "clear line", and terminal codes are the console's business, not ours. A drawing that exactly fills
/// its last row is followed by a space and a carriage return, which moves the cursor onto the next row
/// at once: otherwise the terminal holds it at the right margin until the next character, while .NET's
/// remembered cursor position already says "next row", and the two would disagree by a row.
/// What is drawn is measured in terminal cells (<see cref="TerminalCells"/>): CJK and emoji take two, a
/// combining accent none, and a two-cell character that does not fit at the end of a row starts the next.
/// Backspace erases a whole text element (an emoji's two chars, a letter with its accent). A terminal
/// resized mid-call rewraps rows the prompt had counted; the call's lines stay whole.
/// </remarks>
internal sealed class CallerPrompt(ITerminal terminal)
{
    public const string Marker = "> ";

    private readonly StringBuilder _typed = new();

    /// <summary>Lines entered so far, oldest first, for Up and Down to bring back (a caller often repeats a key or a phrase).</summary>
    private readonly List<string> _entered = [];

    /// <summary>Which entered line is shown; <c>_entered.Count</c> for the line being typed.</summary>
    private int _recalled;

    /// <summary>The line being typed, kept while Up shows earlier ones.</summary>
    private string _draft = string.Empty;

    /// <summary>The row the prompt starts on.</summary>
    private int _top;

    /// <summary>Where the drawn prompt (the marker and the typed text as shown) ends, from its first row.</summary>
    private TextExtent _drawn;

    private bool _shown;

    /// <summary>What has been typed and not yet entered (less the first half of an emoji still waiting for its second).</summary>
    public string Typed => WaitsForSecondHalf ? _typed.ToString(0, _typed.Length - 1) : _typed.ToString();

    /// <summary>
    /// A character beyond the Basic Multilingual Plane (most emoji) comes as two keys, its surrogates: the
    /// first is kept off the screen until the second comes, and both are written together. The terminal
    /// could only show half of one as a replacement character, and the cells would be counted wrong.
    /// </summary>
    private bool WaitsForSecondHalf => _typed.Length > 0 && char.IsHighSurrogate(_typed[^1]);

    /// <summary>Draws the prompt where the cursor is (at the start of a row).</summary>
    public void Show()
    {
        Draw();
        _shown = true;
    }

    /// <summary>Prints <paramref name="text"/> (one line or several) above the prompt and draws the prompt again under it.</summary>
    public void PrintAbove(string text)
    {
        if (_shown) Erase();
        foreach (var line in text.Split('\n'))
        {
            terminal.Write(line);
            terminal.Write(FillsItsRows(line) ? " \r" : "\n");
        }
        if (_shown) Draw();
    }

    /// <summary>
    /// Applies one key: a character is typed, Backspace erases one, Ctrl+U the whole line, Up and Down
    /// bring back lines entered before, Enter enters the line, Ctrl+D on an empty line ends the input.
    /// </summary>
    public PromptKey Press(ConsoleKeyInfo key)
    {
        var control = key.Modifiers.HasFlag(ConsoleModifiers.Control);
        if (key.Key == ConsoleKey.Enter || key.KeyChar is '\r' or '\n') return Enter();
        if (key.Key == ConsoleKey.Backspace || key.KeyChar is '\b' or '\u007f')
        {
            if (WaitsForSecondHalf) _typed.Length--;
            else if (_typed.Length > 0) Redraw(() => _typed.Length -= TerminalCells.LastElementLength(Typed));
            return PromptKey.StillEditing;
        }
        if (key.KeyChar == '\u0004' || (control && key.Key == ConsoleKey.D))
        {
            // As at a shell: Ctrl+D ends the input only on an empty line, so a stray one loses nothing typed.
            return Typed.Length == 0 ? new PromptKey.Ended() : PromptKey.StillEditing;
        }
        if (key.KeyChar == '\u0015' || (control && key.Key == ConsoleKey.U))
        {
            if (_typed.Length > 0) Redraw(() => _typed.Clear());
            return PromptKey.StillEditing;
        }
        if (key.Key is ConsoleKey.UpArrow or ConsoleKey.DownArrow)
        {
            Recall(key.Key == ConsoleKey.UpArrow ? -1 : 1);
            return PromptKey.StillEditing;
        }
        // Other control keys (arrows, Tab, Escape, Ctrl+letters) edit nothing; a line is kept no longer than the console reads.
        if (key.KeyChar == '\0' || char.IsControl(key.KeyChar) || _typed.Length >= CallerLineReader.MaxLineLength) return PromptKey.StillEditing;
        // An emoji comes as two keys, its surrogates: one that could not be followed by its pair is not taken.
        if (char.IsHighSurrogate(key.KeyChar) && _typed.Length >= CallerLineReader.MaxLineLength - 1) return PromptKey.StillEditing;
        Type(key.KeyChar);
        return PromptKey.StillEditing;
    }

    /// <summary>Takes the prompt off the screen (the call is over), leaving the cursor where it began.</summary>
    public void Close()
    {
        if (!_shown) return;
        Erase();
        _shown = false;
    }

    private PromptKey.Entered Enter()
    {
        var text = Typed;
        _typed.Clear();
        if (text.Trim().Length > 0 && (_entered.Count == 0 || _entered[^1] != text)) _entered.Add(text);
        _recalled = _entered.Count;
        _draft = string.Empty;
        // The entered line stays on the screen, as typed; a drawing that filled its row has already moved to the next.
        if (!FillsItsLastRow) terminal.Write("\n");
        Draw();
        return new PromptKey.Entered(text);
    }

    /// <summary>Shows the entered line <paramref name="step"/> back (-1) or forward (+1); past the newest, the line that was being typed.</summary>
    private void Recall(int step)
    {
        var to = _recalled + step;
        if (to < 0 || to > _entered.Count) return;
        if (_recalled == _entered.Count) _draft = Typed;
        _recalled = to;
        Redraw(() => _typed.Clear().Append(to == _entered.Count ? _draft : _entered[to]));
    }

    private void Type(char c)
    {
        // A second half with no first, or a first whose second never came, is dropped: neither can be shown.
        if (char.IsLowSurrogate(c) && !WaitsForSecondHalf) return;
        if (!char.IsLowSurrogate(c) && WaitsForSecondHalf) _typed.Length--;
        _typed.Append(c);
        if (char.IsHighSurrogate(c)) return;
        var character = char.IsLowSurrogate(c) ? _typed.ToString(_typed.Length - 2, 2) : c.ToString();
        terminal.Write(CallEventFormatter.Printable(character));
        _drawn = TerminalCells.Extent(Marker + CallEventFormatter.Printable(Typed), terminal.Width);
        Settle();
    }

    private void Redraw(Action edit)
    {
        Erase();
        edit();
        Draw();
    }

    private void Draw()
    {
        var shown = Marker + CallEventFormatter.Printable(Typed);
        terminal.Write(shown);
        _drawn = TerminalCells.Extent(shown, terminal.Width);
        Settle();
    }

    /// <summary>After a drawing: step off a right margin reached exactly, and find the prompt's first row from the cursor at its end.</summary>
    private void Settle()
    {
        if (FillsItsLastRow) terminal.Write(" \r");
        var (_, top) = terminal.GetCursorPosition();
        _top = Math.Max(0, top - RowsBelowTop);
    }

    /// <summary>The drawing ends exactly at the right margin (and <see cref="Settle"/> has stepped onto the next row).</summary>
    private bool FillsItsLastRow => _drawn.Column == terminal.Width;

    /// <summary>The rows from the prompt's first to the cursor's, once settled.</summary>
    private int RowsBelowTop => _drawn.Row + (FillsItsLastRow ? 1 : 0);

    /// <summary>Blanks the prompt's rows and puts the cursor at the start of its first.</summary>
    private void Erase()
    {
        var width = terminal.Width;
        var rows = RowsBelowTop + 1;
        terminal.SetCursorPosition(0, _top);
        // One short of the last cell: filling it would hold the cursor at the margin (see the remarks),
        // and that cell is always blank, since a drawing never ends on a full row.
        terminal.Write(new string(' ', (rows * width) - 1));
        terminal.SetCursorPosition(0, _top);
    }

    /// <summary>
    /// A plain line exactly as wide as its rows: ended like the prompt (see the remarks), since .NET would
    /// count one row more than the terminal shows. Lines with colour or other than ASCII make .NET ask the
    /// terminal where the cursor is, so they need nothing.
    /// </summary>
    private bool FillsItsRows(string line) =>
        line.Length > 0 && line.Length % terminal.Width == 0 && line.All(c => c is >= ' ' and < '\u007f');
}
