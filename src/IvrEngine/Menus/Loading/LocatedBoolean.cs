namespace IvrEngine.Menus.Loading;

internal sealed class LocatedBoolean(SourcePoint where, bool value) : LocatedValue(where)
{
    public bool Value { get; } = value;

    public override string Describe() => Value ? "true" : "false";
}
