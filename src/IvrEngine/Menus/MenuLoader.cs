using System.Security.Cryptography;
using System.Text;
using IvrEngine.Files;
using IvrEngine.Menus.Loading;

namespace IvrEngine.Menus;

/// <summary>
/// Reads a menu file (the format in <c>docs/menu-format.md</c>) into a validated <see cref="Menu"/>.
/// It never throws for a bad file: every problem comes back as a located <see cref="MenuDiagnostic"/>,
/// all of them at once, and the menu is null when any is an error.
/// </summary>
public static class MenuLoader
{
    private static readonly SourcePoint FileStart = new(1, 1, JsonPaths.Root);

    public static MenuLoadResult LoadFile(string path)
    {
        // At most the size limit is read, so a huge file (or /dev/zero) is never pulled into memory.
        if (BoundedFile.TryRead(path, "a menu", out var problem) is not { } bytes)
        {
            var diagnostics = new DiagnosticBag(path);
            diagnostics.Error(DiagnosticCodes.Unreadable, FileStart, problem!);
            return new MenuLoadResult(null, diagnostics.ToSortedArray());
        }

        return Load(bytes, path);
    }

    public static MenuLoadResult Load(string json, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Load(Encoding.UTF8.GetBytes(json), sourcePath);
    }

    public static MenuLoadResult Load(ReadOnlySpan<byte> utf8, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        var diagnostics = new DiagnosticBag(sourcePath);
        if (InputScreener.IsTooLarge(utf8.Length, diagnostics) || InputScreener.Screen(utf8, diagnostics) is not { } source)
        {
            return new MenuLoadResult(null, diagnostics.ToSortedArray());
        }

        var root = LocatedJsonParser.Parse(source, diagnostics);
        var built = root is null ? null : MenuBinder.Bind(root, Version(utf8), sourcePath, diagnostics);
        return new MenuLoadResult(diagnostics.HasErrors ? null : built, diagnostics.ToSortedArray())
        {
            Sketch = built is null ? null : new MenuSketch(built, complete: !diagnostics.HasErrors),
        };
    }

    /// <summary>The first 12 hex digits of the SHA-256 of the file's bytes: short enough for transcripts, unique enough for one line's history.</summary>
    private static string Version(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash)[..12];
    }
}
