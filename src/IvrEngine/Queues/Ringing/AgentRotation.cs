using NodaTime;
using NodaTime.Extensions;
using Polly.CircuitBreaker;

namespace IvrEngine.Queues.Ringing;

/// <summary>
/// Which agents a circuit breaker keeps from being rung, and until when: the one place rotation is
/// kept. Read from each agent's circuit after every ring, on the calls' thread.
/// </summary>
internal sealed class AgentRotation(CenterTimers clock, QueueRecorder recorder, Action route)
{
    private readonly Dictionary<Agent, Instant> _outUntil = [];

    /// <summary>True while a circuit breaker keeps <paramref name="agent"/> from being rung (asked per agent on every routing pass: nobody out is the usual case).</summary>
    public bool IsOut(Agent agent, Instant now) =>
        _outUntil.Count > 0 && _outUntil.TryGetValue(agent, out var until) && now < until;

    /// <summary>Logs an agent leaving rotation when their circuit opens (PAUSE) and rejoining when a trial ring closes it (UNPAUSE).</summary>
    public void Note(Agent agent)
    {
        var now = clock.Now;
        var paused = _outUntil.TryGetValue(agent, out var until);
        switch (agent.Circuit.CircuitState)
        {
            case CircuitState.Open when !paused || now >= until:
                _outUntil[agent] = now + RingPipelines.BreakDuration.ToDuration();
                if (recorder.Recording) recorder.Record(new QueueEvent(now, QueueEventType.Pause, "NONE", string.Empty, agent.Name, Detail: $"{RingPipelines.FailuresBeforeBreak} rings unanswered"));
                clock.After(RingPipelines.BreakDuration.ToDuration(), route);
                break;
            case CircuitState.Closed when paused:
                _outUntil.Remove(agent);
                if (recorder.Recording) recorder.Record(new QueueEvent(now, QueueEventType.Unpause, "NONE", string.Empty, agent.Name));
                break;
        }
    }
}
