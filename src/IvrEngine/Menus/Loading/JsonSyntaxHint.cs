using System.Text;

namespace IvrEngine.Menus.Loading;

/// <summary>
/// Turns the JSON reader's syntax error into what a person editing the file by hand most likely
/// did: a comma left out at the end of a line, a quote not closed, a bracket too many or too few,
/// text in single quotes. The reader reports where it <em>noticed</em> the problem, which is often
/// the line after the mistake, so the hint names the line to fix. When no pattern fits, the
/// reader's own words are kept.
/// </summary>
internal static class JsonSyntaxHint
{
    public static string Explain(SourceText source, long errorOffset, string readerMessage)
    {
        var bytes = source.Bytes;
        var at = (int)Math.Clamp(errorOffset, 0, bytes.Length);
        var scan = Scan.Until(bytes, at);
        var line = LineOf(source, at);
        var found = at < bytes.Length ? Character(bytes, at) : "the end of the file";

        if (readerMessage.Contains("invalid within a JSON string", StringComparison.Ordinal) && at < bytes.Length && bytes[at] is (byte)'\n' or (byte)'\r')
        {
            return $"unclosed quote on line {line}? Text must end with \" on the line where it starts (write \\n for a line break)";
        }

        if (readerMessage.Contains("after a single JSON value", StringComparison.Ordinal))
        {
            return $"more follows the end of the file's object on line {line}: a '}}' too many earlier closed it too soon?";
        }

        if (at >= bytes.Length || readerMessage.Contains("end of data", StringComparison.Ordinal) || readerMessage.Contains("depth to be zero", StringComparison.Ordinal))
        {
            if (scan.InString) return $"unclosed quote on line {LineOf(source, scan.StringStart)}? The file ends inside that text";
            if (scan.Open.Count > 0)
            {
                var (offset, opener) = scan.Open.Peek();
                return $"missing '{Closer(opener)}'? The file ends with the '{(char)opener}' on line {LineOf(source, offset)} still open";
            }

            return "the file ends too soon: it must hold one whole { … } object";
        }

        if (readerMessage.Contains("is invalid after a value", StringComparison.Ordinal))
        {
            if (bytes[at] == (byte)':' && scan.Open.TryPeek(out var list) && list.Opener == (byte)'[')
            {
                return $"missing ']'? The '[' on line {LineOf(source, list.Offset)} is still open where a property's ':' follows on line {line}";
            }

            var previousLine = LineOf(source, scan.LastSignificant);
            return previousLine < line
                ? $"missing comma after line {previousLine}? A value ends there and another starts on line {line} ({found})"
                : $"missing comma, or a quote too many or too few, on line {line} before {found}?";
        }

        if (readerMessage.Contains("is invalid after a property name", StringComparison.Ordinal))
        {
            return $"missing ':' after the property name on line {LineOf(source, scan.LastSignificant)}? A name is followed by ':' and its value";
        }

        if (readerMessage.Contains("invalid start of a property name", StringComparison.Ordinal))
        {
            return bytes[at] == (byte)'\''
                ? $"property names take double quotes, not single ones, on line {line}"
                : $"property names take double quotes on line {line}: \"{Word(bytes, at)}\"";
        }

        if (readerMessage.Contains("without a matching open", StringComparison.Ordinal))
        {
            if (scan.Open.Count == 0) return $"one '{(char)bytes[at]}' too many on line {line}: it closes nothing";
            var (offset, opener) = scan.Open.Peek();
            return $"missing '{Closer(opener)}'? The '{(char)bytes[at]}' on line {line} cannot close the '{(char)opener}' opened on line {LineOf(source, offset)}";
        }

        if (readerMessage.Contains("invalid start of a value", StringComparison.Ordinal))
        {
            return bytes[at] switch
            {
                (byte)'\'' => $"text takes double quotes, not single ones, on line {line}",
                (byte)',' => $"a value is missing before the comma on line {line} (two commas in a row?)",
                (byte)'}' or (byte)']' => $"a value is missing before the '{(char)bytes[at]}' on line {line}",
                _ when char.IsAsciiLetter((char)bytes[at]) => $"'{Word(bytes, at)}' on line {line} is not a JSON value: put text in double quotes, or write true, false or null in lower case",
                _ => $"{found} on line {line} cannot start a value: expected text in double quotes, a number, true, false, null, {{ or [",
            };
        }

        return readerMessage;
    }

    private static int LineOf(SourceText source, int offset) => source.Locate(offset, JsonPaths.Root).Line;

    private static char Closer(byte opener) => opener == (byte)'{' ? '}' : ']';

    private static string Character(byte[] bytes, int at) => bytes[at] switch
    {
        (byte)'"' => "a '\"'",
        < 0x20 or 0x7F => $"the control character 0x{bytes[at]:X2}",
        < 0x80 => $"'{(char)bytes[at]}'",
        _ => "a non-ASCII character",
    };

    /// <summary>The bare word at <paramref name="at"/>, cut short so a hostile file cannot make the message huge.</summary>
    private static string Word(byte[] bytes, int at)
    {
        var end = at;
        while (end < bytes.Length && end - at < 40 && (char.IsAsciiLetterOrDigit((char)bytes[end]) || bytes[end] is (byte)'_' or (byte)'-')) end++;
        return Encoding.ASCII.GetString(bytes, at, Math.Max(1, end - at));
    }

    /// <summary>
    /// One pass over the bytes before the error, as the reader saw them: strings, comments and the
    /// brackets still open. Linear in the file, so even the largest accepted file costs little.
    /// </summary>
    private sealed class Scan
    {
        public Stack<(int Offset, byte Opener)> Open { get; } = new();

        public int LastSignificant { get; private set; }

        public bool InString { get; private set; }

        public int StringStart { get; private set; }

        public static Scan Until(byte[] bytes, int end)
        {
            var scan = new Scan();
            for (var i = 0; i < end; i++)
            {
                var b = bytes[i];
                if (scan.InString)
                {
                    if (b == (byte)'\\') i++;
                    else if (b == (byte)'"') (scan.InString, scan.LastSignificant) = (false, i);
                    continue;
                }

                if (b == (byte)'/' && i + 1 < end && bytes[i + 1] == (byte)'/')
                {
                    while (i < end && bytes[i] != (byte)'\n') i++;
                    continue;
                }

                if (b == (byte)'/' && i + 1 < end && bytes[i + 1] == (byte)'*')
                {
                    var close = bytes.AsSpan(i + 2, end - i - 2).IndexOf("*/"u8);
                    i = close < 0 ? end : i + 2 + close + 1;
                    continue;
                }

                if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
                scan.LastSignificant = i;
                switch (b)
                {
                    case (byte)'"':
                        (scan.InString, scan.StringStart) = (true, i);
                        break;
                    case (byte)'{' or (byte)'[':
                        scan.Open.Push((i, b));
                        break;
                    case (byte)'}' or (byte)']' when scan.Open.Count > 0:
                        scan.Open.Pop();
                        break;
                }
            }

            return scan;
        }
    }
}
