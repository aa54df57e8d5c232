namespace IvrEngine.Flows;

/// <summary>
/// <c>expect no prompt "…"</c>: no prompt of the call so far mentions the text (or matches the
/// pattern). Put it last to check the whole call.
/// </summary>
public sealed record ExpectNoPrompt(FlowLocation At, string? Locale, string Source, TextMatch Match) : Expectation(At, Locale, Source)
{
    internal override FlowMismatch? Check(FlowCall call) =>
        call.AllPrompts.FirstOrDefault(Match.IsMatch) is { } offending
            ? new FlowMismatch($"no prompt {(Match.Pattern is null ? "mentioning" : "matching")} {Match}", $"the line said {FlowText.Quote(offending)}")
            : null;
}
