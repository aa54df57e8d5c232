using NodaTime;

namespace IvrEngine.Queues;

/// <summary>What the wait estimator needs to know of one agent.</summary>
/// <param name="CallStartedAt">When the call in progress began (for <see cref="AgentState.OnCall"/> and <see cref="AgentState.Ringing"/>).</param>
/// <param name="WrapUpEndsAt">When the wrap-up in progress ends (for <see cref="AgentState.WrapUp"/>).</param>
public readonly record struct AgentSnapshot(AgentState State, Instant CallStartedAt, Instant WrapUpEndsAt);
