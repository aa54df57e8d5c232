using System.Globalization;
using System.Text;

namespace IvrEngine.Menus.Loading;

/// <summary>
/// Turns away input that is not UTF-8 JSON text before the parser sees it, with one message that
/// says what the file actually is (empty, UTF-16, binary, too large) instead of a parser error
/// about its first byte.
/// </summary>
internal static class InputScreener
{
    public const int MaxBytes = 4 * 1024 * 1024;

    private static readonly SourcePoint FileStart = new(1, 1, JsonPaths.Root);

    /// <summary>Checked before anything is read or parsed, so a huge file costs nothing.</summary>
    public static bool IsTooLarge(long length, DiagnosticBag diagnostics)
    {
        if (length <= MaxBytes)
        {
            return false;
        }

        var mebibytes = (length / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);
        diagnostics.Error(DiagnosticCodes.Unreadable, FileStart, $"the file is {mebibytes} MiB; a menu may be at most 4 MiB");
        return true;
    }

    /// <summary>The text to parse (UTF-8 BOM stripped), or null after reporting why there is none.</summary>
    public static SourceText? Screen(ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        if (DetectWideEncoding(bytes) is { } encoding)
        {
            diagnostics.Error(DiagnosticCodes.Unreadable, FileStart, $"the file is {encoding}; save it as UTF-8");
            return null;
        }

        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            diagnostics.Error(DiagnosticCodes.Unreadable, FileStart, "the file is empty");
            return null;
        }

        var source = new SourceText(bytes.ToArray());
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Error(DiagnosticCodes.Unreadable, source.Locate(nul, JsonPaths.Root),
                "the file contains NUL bytes; it looks like a binary file, not UTF-8 JSON text");
            return null;
        }

        if (FirstInvalidUtf8(bytes) is { } bad)
        {
            diagnostics.Error(DiagnosticCodes.Unreadable, source.Locate(bad, JsonPaths.Root),
                $"the file is not valid UTF-8 (byte 0x{bytes[bad]:X2}); save it as UTF-8");
            return null;
        }

        return source;
    }

    private static string? DetectWideEncoding(ReadOnlySpan<byte> b)
    {
        // UTF-32 first: its little-endian BOM begins with the UTF-16 one.
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return "UTF-32";
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "UTF-16";
        }

        // Without a BOM, ASCII text in a wide encoding shows as a character next to NUL bytes.
        if (b.Length >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0)
        {
            return "UTF-32";
        }

        if (b.Length >= 2 && ((b[0] != 0 && b[1] == 0) || (b[0] == 0 && b[1] != 0)) && b.IndexOf((byte)0) <= 1 && IsMostlyNulPairs(b))
        {
            return "UTF-16";
        }

        return null;
    }

    private static bool IsMostlyNulPairs(ReadOnlySpan<byte> b)
    {
        var sample = b[..Math.Min(b.Length, 256)];
        var nuls = sample.Count((byte)0);
        return nuls * 3 >= sample.Length;
    }

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return null;
    }
}
