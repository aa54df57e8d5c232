using IvrEngine.Queues.Agents;

namespace IvrEngine.Http.Agents;

/// <summary>201 to POST /agents: the seat signed in at, the token every later request of this agent carries (<c>X-Agent-Token</c>), and its status.</summary>
public sealed record SignedInView(string AgentId, string Token, string State, IReadOnlyDictionary<string, int> Queues, AgentDialView? Dial);

/// <summary>Where the TwiML bridge dials the agent.</summary>
public sealed record AgentDialView(string? Client, string? Number);

/// <summary>
/// A live agent as their desk sees it: status (SignedOut, NotReady, Ready, Ringing, OnCall, WrapUp), the
/// not-ready reason, the call offered or being talked to (with the caller's menu path and digits), the
/// call being wrapped up, and the actions the status takes.
/// </summary>
public sealed record AgentView(
    string AgentId,
    string State,
    string? Reason,
    IReadOnlyDictionary<string, int> Queues,
    AgentDialView? Dial,
    LiveAgentCall? Offered,
    LiveAgentCall? Call,
    string? WrappingUp,
    IReadOnlyList<string> Accepts);

/// <summary>GET /agents: every agent of the line, live or simulated, without any caller's details.</summary>
/// <param name="State">A live agent's status; a simulated agent's state (Available, Ringing, OnCall, WrapUp, Away).</param>
public sealed record AgentSummary(string AgentId, bool Live, string State, string? Reason, IReadOnlyDictionary<string, int> Queues);

/// <summary>
/// One server-sent event of GET /agents/{id}/events (its <c>event:</c> field is <see cref="Type"/>):
/// <c>state</c>, <c>offered</c>, <c>rang-out</c>, <c>declined</c>, <c>offer-withdrawn</c>, <c>connected</c>, <c>ended</c>.
/// </summary>
/// <param name="State">The agent's status as the event happens (<c>ended</c> still says OnCall; the <c>state</c> event of the wrap-up follows).</param>
/// <param name="Call">The call the event is about (for <c>state</c>: none).</param>
/// <param name="By">For <c>ended</c>: <c>agent</c> (hung up), <c>transfer</c>, <c>caller</c> (hung up) or <c>calls-api</c> (moved by POST /calls/{ref}/transfer).</param>
/// <param name="Queue">For <c>ended</c> by a transfer: the queue the caller was handed to.</param>
public sealed record AgentEventView(string Type, string At, string Agent, string State, string? Reason, LiveAgentCall? Call, string? By, string? Queue);
