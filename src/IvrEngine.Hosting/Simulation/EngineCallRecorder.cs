using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Queues;
using IvrEngine.Simulation;

namespace IvrEngine.Hosting.Simulation;

/// <summary>
/// Turns the reference engine's calls into <see cref="CallRecord"/>s as they end: the session gives
/// the outcome, path and queue visit, the call centre's queue events the agent and the talk time.
/// Only a run asked for records has one (it makes the centre build its events). A callback's due
/// time is read from the store when the session says it is booked: what the caller was promised.
/// </summary>
internal sealed class EngineCallRecorder
{
    private readonly int _week;
    private readonly Action<CallRecord> _sink;
    private readonly ICallbackStore _callbacks;
    private readonly Dictionary<CallSession, long> _sequences = [];
    private readonly Dictionary<CallSession, NodaTime.Instant> _promised = [];
    private readonly Dictionary<string, (string Agent, NodaTime.Duration? Talk)> _agents = new(StringComparer.Ordinal);

    public EngineCallRecorder(int week, CallCenter center, ICallbackStore callbacks, Action<CallRecord> sink)
    {
        _week = week;
        _callbacks = callbacks;
        _sink = sink;
        center.EventRecorded += OnQueueEvent;
    }

    public void Started(CallSession call, long sequence)
    {
        _sequences[call] = sequence;
        call.EventRecorded += e =>
        {
            // Simulated calls are quiet (their events carry no text): a new callback keeps the call's reference.
            if (e.Type is CallEventType.CallbackBooked && _callbacks.Find(call.Reference) is { } booked) _promised[call] = booked.DueAt;
        };
    }

    public void Ended(CallSession call, NodaTime.Instant at)
    {
        _sequences.Remove(call, out var sequence);
        var visit = call.QueueVisits.Count > 0 ? call.QueueVisits[^1] : null;
        var reference = call.Reference.ToString();
        var answered = _agents.Remove(reference, out var agent);
        var outcome = call.Outcome!;
        var booked = outcome.Kind == CallOutcomeKind.CallbackScheduled;
        NodaTime.Instant? due = _promised.Remove(call, out var promised) ? promised : null;
        _sink(new CallRecord(_week, sequence, outcome.Kind, outcome.QueueId, string.Join(CallRecord.PathSeparator, call.Path),
            visit?.Queue, visit?.JoinedAt, visit?.Waited, answered ? agent.Agent : null, answered ? agent.Talk : null,
            booked ? at : null, booked ? due : null, at));
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
