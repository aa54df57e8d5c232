using System.Globalization;

namespace IvrEngine.Files;

/// <summary>
/// The one way the loaders read a menu, flow, staffing or scenario file: at most a size limit is
/// read from the stream whatever the file claims its length is (<c>/dev/zero</c> claims 0 and never
/// ends), and a named pipe, device, socket or folder is refused before it is opened (opening a FIFO
/// waits for a writer that may never come).
/// </summary>
public static class BoundedFile
{
    /// <summary>The largest input file any loader accepts: 4 MiB.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The file's bytes, or null with <paramref name="problem"/> saying why in a phrase that starts
    /// "the file" or "the path" (missing, a folder, a pipe, more than <paramref name="maxBytes"/>);
    /// <paramref name="kind"/> names the file in the size message: "a menu".
    /// </summary>
    public static byte[]? TryRead(string path, string kind, out string? problem, int maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        problem = null;
        try
        {
            if (FileKind.NotARegularFile(path) is { } what)
            {
                problem = $"the path is {what}, not a file";
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            return ReadAtMost(stream, kind, out problem, maxBytes);
        }
        catch (Exception exception) when (FileFailure.Is(exception))
        {
            problem = $"the file cannot be read: {exception.Message}";
            return null;
        }
    }

    /// <summary>At most <paramref name="maxBytes"/> of <paramref name="stream"/>; its claimed length only refuses early, never sizes the read.</summary>
    internal static byte[]? ReadAtMost(Stream stream, string kind, out string? problem, int maxBytes)
    {
        problem = null;
        var claimed = stream.CanSeek ? stream.Length : 0;
        if (claimed > maxBytes)
        {
            problem = $"the file is {Size(claimed)}; {kind} may be at most {Size(maxBytes)}";
            return null;
        }

        // One byte past the limit tells "exactly the limit" from "more".
        var buffer = new byte[(int)Math.Min(maxBytes + 1L, Math.Max(claimed, 4096))];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (filled > maxBytes)
                {
                    problem = $"the file is more than {Size(maxBytes)} long; {kind} may be at most {Size(maxBytes)}";
                    return null;
                }
                Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1L, buffer.Length * 2L));
            }
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0) return buffer[..filled];
            filled += read;
        }
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? bytes % (1024 * 1024) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}
