using System.Text.RegularExpressions;
using NodaTime;

namespace IvrEngine.Menus;

/// <summary>
/// A node that gathers digits (an account number, a ZIP code) into a call variable.
/// Collection ends at the terminator key, at <see cref="MaxLength"/> digits, or when the caller
/// pauses longer than <see cref="InterDigitTimeout"/> after at least one digit.
/// </summary>
/// <param name="Variable">The call variable the value is kept in; prompts speak it back as <c>{name}</c>.</param>
/// <param name="Terminator">Key that ends entry early (<c>#</c> by default); <c>null</c> for none.</param>
/// <param name="Pattern">When set, the whole value must match it, or the entry counts as invalid input.</param>
/// <param name="Next">Where the call goes once a valid value is kept.</param>
public sealed record DigitCollection(
    string Variable,
    int MinLength,
    int MaxLength,
    char? Terminator,
    Duration InterDigitTimeout,
    Regex? Pattern,
    MenuAction Next);
