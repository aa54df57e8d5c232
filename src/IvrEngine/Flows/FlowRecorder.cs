using System.Globalization;
using System.Text;
using IvrEngine.Calls;
using NodaTime.Text;

namespace IvrEngine.Flows;

/// <summary>
/// Turns a finished call into a flow file: what the caller did becomes steps, what the line said
/// becomes expectations (each prompt's first sentence, cut before any reference number, which
/// differs between calls), so QA can write tests by calling and then edit. Works from the
/// transcript alone, so it sees exactly what the engine did; time that passed between events
/// becomes <c>wait</c>.
/// </summary>
public static class FlowRecorder
{
    private static readonly LocalDateTimePattern StartPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss");

    /// <param name="menuPath">The menu as the flow should name it (relative to where the flow is written).</param>
    /// <param name="seed">The seed the call ran with, if it was given; without one, reference numbers differ on replay.</param>
    public static string Write(CallSession call, string menuPath, int? seed, PromptPacing pacing)
    {
        var text = new StringBuilder()
            .AppendLine("# Recorded with 'ivr call --record'. Every prompt heard is an expectation: keep the ones that matter.")
            .Append("menu: ").AppendLine(menuPath.Replace('\\', '/'))
            .Append("locale: ").AppendLine(call.Locale)
            .Append("at: ").Append(StartPattern.Format(call.StartedAt.InZone(call.Menu.TimeZone).LocalDateTime)).Append(' ').AppendLine(call.Menu.TimeZone.Id);
        if (seed is { } s) text.Append("seed: ").AppendLine(s.ToString(CultureInfo.InvariantCulture));
        if (call.CallerId is { } callerId) text.Append("caller-id: ").AppendLine(callerId);
        if (pacing == PromptPacing.Spoken) text.AppendLine("pacing: spoken");
        text.AppendLine();

        var now = call.StartedAt;
        var keys = new StringBuilder();
        string? node = null;
        var events = call.Transcript.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var isAction = e.Type is CallEventType.KeyPressed or CallEventType.SpeechHeard || IsHangUp(e);
            if (e.Type == CallEventType.KeyPressed && keys.Length > 0 && e.At == now)
            {
                // Keys at one instant with nothing said between them are one run: press 1234#.
                keys.Append(e.Text);
                continue;
            }
            if (isAction || e.Type == CallEventType.Prompt || e.Type == CallEventType.CallEnded)
            {
                FlushKeys(text, keys);
                if (e.At > now)
                {
                    EndGroup(text, ref node);
                    text.Append("wait ").AppendLine(DurationText.Format(e.At - now));
                    now = e.At;
                }
                else if (isAction)
                {
                    EndGroup(text, ref node);
                }
            }
            switch (e.Type)
            {
                case CallEventType.KeyPressed:
                    keys.Append(e.Text);
                    break;
                case CallEventType.SpeechHeard:
                    text.Append("say ").AppendLine(e.Text);
                    break;
                case CallEventType.Prompt:
                    var (heard, saysReference) = Expected(e.Text!, call.Reference);
                    if (heard.Length > 0) text.Append("expect prompt \"").Append(heard).AppendLine("\"");
                    if (saysReference) text.AppendLine("expect reference");
                    break;
                case CallEventType.NodeEntered:
                    node = e.Text;
                    break;
                case CallEventType.StateChanged when IsHangUp(e):
                    text.AppendLine("hangup");
                    break;
                case CallEventType.CallEnded when call.Outcome is { } outcome:
                    EndGroup(text, ref node);
                    text.Append("expect outcome ").Append(FlowText.OutcomeName(outcome.Kind));
                    text.AppendLine(outcome.QueueId is null ? "" : $" {outcome.QueueId}");
                    break;
            }
        }
        FlushKeys(text, keys);
        return text.ToString();
    }

    private static bool IsHangUp(CallEvent e) => e.Type == CallEventType.StateChanged && e.Text == "Hangup";

    private static void FlushKeys(StringBuilder text, StringBuilder keys)
    {
        if (keys.Length == 0) return;
        text.Append("press ").AppendLine(keys.ToString());
        keys.Clear();
    }

    /// <summary>After the events of one caller action: where the caller ended up.</summary>
    private static void EndGroup(StringBuilder text, ref string? node)
    {
        if (node is null) return;
        text.Append("expect node ").AppendLine(node);
        node = null;
    }

    /// <summary>The first sentence of a prompt, stopping before the reference number (it differs without a seed).</summary>
    private static (string Text, bool SaysReference) Expected(string prompt, ReferenceNumber reference)
    {
        var spoken = PromptRenderer.Render("{reference:digits}", _ => reference.ToString());
        var cut = prompt;
        var saysReference = false;
        foreach (var form in new[] { spoken, reference.ToString() })
        {
            var at = cut.IndexOf(form, StringComparison.Ordinal);
            if (at < 0) continue;
            cut = cut[..at];
            saysReference = true;
        }
        var end = cut.IndexOfAny(['.', '!', '?'], Math.Min(12, cut.Length));
        if (end >= 0) cut = cut[..(end + 1)];
        return (cut.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal), saysReference);
    }
}
