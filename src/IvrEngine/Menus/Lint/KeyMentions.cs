using System.Text.RegularExpressions;

namespace IvrEngine.Menus.Lint;

/// <summary>
/// How prompts say keys: digits, "star"/"pound"/"hash", and Russian "звёздочка"/"решётка" in any case
/// form. <see cref="Anywhere"/> is lenient (any key word counts as a mention); <see cref="AsChoices"/> is
/// strict, taking only words said as a key to press — "press 1", "press 1 or 2", "нажмите 1",
/// "Billing, 2." and "Баланс — 2" — so that "open from 10 to 8" is not read as keys.
/// </summary>
internal static partial class KeyMentions
{
    private const string KeyWord = @"(?:\d+|star|pound|hash|зв[её]здочк\w*|реш[её]тк\w*)";

    /// <summary>Every key word in <paramref name="text"/>, as keys (<c>"3"</c>, <c>"*"</c>, <c>"#"</c>).</summary>
    public static HashSet<string> Anywhere(string text) =>
        [.. AnyKeyRegex().Matches(text).Select(m => ToKey(m.Value))];

    /// <summary>The keys <paramref name="text"/> tells a caller to press, each with its character index.</summary>
    public static IEnumerable<(string Key, int Index)> AsChoices(string text)
    {
        foreach (Match match in ChoiceRegex().Matches(text))
        {
            foreach (Capture capture in match.Groups["key"].Captures)
            {
                yield return (ToKey(capture.Value), capture.Index);
            }
        }
    }

    private static string ToKey(string word)
    {
        var lower = word.ToLowerInvariant();
        return char.IsAsciiDigit(lower[0]) ? lower
            : lower is "star" || lower.StartsWith("зв", StringComparison.Ordinal) ? "*"
            : "#";
    }

    [GeneratedRegex(@"(?<![\w{:])" + KeyWord + @"(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyKeyRegex();

    // press/нажмите KEY (or/или/, KEY)*  |  — KEY  |  , KEY.  |  the star key
    [GeneratedRegex(
        @"(?:\b(?:press|push|dial|нажмите|нажми|нажав|наберите)\s+(?:the\s+)?(?<key>" + KeyWord + @")(?!\w)(?:\s*(?:,|or|или)\s*(?<key>" + KeyWord + @")(?!\w))*"
        + @"|[—–]\s*(?<key>" + KeyWord + @")(?!\w)"
        + @"|,\s*(?<key>" + KeyWord + @")\s*(?:[.;]|$)"
        + @"|\bthe\s+(?<key>star|pound|hash)\s+key\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChoiceRegex();
}
