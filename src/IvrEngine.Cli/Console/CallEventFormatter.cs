using IvrEngine.Calls;
using IvrEngine.Queues;
using NodaTime;

namespace IvrEngine.Cli.Console;

/// <summary>Turns transcript events into the console's lines: prompts as the caller hears them, the rest as notes.</summary>
internal static class CallEventFormatter
{
    /// <summary>The line for <paramref name="callEvent"/>, or null for events the console does not show (the caller's own keys).</summary>
    public static string? Format(CallEvent callEvent, Instant callStart)
    {
        var text = callEvent.Type switch
        {
            CallEventType.Prompt => $"IVR: {callEvent.Text}",
            CallEventType.CallStarted => $"call started: {callEvent.Text} ({callEvent.Detail})",
            CallEventType.StateChanged => $"state {callEvent.Detail}",
            CallEventType.NodeEntered => $"at node '{callEvent.Text}'",
            CallEventType.OptionChosen => $"chose '{callEvent.Text}' ({callEvent.Detail})",
            CallEventType.NoInput => $"no input ({callEvent.Detail})",
            CallEventType.InvalidInput => $"invalid input: {callEvent.Text} ({callEvent.Detail})",
            CallEventType.Ambiguous => $"ambiguous: {callEvent.Detail}",
            CallEventType.EscapeAsked => $"caller asked for a human ({callEvent.Detail})",
            CallEventType.DigitsCollected => $"collected {callEvent.Detail} = {callEvent.Text}",
            CallEventType.BudgetExceeded => $"call budget spent: {callEvent.Detail}",
            CallEventType.Transferred => $"transferred to queue {callEvent.Text} ({callEvent.Detail})",
            CallEventType.QueueJoined => $"joined queue {callEvent.Text} at {callEvent.Detail}",
            CallEventType.QueueLeft => $"left queue {callEvent.Text}: {callEvent.Detail}",
            CallEventType.HoldMusic => $"♪ hold music ({callEvent.Text})",
            CallEventType.AgentConnected => $"connected to agent {callEvent.Text} {callEvent.Detail}",
            CallEventType.CallbackBooked => $"callback {callEvent.Text} booked ({callEvent.Detail})",
            CallEventType.CallbackExisting => $"callback {callEvent.Text} existing, kept; nothing new booked ({callEvent.Detail})",
            CallEventType.AgentHandOff => $"the agent transfers you to queue {callEvent.Text} ({callEvent.Detail})",
            CallEventType.InputIgnored => $"ignored {callEvent.Text} ({callEvent.Detail})",
            CallEventType.ClosedByHours => $"closed: {callEvent.Text} ({callEvent.Detail})",
            CallEventType.CallbackNumber => $"callback number: {callEvent.Text}{(callEvent.Detail is null ? "" : $" ({callEvent.Detail})")}",
            CallEventType.CallEnded => $"call ended: {callEvent.Text}",
            _ => null,
        };
        return text is null ? null : $"[{Time.ElapsedText.Clock(callEvent.At - callStart)}] {(callEvent.Type == CallEventType.Prompt ? "" : "· ")}{Printable(text)}";
    }

    /// <summary>The line for a queue event about this caller, or null for those the call's own events already show.</summary>
    public static string? Format(QueueEvent queueEvent, Instant callStart)
    {
        var text = queueEvent.Type switch
        {
            QueueEventType.Ring => $"ringing agent {queueEvent.Agent}",
            QueueEventType.RingNoAnswer => $"{queueEvent.Agent} did not answer in {(int)queueEvent.Ring!.Value.TotalSeconds} s",
            _ => null,
        };
        return text is null ? null : $"[{Time.ElapsedText.Clock(queueEvent.At - callStart)}] · {text}";
    }

    /// <summary>
    /// What a caller "said" is echoed, so escape sequences and bidi overrides in it must not reach
    /// the terminal (they could recolour or reorder the screen): each shows as a visible <c>\u001b</c>.
    /// </summary>
    public static string Printable(string text) => Menus.PrintableText.Escape(text);
}
