using System.Text.RegularExpressions;

namespace IvrEngine.Menus.Loading;

/// <summary>The spelling rules for names and ids in a menu file (IVR0022, IVR0009).</summary>
internal static partial class NameRules
{
    /// <summary>Placeholder names that the engine fills in itself, so a collected variable may not take them.</summary>
    public static readonly IReadOnlySet<string> ReservedVariables =
        new HashSet<string>(StringComparer.Ordinal) { "reference", "callerId", "queue", "choices" };

    public static bool IsMenuName(string s) => MenuNameRegex().IsMatch(s);

    public static bool IsId(string s) => IdRegex().IsMatch(s);

    public static bool IsVariable(string s) => VariableRegex().IsMatch(s);

    public static bool IsLocaleTag(string s) => LocaleRegex().IsMatch(s);

    public static bool IsKey(string s) => KeyRegex().IsMatch(s);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex MenuNameRegex();

    [GeneratedRegex("^[A-Za-z0-9_-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex VariableRegex();

    // BCP 47 as menus use it: a 2–3 letter language, then optional script/region/variant subtags.
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LocaleRegex();

    [GeneratedRegex("^[0-9*#]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyRegex();
}
