using System.Runtime.CompilerServices;

namespace IvrEngine.Calls;

// Recording the call's events (or, for a quiet call, only their types).
public sealed partial class CallSession
{
    private void Record(CallEventType type, string? node = null,
        [InterpolatedStringHandlerArgument("")] EventText text = default, [InterpolatedStringHandlerArgument("")] EventText detail = default)
    {
        if (IsQuiet)
        {
            // Nobody keeps a quiet call's events: one shared event per type tells listeners what happened.
            EventRecorded?.Invoke(QuietEvents[(int)type]);
            return;
        }
        var callEvent = new CallEvent(Now, type, node ?? _navigation.Node?.Id, text.ToStringAndClear(), detail.ToStringAndClear());
        Transcript.Add(callEvent);
        EventRecorded?.Invoke(callEvent);
    }

    private static readonly CallEvent[] QuietEvents = [.. Enum.GetValues<CallEventType>().Select(type => new CallEvent(default, type))];
}
