namespace IvrEngine.Cluster;

/// <summary>
/// The silo that serves the line, as this silo last heard it from the <see cref="ILineGrain"/>:
/// written by the <see cref="LineOwnerWatch"/>, read by every forwarded request.
/// </summary>
public sealed class LineRoute
{
    private LineOwner? _owner;
    private TaskCompletionSource _askAgain = NewSignal();

    /// <summary>The owner last heard of, or null while none is known (the cluster is starting, or the owner just died).</summary>
    public LineOwner? Owner => Volatile.Read(ref _owner);

    /// <summary>Completes when a request found the owner gone; the watch then asks at once instead of at its next tick.</summary>
    internal Task AskAgainRequested => Volatile.Read(ref _askAgain).Task;

    internal void Heard(LineOwner? owner)
    {
        Volatile.Write(ref _owner, owner);
        if (Volatile.Read(ref _askAgain).Task.IsCompleted) Volatile.Write(ref _askAgain, NewSignal());
    }

    /// <summary>A forward to <paramref name="owner"/> failed: forget it and ask again.</summary>
    internal void Failed(LineOwner owner)
    {
        if (ReferenceEquals(Interlocked.CompareExchange(ref _owner, null, owner), owner)) Volatile.Read(ref _askAgain).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
