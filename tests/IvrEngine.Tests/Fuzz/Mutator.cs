using System.Text;

namespace IvrEngine.Tests.Fuzz;

/// <summary>
/// A seeded byte mutator: the same seed gives the same hostile file, so any failure replays exactly.
/// Mutations are the ones that found real bugs by hand: flipped and inserted bytes, cut and repeated
/// spans, and tokens at the edges of every range (NaN, 1e308, year 9999, NUL, ESC, deep brackets).
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly string[] Tokens =
    [
        "NaN", "Infinity", "-1", "0", "1e308", "1e-300", "4294967296", "99999999999", "-0", "0.0001",
        "9999-12-31", "0000-01-01", "9999-12-27", "\"\"", "null", "true", "[]", "{}", "\u0000", "\u001b[2J", "\u202e",
        "\n", "\r\n", "\"", "\\", "{", "}", "[", "]", ",", ":", "//", "/*", "#", "*", "?", "(a+)+", "^(\\d+)+x$",
        new string('[', 80), new string('9', 40), new string('x', 5000), "ru-RU", "en-US", "none", "back", "main",
    ];

    private readonly Random _random = new(seed);

    /// <summary>One to four mutations of <paramref name="original"/>.</summary>
    public byte[] Mutate(byte[] original)
    {
        var bytes = new List<byte>(original);
        var count = _random.Next(1, 5);
        for (var i = 0; i < count; i++) MutateOnce(bytes);
        return [.. bytes];
    }

    /// <summary>
    /// One or two values of <paramref name="original"/> swapped, keeping its JSON shape: for an edge
    /// token, or for another quoted word of the same file, so node and queue names cross (a goto to
    /// another node, an overflow to its own queue), which is how a file that still loads goes wrong.
    /// </summary>
    public byte[] MutateValues(byte[] original)
    {
        var bytes = new List<byte>(original);
        var words = Encoding.UTF8.GetString(original).Split('"').Where((_, i) => i % 2 == 1).Where(w => w.Length is > 0 and < 40).Distinct().ToArray();
        var count = _random.Next(1, 3);
        for (var i = 0; i < count; i++)
        {
            var at = _random.Next(bytes.Count);
            if (_random.Next(2) == 0) ReplaceNumberOrString(bytes, at);
            else ReplaceString(bytes, at, words[_random.Next(words.Length)]);
        }
        return [.. bytes];
    }

    /// <summary>A line of caller input: a console command, often odd.</summary>
    public string CallerLine()
    {
        return _random.Next(12) switch
        {
            0 => $"press {Digits(_random.Next(1, 30))}",
            1 => $"say {Token()} {Token()}",
            2 => $"wait {Token()}",
            3 => $"wait {_random.Next(0, 400)}s",
            4 => Token(),
            5 => "help",
            6 => $"press {Token()}",
            7 => $"say {new string('a', _random.Next(1, 3000))}",
            8 => $"{(char)_random.Next(0, 32)}{Token()}",
            9 => $"transfer {Token()}",
            10 => "wait",
            _ => Digits(_random.Next(1, 6)),
        };
    }

    public int Next(int max) => _random.Next(max);

    /// <summary>A run of one to six keys, as a caller presses them without a pause.</summary>
    public string Keys() => Digits(_random.Next(1, 7));

    private string Digits(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => "0123456789*#"[_random.Next(12)]));

    private string Token() => Tokens[_random.Next(Tokens.Length)];

    private void MutateOnce(List<byte> bytes)
    {
        var at = bytes.Count == 0 ? 0 : _random.Next(bytes.Count);
        switch (_random.Next(7))
        {
            case 0 when bytes.Count > 0:
                bytes[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1:
                bytes.Insert(at, (byte)_random.Next(256));
                break;
            case 2 when bytes.Count > 0:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, _random.Next(1, 64)));
                break;
            case 3 when bytes.Count > 0:
                var length = Math.Min(bytes.Count - at, _random.Next(1, 256));
                bytes.InsertRange(_random.Next(bytes.Count), bytes.GetRange(at, length));
                break;
            case 4:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Token()));
                break;
            case 5:
                ReplaceNumberOrString(bytes, at);
                break;
            default:
                if (bytes.Count > 0) bytes.RemoveRange(at, bytes.Count - at);
                break;
        }
    }

    /// <summary>Swaps the quoted word at or after <paramref name="at"/> for <paramref name="word"/>.</summary>
    private static void ReplaceString(List<byte> bytes, int at, string word)
    {
        var start = ValueStart(bytes, at);
        if (start < 0) return;
        var end = bytes.FindIndex(start + 1, b => b == '"');
        if (end < 0) return;
        bytes.RemoveRange(start + 1, end - start - 1);
        bytes.InsertRange(start + 1, Encoding.UTF8.GetBytes(word));
    }

    /// <summary>The first quote at or after <paramref name="at"/> that opens a property's value (after a colon), not a name; -1 if none.</summary>
    private static int ValueStart(List<byte> bytes, int at)
    {
        for (var i = bytes.FindIndex(at, b => b == '"'); i >= 0; i = bytes.FindIndex(i + 1, b => b == '"'))
        {
            var before = i - 1;
            while (before >= 0 && bytes[before] is (byte)' ' or (byte)'\t') before--;
            if (before >= 0 && bytes[before] == ':') return i;
        }
        return -1;
    }

    /// <summary>Swaps the number or quoted word at or after <paramref name="at"/> for an edge token, keeping the file's shape.</summary>
    private void ReplaceNumberOrString(List<byte> bytes, int at)
    {
        var start = bytes.FindIndex(at, b => b is (byte)'"' or >= (byte)'0' and <= (byte)'9');
        if (start < 0) return;
        var quoted = bytes[start] == '"';
        var end = quoted
            ? bytes.FindIndex(start + 1, b => b == '"')
            : bytes.FindIndex(start, b => b is not (>= (byte)'0' and <= (byte)'9' or (byte)'.'));
        if (end < 0) return;
        var from = quoted ? start + 1 : start;
        bytes.RemoveRange(from, end - from);
        bytes.InsertRange(from, Encoding.UTF8.GetBytes(Token().Replace("\"", "", StringComparison.Ordinal)));
    }
}
