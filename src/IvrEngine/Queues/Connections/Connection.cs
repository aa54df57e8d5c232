using NodaTime;

namespace IvrEngine.Queues.Connections;

/// <summary>A caller talking to an agent.</summary>
internal sealed class Connection(IQueueCaller call, LiveQueue queue, Agent agent, Instant since, Duration waited, int originalPosition)
{
    public IQueueCaller Call { get; } = call;

    public LiveQueue Queue { get; } = queue;

    public Agent Agent { get; } = agent;

    public Instant Since { get; } = since;

    public Duration Waited { get; } = waited;

    public int OriginalPosition { get; } = originalPosition;

    /// <summary>The agent's talk; disposed when the caller leaves first.</summary>
    public IDisposable Talk { get; set; } = null!;
}
