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

    /// <summary>
    /// Quoted text only (a pattern is the author's own rule): the first sentence, as a recording
    /// writes it, of the prompt since the last action that shares the longest start with the old text.
    /// </summary>
    internal override string? Snapshot(FlowCall call)
    {
        if (Match.Pattern is not null) return null;
        var closest = call.PromptsSinceLastAction.Select(p => (Prompt: p, Shared: SharedStart(p, Match.Text))).OrderByDescending(p => p.Shared).FirstOrDefault().Prompt;
        if (closest is null) return null;
        var (text, _) = FlowRecorder.FirstSentence(closest, call.Session.Reference);
        return text.Length == 0 ? null : $"expect prompt \"{text}\"";
    }

    private static int SharedStart(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }
}
