namespace IvrEngine.Files;

/// <summary>
/// Replaces a file's contents all at once: the new bytes are written beside it and moved over it, so
/// a file watcher (the menu catalog's hot reload) never reads half a file, and a failed write leaves
/// the old file as it was.
/// </summary>
public static class WholeFileReplacement
{
    /// <summary>Makes <paramref name="path"/> hold <paramref name="contents"/>; <paramref name="purpose"/> names the temporary file (<c>menu.json.purpose</c>).</summary>
    public static async Task ReplaceAsync(string path, ReadOnlyMemory<byte> contents, string purpose, CancellationToken cancellationToken = default)
    {
        var temporary = $"{path}.{purpose}";
        try
        {
            await File.WriteAllBytesAsync(temporary, contents, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            // Nothing half-written is left beside the menu for ops to wonder about.
            if (File.Exists(temporary)) File.Delete(temporary);
            throw;
        }
    }
}
