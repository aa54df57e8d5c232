using IvrEngine.Calls;
using NodaTime;

namespace IvrEngine.Flows;

/// <summary>
/// The last lines of a call, for failure messages: what the caller did and what the line said,
/// with the minute and second into the call, so a red flow explains itself without opening a file.
/// </summary>
internal static class FlowTranscriptTail
{
    public static IEnumerable<string> Of(CallSession call, int count)
    {
        var lines = call.Transcript.Events.Select(e => Line(e, call.StartedAt)).OfType<string>().ToList();
        return lines.Skip(Math.Max(0, lines.Count - count));
    }

    private static string? Line(CallEvent e, Instant start)
    {
        var text = e.Type switch
        {
            CallEventType.Prompt => $"IVR: {e.Text}",
            CallEventType.KeyPressed => $"caller pressed {e.Text}",
            CallEventType.SpeechHeard => $"caller said \"{e.Text}\"",
            CallEventType.NodeEntered => $"at node '{e.Text}'",
            CallEventType.OptionChosen => $"chose '{e.Text}' ({e.Detail})",
            CallEventType.NoInput => $"no input ({e.Detail})",
            CallEventType.InvalidInput => $"invalid input: {e.Text}",
            CallEventType.EscapeAsked => $"asked for a human ({e.Detail})",
            CallEventType.QueueJoined => $"joined queue '{e.Text}' ({e.Detail})",
            CallEventType.QueueLeft => $"left queue '{e.Text}': {e.Detail}",
            CallEventType.AgentConnected => $"agent {e.Text} answered ({e.Detail})",
            CallEventType.AgentHandOff => $"handed to queue '{e.Text}' ({e.Detail})",
            CallEventType.CallEnded => $"call ended: {e.Text}",
            _ => null,
        };
        if (text is null) return null;
        return $"[{Time.ElapsedText.Clock(e.At - start)}] {FlowText.Cut(text)}";
    }
}
