namespace IvrEngine.Menus.Loading;

internal sealed class LocatedNull(SourcePoint where) : LocatedValue(where)
{
    public override string Describe() => "null";
}
