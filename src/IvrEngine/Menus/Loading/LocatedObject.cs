namespace IvrEngine.Menus.Loading;

/// <summary>A JSON object whose properties keep their file order and the location of each name.</summary>
internal sealed class LocatedObject(SourcePoint where, IReadOnlyList<LocatedProperty> properties) : LocatedValue(where)
{
    public IReadOnlyList<LocatedProperty> Properties { get; } = properties;

    /// <summary>The first property with this exact (case-sensitive) name; duplicates were already reported.</summary>
    public LocatedProperty? Find(string name)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }

    public LocatedValue? this[string name] => Find(name)?.Value;

    public override string Describe() => "an object";
}
