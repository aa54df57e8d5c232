using System.Collections.Immutable;
using NodaTime;

namespace IvrEngine.Queues.Staffing;

/// <summary>
/// One agent (simulated, or a live seat): the queues they serve (with a tier each: 1 is rung first), how they talk,
/// wrap up and answer, and how often they escalate a call to another queue.
/// </summary>
/// <param name="Tiers">Queue id → tier. A caller waiting longer than the queue's <c>nextTierAfterSeconds</c> reaches tier 2, and so on.</param>
/// <param name="AnswerDelay">How long the phone rings before this agent picks up.</param>
/// <param name="NoAnswerProbability">The chance that a ring goes unanswered (away from the desk).</param>
/// <param name="TransferProbability">The chance that a call ends in a transfer to <paramref name="TransferTo"/> rather than being resolved.</param>
/// <param name="BusyAtStart">How long the agent is still on an earlier call when the line opens (so a console caller meets a queue).</param>
/// <param name="Live">
/// A seat for a person who signs in through the service: never simulated, away until they sign in and
/// say they are ready; they answer, talk, transfer and finish wrap-up themselves (<see cref="WrapUp"/> is
/// only the wrap-up the wait estimate expects of them).
/// </param>
public sealed record AgentProfile(
    string Name,
    ImmutableDictionary<string, int> Tiers,
    HandleTime HandleTime,
    Duration WrapUp,
    Duration AnswerDelay,
    double NoAnswerProbability,
    double TransferProbability,
    string? TransferTo,
    Duration BusyAtStart,
    bool Live = false);
