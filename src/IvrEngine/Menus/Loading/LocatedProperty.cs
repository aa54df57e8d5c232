namespace IvrEngine.Menus.Loading;

/// <summary>One property of an object: its name, where the name is written, and its value.</summary>
internal sealed class LocatedProperty(string name, SourcePoint nameWhere, LocatedValue value)
{
    public string Name { get; } = name;

    /// <summary>Where the quoted name starts; the path is the property's own path.</summary>
    public SourcePoint NameWhere { get; } = nameWhere;

    public LocatedValue Value { get; } = value;
}
