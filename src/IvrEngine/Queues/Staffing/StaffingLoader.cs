using IvrEngine.Files;
using IvrEngine.Menus;
using IvrEngine.Menus.Loading;

namespace IvrEngine.Queues.Staffing;

/// <summary>
/// Reads a staffing file (simulated agents, <c>docs/staffing.md</c>) with the same located,
/// all-at-once diagnostics as menus. Queue names are checked against the menu the agents serve.
/// </summary>
public static class StaffingLoader
{
    public static StaffingLoadResult LoadFile(string path, Menu menu)
    {
        if (BoundedFile.TryRead(path, "a staffing file", out var problem) is { } bytes) return Load(bytes, path, menu);
        var diagnostics = new DiagnosticBag(path);
        diagnostics.Error(DiagnosticCodes.Unreadable, new SourcePoint(1, 1, JsonPaths.Root), problem!);
        return new StaffingLoadResult(null, diagnostics.ToSortedArray());
    }

    public static StaffingLoadResult Load(ReadOnlySpan<byte> utf8, string sourcePath, Menu menu)
    {
        var diagnostics = new DiagnosticBag(sourcePath);
        if (InputScreener.IsTooLarge(utf8.Length, diagnostics) || InputScreener.Screen(utf8, diagnostics) is not { } source)
        {
            return new StaffingLoadResult(null, diagnostics.ToSortedArray());
        }

        var root = LocatedJsonParser.Parse(source, diagnostics);
        var plan = root is null ? null : new StaffingBinder(new BindContext(diagnostics) { QueueIds = menu.Queues.Keys.ToHashSet(StringComparer.Ordinal) }).Bind(root);
        return new StaffingLoadResult(diagnostics.HasErrors ? null : plan, diagnostics.ToSortedArray());
    }

    /// <summary>The staffing file a menu uses unless told otherwise: <c>NAME.staffing.json</c> beside <c>NAME.json</c>.</summary>
    public static string DefaultPathFor(string menuPath) =>
        Path.Combine(Path.GetDirectoryName(menuPath) ?? ".", Path.GetFileNameWithoutExtension(menuPath) + ".staffing.json");
}
