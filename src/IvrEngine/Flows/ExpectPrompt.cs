namespace IvrEngine.Flows;

/// <summary>
/// <c>expect prompt "…"</c>: a prompt said since the caller's last action contains the text (or
/// matches the pattern). Prompts are checked exactly as rendered, not as a speech-to-text transcription.
/// </summary>
public sealed record ExpectPrompt(FlowLocation At, string? Locale, string Source, TextMatch Match) : Expectation(At, Locale, Source)
{
    internal override FlowMismatch? Check(FlowCall call)
    {
        var heard = call.PromptsSinceLastAction.ToList();
        if (heard.Any(Match.IsMatch)) return null;
        var expected = $"a prompt {call.SinceWhat} {(Match.Pattern is null ? "containing" : "matching")} {Match}";
        return heard.Count == 0
            ? new FlowMismatch(expected, $"the line said nothing {call.SinceWhat}")
            : new FlowMismatch(expected, "the line said " + string.Join(" then ", heard.Select(FlowText.Quote)));
    }
}
