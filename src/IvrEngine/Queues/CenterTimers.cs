using NodaTime;
using NodaTime.Extensions;

namespace IvrEngine.Queues;

/// <summary>The call centre's clock and timers: every timer's work runs on the centre's thread (its dispatch).</summary>
internal sealed class CenterTimers
{
    // One callback for every timer of the centre, its work in the timer's state: no closure per timer.
    private static readonly TimerCallback DispatchWork = static state =>
    {
        var (timers, work) = ((CenterTimers, Action))state!;
        timers.Dispatch(work);
    };

    private readonly TimeProvider _time;

    public CenterTimers(TimeProvider time, Action<Action> dispatch)
    {
        _time = time;
        Dispatch = dispatch;
    }

    /// <summary>Runs work on the centre's thread.</summary>
    public Action<Action> Dispatch { get; }

    public TimeProvider Time => _time;

    public Instant Now => _time.GetCurrentInstant();

    public ITimer After(Duration delay, Action work) =>
        _time.CreateTimer(DispatchWork, (this, work), delay.ToTimeSpan(), Timeout.InfiniteTimeSpan);

    public ITimer Every(TimeSpan period, Action work) => _time.CreateTimer(DispatchWork, (this, work), period, period);

    /// <summary>Completes once the events already due at this instant have run.</summary>
    public Task NextTurnAsync()
    {
        var turn = new TaskCompletionSource();
        After(Duration.Zero, () => turn.TrySetResult());
        return turn.Task;
    }
}
