using System.Globalization;
using Wcwidth;

namespace IvrEngine.Cli.Console;

/// <summary>
/// Where text written from the start of a row ends on a terminal: <paramref name="Row"/> rows below its first,
/// at <paramref name="Column"/>. A column equal to the terminal's width means the text filled its last row
/// exactly, and the terminal holds the cursor at the right margin until the next character.
/// </summary>
internal readonly record struct TextExtent(int Row, int Column);

/// <summary>
/// How many cells text takes on a terminal. Measured per text element (what the eye sees as one character:
/// a letter with its accents, an emoji with its modifiers) by the Wcwidth tables, as Spectre.Console does:
/// CJK and emoji take two cells, combining marks none, the rest one.
/// </summary>
internal static class TerminalCells
{
    /// <summary>The cells <paramref name="element"/> (one text element) takes.</summary>
    public static int Of(string element)
    {
        // A high surrogate typed alone waits for its pair: the terminal shows nothing until both have come.
        if (element.Length == 1 && char.IsHighSurrogate(element[0])) return 0;
        return Math.Max(0, UnicodeCalculator.GetWidth(element));
    }

    /// <summary>
    /// Where <paramref name="text"/> ends when written from the start of a row <paramref name="width"/> cells
    /// wide. A two-cell character that does not fit in a row's last cell starts the next row, leaving that
    /// cell blank, as xterm and its kin do.
    /// </summary>
    public static TextExtent Extent(string text, int width)
    {
        int row = 0, column = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var cells = Math.Min(Of(elements.GetTextElement()), width);
            if (cells == 0) continue;
            if (column + cells > width)
            {
                row++;
                column = 0;
            }
            column += cells;
        }
        return new TextExtent(row, column);
    }

    /// <summary>How many chars the last text element of <paramref name="text"/> takes (what one Backspace erases).</summary>
    public static int LastElementLength(string text)
    {
        if (text.Length == 0) return 0;
        var starts = StringInfo.ParseCombiningCharacters(text);
        return text.Length - starts[^1];
    }
}
