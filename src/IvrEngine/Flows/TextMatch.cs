using System.Text.RegularExpressions;

namespace IvrEngine.Flows;

/// <summary>
/// What a prompt must contain: literal text (<c>"…"</c>, exact and case-sensitive) or a .NET pattern
/// (<c>/…/</c>, with flags after it as in JavaScript: <c>/goodbye/i</c> ignores case).
/// </summary>
public sealed record TextMatch(string Text, Regex? Pattern)
{
    // A pattern that runs away on a long prompt fails the step rather than hanging the run.
    internal static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The pattern matched without backtracking where it can be (so /^(\w+\s?)*$/ takes linear time on a
    /// long prompt instead of timing out); one that needs backtracking (lookarounds, backreferences) keeps
    /// the timeout. Throws <see cref="ArgumentException"/> for a pattern that is not valid.
    /// </summary>
    internal static Regex Compile(string pattern, RegexOptions flags)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | flags, PatternTimeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | flags, PatternTimeout);
        }
    }

    private static readonly (char Flag, RegexOptions Option)[] Flags =
    [
        ('i', RegexOptions.IgnoreCase), ('m', RegexOptions.Multiline), ('s', RegexOptions.Singleline), ('x', RegexOptions.IgnorePatternWhitespace),
    ];

    public bool IsMatch(string prompt) => Pattern?.IsMatch(prompt) ?? prompt.Contains(Text, StringComparison.Ordinal);

    /// <summary>As written in the flow: <c>"text"</c> or <c>/pattern/flags</c>.</summary>
    public override string ToString() =>
        Pattern is null ? $"\"{Text}\"" : $"/{Text}/{string.Concat(Flags.Where(f => Pattern.Options.HasFlag(f.Option)).Select(f => f.Flag))}";

    /// <summary>Reads the flags after a pattern's closing slash: any of <c>i m s x</c>, each once.</summary>
    internal static bool TryParseFlags(string text, out RegexOptions options)
    {
        options = RegexOptions.None;
        foreach (var c in text)
        {
            var flag = Flags.FirstOrDefault(f => f.Flag == c);
            if (flag.Flag == default || options.HasFlag(flag.Option)) return false;
            options |= flag.Option;
        }
        return true;
    }
}
