namespace IvrEngine.Menus.Loading;

internal sealed class LocatedArray(SourcePoint where, IReadOnlyList<LocatedValue> items) : LocatedValue(where)
{
    public IReadOnlyList<LocatedValue> Items { get; } = items;

    public override string Describe() => "an array";
}
