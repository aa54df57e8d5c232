using IvrEngine.Calls;

namespace IvrEngine.Flows;

/// <summary>
/// <c>expect callback</c>: the line booked the caller a callback (a scheduled one at a closed queue,
/// or virtual hold). <c>expect callback at tomorrow 9:00 AM</c> / <c>expect callback at "…"</c>: a
/// scheduled callback whose time, as the line says it in English (<c>tomorrow at 9:00 AM Eastern Time</c>),
/// matches — unquoted, the words in that order (case-insensitive, other words may come between);
/// quoted, the text itself (case-insensitive).
/// </summary>
/// <param name="Time">The time to match, or null for any callback.</param>
/// <param name="Quoted">Whether <see cref="Time"/> was written in quotes (matched as one piece of text).</param>
public sealed record ExpectCallback(FlowLocation At, string? Locale, string Source, string? Time, bool Quoted) : Expectation(At, Locale, Source)
{
    private const string VirtualHold = "virtual hold";

    internal override FlowMismatch? Check(FlowCall call)
    {
        // A caller told of the callback their number already had has one, as much as one who booked it now.
        var booked = call.Session.Transcript.Events.LastOrDefault(e => e.Type is CallEventType.CallbackBooked or CallEventType.CallbackExisting);
        if (booked is null) return new FlowMismatch(Expected, $"no callback was booked; {FlowText.OutcomeSoFar(call.Session)}");
        if (Time is null) return null;

        var detail = booked.Detail ?? string.Empty;
        if (detail.StartsWith(VirtualHold, StringComparison.Ordinal))
        {
            return new FlowMismatch(Expected, $"a virtual-hold callback was booked ({detail}, reference {booked.Text}), which has no time");
        }
        var spoken = SpokenTime(detail);
        return Matches(spoken) ? null : new FlowMismatch(Expected, $"the callback was booked for \"{spoken}\" (reference {booked.Text})");
    }

    private string Expected => Time is null
        ? "a callback booked"
        : Quoted ? $"a callback booked for a time saying \"{Time}\"" : $"a callback booked for {Time}";

    /// <summary>"tomorrow at 9:00 AM Eastern Time" from "tomorrow at 9:00 AM Eastern Time, +1 ••••••••43".</summary>
    private static string SpokenTime(string detail)
    {
        var comma = detail.LastIndexOf(", ", StringComparison.Ordinal);
        return comma < 0 ? detail : detail[..comma];
    }

    private bool Matches(string spoken)
    {
        if (Quoted) return spoken.Contains(Time!, StringComparison.OrdinalIgnoreCase);
        var from = 0;
        foreach (var word in Time!.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var found = IndexOfWord(spoken, word, from);
            if (found < 0) return false;
            from = found + word.Length;
        }
        return true;
    }

    /// <summary>Where <paramref name="word"/> stands as a whole word at or after <paramref name="from"/>, or -1.</summary>
    private static int IndexOfWord(string text, string word, int from)
    {
        for (var i = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var startsWord = i == 0 || char.IsWhiteSpace(text[i - 1]);
            var endsWord = i + word.Length == text.Length || char.IsWhiteSpace(text[i + word.Length]) || text[i + word.Length] == ',';
            if (startsWord && endsWord) return i;
        }
        return -1;
    }
}
