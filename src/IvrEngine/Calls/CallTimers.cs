using NodaTime;

namespace IvrEngine.Calls;

/// <summary>
/// A call's two timers: the input timer (no input, the pause between keys), re-armed at every prompt
/// and key, and the limit on its time in the menus. Each fires its trigger on the call's thread; an
/// input timer replaced while its callback waited for that thread is stale and does nothing.
/// </summary>
internal sealed class CallTimers(TimeProvider time, Action<Action> dispatch, Action<CallTrigger> fire)
{
    private readonly Action<Action> _dispatch = dispatch;
    private ITimer? _input;
    private ITimer? _menuTimeLimit;
    private long _generation;

    public void StartMenuTimeLimit(Duration limit) =>
        _menuTimeLimit = time.CreateTimer(_ => _dispatch(() => Fire(CallTrigger.MenuTimeLimit)), null, limit.ToTimeSpan(), Timeout.InfiniteTimeSpan);

    /// <summary>The caller has left the menus (or the call ended): their time budget no longer runs.</summary>
    public void StopMenuTimeLimit()
    {
        _menuTimeLimit?.Dispose();
        _menuTimeLimit = null;
    }

    /// <summary>Fires <paramref name="trigger"/> after <paramref name="after"/>, replacing any input timer armed before.</summary>
    public void Arm(CallTrigger trigger, Duration after)
    {
        Disarm();
        _input = time.CreateTimer(InputTimeout.Due, new InputTimeout(this, _generation, trigger), after.ToTimeSpan(), Timeout.InfiniteTimeSpan);
    }

    public void Disarm()
    {
        _generation++;
        _input?.Dispose();
        _input = null;
    }

    private void Fire(CallTrigger trigger)
    {
        if (trigger != CallTrigger.MenuTimeLimit) _input = null;
        fire(trigger);
    }

    /// <summary>One arming of the input timer, stale once the call re-arms or disarms it.</summary>
    private sealed class InputTimeout(CallTimers timers, long generation, CallTrigger trigger)
    {
        public static readonly TimerCallback Due = static state => ((InputTimeout)state!).OnDue();

        private void OnDue() => timers._dispatch(Fire);

        private void Fire()
        {
            // A timer that was replaced while its callback waited for the call's thread is stale.
            if (generation == timers._generation) timers.Fire(trigger);
        }
    }
}
