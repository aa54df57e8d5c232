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
        var start = _lineStarts[line];

        // Invalid sequences count as one replacement character each, which is what editors show.
        var column = Encoding.UTF8.GetCharCount(Bytes, start, offset - start) + 1;
        return new SourcePoint(line + 1, column, path);
    }
}
