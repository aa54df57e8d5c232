using System.Globalization;

namespace IvrEngine.Menus.Loading;

/// <summary>A JSON number; <see cref="IsFinite"/> is false when it does not fit a double (1e999).</summary>
internal sealed class LocatedNumber(SourcePoint where, double value, bool isFinite) : LocatedValue(where)
{
    public double Value { get; } = value;

    public bool IsFinite { get; } = isFinite;

    public bool IsInteger => IsFinite && Math.Floor(Value) == Value && Math.Abs(Value) <= int.MaxValue;

    public override string Describe() =>
        IsFinite ? $"the number {Value.ToString(CultureInfo.InvariantCulture)}" : "a number too large to use";
}
