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
/// becomes <c>wait</c>. A call that queued records where it waited (<c>expect queued</c>,
/// <c>expect position</c>), the agent who answered (<c>expect agent</c>) and hand-offs asked for
/// with the console's <c>transfer</c> (<c>transfer QUEUE</c>); an agent's own escalation happens
/// again by itself on replay, from the seed.
/// </summary>
public static class FlowRecorder
{
    private static readonly LocalDateTimePattern StartPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss");

    /// <param name="menuPath">The menu as the flow should name it (relative to where the flow is written).</param>
    /// <param name="seed">The seed the call ran with, if it was given; without one, reference numbers differ on replay.</param>
    /// <param name="staffing">The flow's <c>staffing:</c> value (a path relative to the flow, or <c>none</c>); null to leave it to the default beside the menu.</param>
    public static string Write(CallSession call, string menuPath, int? seed, PromptPacing pacing, string? staffing = null)
    {
        var text = new StringBuilder()
            .AppendLine("# Recorded with 'ivr call --record'. Every prompt heard is an expectation: keep the ones that matter.")
            .Append("menu: ").AppendLine(menuPath.Replace('\\', '/'))
            .Append("locale: ").AppendLine(call.Locale)
            .Append("at: ").Append(StartPattern.Format(call.StartedAt.InZone(call.Menu.TimeZone).LocalDateTime)).Append(' ').AppendLine(call.Menu.TimeZone.Id);
        if (seed is { } s) text.Append("seed: ").AppendLine(s.ToString(CultureInfo.InvariantCulture));
        if (call.CallerId is { } callerId) text.Append("caller-id: ").AppendLine(callerId);
        if (pacing == PromptPacing.Spoken) text.AppendLine("pacing: spoken");
        if (staffing is not null) text.Append("staffing: ").AppendLine(staffing.Replace('\\', '/'));
        text.AppendLine();

        var now = call.StartedAt;
        var keys = new StringBuilder();
        var group = new Group();
        var events = call.Transcript.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var isAction = e.Type is CallEventType.KeyPressed or CallEventType.SpeechHeard || IsHangUp(e) || IsTransferAsked(e);
            if (e.Type == CallEventType.KeyPressed && keys.Length > 0 && e.At == now)
            {
                // Keys at one instant with nothing said between them are one run: press 1234#.
                keys.Append(e.Text);
                continue;
            }
            if (isAction || e.Type is CallEventType.Prompt or CallEventType.CallEnded or CallEventType.AgentConnected)
            {
                FlushKeys(text, keys);
                if (e.At > now)
                {
                    EndGroup(text, group);
                    text.Append("wait ").AppendLine(DurationText.Format(e.At - now));
                    now = e.At;
                }
                else if (isAction)
                {
                    EndGroup(text, group);
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
                    group.Node = e.Text;
                    break;
                case CallEventType.QueueJoined:
                    group.Queue = (e.Text!, e.Detail is { } detail && detail.StartsWith("position ", StringComparison.Ordinal) ? detail["position ".Length..] : null);
                    group.Agent = null;
                    break;
                case CallEventType.QueueLeft:
                    group.Queue = null;
                    break;
                case CallEventType.AgentConnected:
                    group.Agent = e.Text;
                    group.Queue = null;
                    break;
                case CallEventType.AgentHandOff:
                    group.Agent = null;
                    if (IsTransferAsked(e)) text.Append("transfer ").AppendLine(e.Text);
                    break;
                case CallEventType.StateChanged when IsHangUp(e):
                    text.AppendLine("hangup");
                    break;
                case CallEventType.CallEnded when call.Outcome is { } outcome:
                    (group.Queue, group.Agent) = (null, null);
                    EndGroup(text, group);
                    text.Append("expect outcome ").Append(FlowText.OutcomeName(outcome.Kind));
                    text.AppendLine(outcome.QueueId is null ? "" : $" {outcome.QueueId}");
                    break;
            }
        }
        FlushKeys(text, keys);
        return text.ToString();
    }

    private static bool IsHangUp(CallEvent e) => e.Type == CallEventType.StateChanged && e.Text == "Hangup";

    private static bool IsTransferAsked(CallEvent e) => e.Type == CallEventType.AgentHandOff && e.Detail?.EndsWith(CallSession.AgentsOwnHandOff, StringComparison.Ordinal) != true;

    private static void FlushKeys(StringBuilder text, StringBuilder keys)
    {
        if (keys.Length == 0) return;
        text.Append("press ").AppendLine(keys.ToString());
        keys.Clear();
    }

    /// <summary>After the events of one caller action (or one moment of the call): where the caller ended up, and where they wait or whom they talk to.</summary>
    private static void EndGroup(StringBuilder text, Group group)
    {
        if (group.Node is not null) text.Append("expect node ").AppendLine(group.Node);
        if (group.Queue is var (queue, position))
        {
            text.Append("expect queued ").AppendLine(queue);
            if (position is not null) text.Append("expect position ").AppendLine(position);
        }
        if (group.Agent is not null) text.Append("expect agent ").AppendLine(group.Agent);
        (group.Node, group.Queue, group.Agent) = (null, null, null);
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

    /// <summary>What the events since the last step showed, written as expectations when the group ends.</summary>
    private sealed class Group
    {
        public string? Node { get; set; }

        public (string Queue, string? Position)? Queue { get; set; }

        public string? Agent { get; set; }
    }
}
