using IvrEngine.Queues.Agents;

namespace IvrEngine.Http.Agents;

/// <summary>What a live agent may do in each status: the 409 answer names these.</summary>
internal static class AgentActions
{
    public const string Ready = "ready";
    public const string NotReady = "not-ready";
    public const string Accept = "accept";
    public const string Decline = "decline";
    public const string HangUp = "hangup";
    public const string Transfer = "transfer";
    public const string WrapUpDone = "wrap-up-done";
    public const string SignOut = "sign-out";

    public static IReadOnlyList<string> AcceptedIn(LiveAgentStatus status) => status switch
    {
        LiveAgentStatus.NotReady or LiveAgentStatus.Ready => [Ready, NotReady, SignOut],
        LiveAgentStatus.Ringing => [Accept, Decline, NotReady, SignOut],
        LiveAgentStatus.OnCall => [HangUp, Transfer, NotReady, SignOut],
        LiveAgentStatus.WrapUp => [WrapUpDone, NotReady, SignOut],
        _ => [],
    };
}
