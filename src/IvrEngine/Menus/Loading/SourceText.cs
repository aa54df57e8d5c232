using System.Text;

namespace IvrEngine.Menus.Loading;

/// <summary>
/// The menu's UTF-8 bytes (BOM already stripped) with precomputed line starts, so a byte offset
/// from the JSON reader becomes a line and a <em>character</em> column: Cyrillic letters take two
/// bytes each but one column in an editor.
/// </summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;
    private int _lastLine = -1;
    private int _lastOffset;
    private int _lastColumn;

    public SourceText(byte[] bytes)
    {
        Bytes = bytes;
        var starts = new List<int> { 0 };
        var span = bytes.AsSpan();
        var offset = 0;
        while (true)
        {
            var next = span[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
            starts.Add(offset);
        }

        _lineStarts = [.. starts];
    }

    public byte[] Bytes { get; }

    /// <summary>The byte offset where a 0-based line starts (clamped to the last line).</summary>
    public int LineStart(int zeroBasedLine) => _lineStarts[Math.Clamp(zeroBasedLine, 0, _lineStarts.Length - 1)];

    public SourcePoint Locate(long byteOffset, string path)
    {
        var offset = (int)Math.Clamp(byteOffset, 0, Bytes.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;

        // The parser asks in file order, so counting on from the previous answer on the same line keeps a
        // minified one-line file linear; counting from the line start every time would be quadratic.
        int start, column;
        if (line == _lastLine && offset >= _lastOffset)
        {
            (start, column) = (_lastOffset, _lastColumn);
        }
        else
        {
            (start, column) = (_lineStarts[line], 1);
        }

        // Invalid sequences count as one replacement character each, which is what editors show.
        column += Encoding.UTF8.GetCharCount(Bytes, start, offset - start);
        (_lastLine, _lastOffset, _lastColumn) = (line, offset, column);
        return new SourcePoint(line + 1, column, path);
    }
}
