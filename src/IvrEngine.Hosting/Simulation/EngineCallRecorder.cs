using IvrEngine.Calls;
using IvrEngine.Queues;
using IvrEngine.Simulation;

namespace IvrEngine.Hosting.Simulation;

/// <summary>
/// Turns the reference engine's calls into <see cref="CallRecord"/>s as they end: the session gives
/// the outcome, path and queue visit, the call centre's queue events the agent and the talk time.
/// Only a run asked for records has one (it makes the centre build its events).
/// </summary>
internal sealed class EngineCallRecorder
{
    private readonly int _week;
    private readonly Action<CallRecord> _sink;
    private readonly Dictionary<CallSession, long> _sequences = [];
    private readonly Dictionary<string, (string Agent, NodaTime.Duration? Talk)> _agents = new(StringComparer.Ordinal);

    public EngineCallRecorder(int week, CallCenter center, Action<CallRecord> sink)
    {
        _week = week;
        _sink = sink;
        center.EventRecorded += OnQueueEvent;
    }

    public void Started(CallSession call, long sequence) => _sequences[call] = sequence;

    public void Ended(CallSession call, NodaTime.Instant at)
    {
        _sequences.Remove(call, out var sequence);
        var visit = call.QueueVisits.Count > 0 ? call.QueueVisits[^1] : null;
        var reference = call.Reference.ToString();
        var answered = _agents.Remove(reference, out var agent);
        var outcome = call.Outcome!;
        _sink(new CallRecord(_week, sequence, outcome.Kind, outcome.QueueId, string.Join(CallRecord.PathSeparator, call.Path),
            visit?.Queue, visit?.JoinedAt, visit?.Waited, answered ? agent.Agent : null, answered ? agent.Talk : null,
            outcome.Kind == CallOutcomeKind.CallbackScheduled ? visit?.LeftAt : null, at));
    }

    private void OnQueueEvent(QueueEvent e)
    {
        switch (e.Type)
        {
            case QueueEventType.Connect:
                _agents[e.Reference] = (e.Agent!, null);
                break;
            case QueueEventType.CompleteAgent or QueueEventType.CompleteCaller when _agents.TryGetValue(e.Reference, out var connected):
                _agents[e.Reference] = connected with { Talk = e.Talk };
                break;
        }
    }
}
