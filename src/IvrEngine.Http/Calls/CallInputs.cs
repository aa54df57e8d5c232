using IvrEngine.Calls;

namespace IvrEngine.Http.Calls;

/// <summary>What a caller (or the agent on the line) may do in each state of a call: the 409 answer names these.</summary>
internal static class CallInputs
{
    public const string Press = "press";
    public const string Say = "say";
    public const string HangUp = "hangup";
    public const string Transfer = "transfer";

    private static readonly string[] Listening = [Press, Say, HangUp];
    private static readonly string[] Talking = [HangUp, Transfer];
    private static readonly string[] Moving = [HangUp];

    public static IReadOnlyList<string> AcceptedIn(CallState state) => state switch
    {
        CallState.InMenu or CallState.CollectingDigits or CallState.OfferingCallback or CallState.Queued => Listening,
        CallState.WithAgent => Talking,
        CallState.Ended => [],
        _ => Moving,
    };

    public static bool Accepts(CallState state, string input) => AcceptedIn(state).Contains(input);
}
