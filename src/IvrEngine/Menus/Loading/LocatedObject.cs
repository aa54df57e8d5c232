namespace IvrEngine.Menus.Loading;

/// <summary>A JSON object whose properties keep their file order and the location of each name.</summary>
internal sealed class LocatedObject(SourcePoint where, IReadOnlyList<LocatedProperty> properties) : LocatedValue(where)
{
    public IReadOnlyList<LocatedProperty> Properties { get; } = properties;

    // Small objects are searched in order; a large one (the nodes of a 20,000-node menu) is indexed on
    // first use, so looking up every node is linear rather than quadratic.
    private const int IndexFrom = 16;
    private Dictionary<string, LocatedProperty>? _index;

    /// <summary>The first property with this exact (case-sensitive) name; duplicates were already reported.</summary>
    public LocatedProperty? Find(string name)
    {
        if (Properties.Count >= IndexFrom)
        {
            return (_index ??= Index()).GetValueOrDefault(name);
        }

        foreach (var property in Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }

    private Dictionary<string, LocatedProperty> Index()
    {
        var index = new Dictionary<string, LocatedProperty>(Properties.Count, StringComparer.Ordinal);
        foreach (var property in Properties) index.TryAdd(property.Name, property);
        return index;
    }

    public LocatedValue? this[string name] => Find(name)?.Value;

    public override string Describe() => "an object";
}
