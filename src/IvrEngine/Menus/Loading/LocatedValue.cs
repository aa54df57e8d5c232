namespace IvrEngine.Menus.Loading;

/// <summary>
/// A JSON value that remembers where it came from, so every diagnostic can name a line, a
/// column and a path. The family is closed: object, array, string, number, boolean, null.
/// </summary>
internal abstract class LocatedValue(SourcePoint where)
{
    public SourcePoint Where { get; } = where;

    public string Path => Where.Path;

    /// <summary>How the value is described in "expected X, found Y" messages.</summary>
    public abstract string Describe();
}
