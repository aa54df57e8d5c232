using System.Text.RegularExpressions;

namespace IvrEngine.Flows;

/// <summary>What a prompt must contain: literal text (<c>"…"</c>, exact and case-sensitive) or a .NET pattern (<c>/…/</c>).</summary>
public sealed record TextMatch(string Text, Regex? Pattern)
{
    // A pattern that runs away on a long prompt fails the step rather than hanging the run.
    internal static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public bool IsMatch(string prompt) => Pattern?.IsMatch(prompt) ?? prompt.Contains(Text, StringComparison.Ordinal);

    /// <summary>As written in the flow: <c>"text"</c> or <c>/pattern/</c>.</summary>
    public override string ToString() => Pattern is null ? $"\"{Text}\"" : $"/{Text}/";
}
