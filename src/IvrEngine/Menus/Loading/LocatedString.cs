namespace IvrEngine.Menus.Loading;

internal sealed class LocatedString(SourcePoint where, string value) : LocatedValue(where)
{
    public string Value { get; } = value;

    public override string Describe() =>
        Value.Length <= 40 ? $"the string \"{Value}\"" : $"a string of {Value.Length} characters";
}
