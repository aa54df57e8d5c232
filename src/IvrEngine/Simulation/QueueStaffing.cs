using IvrEngine.Queues.Staffing;
using NodaTime;

namespace IvrEngine.Simulation;

/// <summary>How one queue is worked in a scenario: agents per interval and how long their calls take.</summary>
/// <param name="Agents">Agents logged in to the queue in each interval; one logging out finishes their call first.</param>
/// <param name="AnswerDelay">How long an agent's phone rings before they pick up.</param>
public sealed record QueueStaffing(string QueueId, WeeklyValues Agents, HandleTime HandleTime, Duration WrapUp, Duration AnswerDelay)
{
    /// <summary>Talk plus wrap-up, on average: what an agent gives one call.</summary>
    public Duration AverageHandleTime => HandleTime.Mean + WrapUp;
}
