namespace IvrEngine.Queues;

/// <summary>Where queue events go: the centre's <see cref="QueueLog"/> and whoever listens.</summary>
internal sealed class QueueRecorder(QueueLog log)
{
    public event Action<QueueEvent>? Recorded;

    public QueueLog Log { get; } = log;

    /// <summary>Whether anyone takes queue events: when nobody does (a simulation), they are not even built.</summary>
    public bool Recording => Log.Keeps || Recorded is not null;

    public void Record(QueueEvent queueEvent)
    {
        Log.Add(queueEvent);
        Recorded?.Invoke(queueEvent);
    }
}
