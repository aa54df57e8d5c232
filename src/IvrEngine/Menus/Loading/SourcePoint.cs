namespace IvrEngine.Menus.Loading;

/// <summary>A place in the menu file: 1-based line and character column, and the JSON path there.</summary>
internal readonly record struct SourcePoint(int Line, int Column, string Path)
{
    /// <summary>The same place, but naming a child path (for a property that is missing from an object).</summary>
    public SourcePoint WithPath(string path) => this with { Path = path };
}
