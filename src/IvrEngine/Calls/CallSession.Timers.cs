using NodaTime;

namespace IvrEngine.Calls;

// The input timer (no input, the pause between keys) and the menu time limit.
public sealed partial class CallSession
{
    private ITimer? _inputTimer;

    private ITimer? _menuTimeLimit;

    private long _timerGeneration;

    private void ArmInputTimer(Trigger trigger, Duration after)
    {
        DisarmInputTimer();
        // Silence is counted from the end of what the line is saying, not from its start.
        if (trigger == Trigger.NoInput && _promptsEndAt > Now) after += _promptsEndAt - Now;
        _inputTimer = _time.CreateTimer(InputTimeout.Due, new InputTimeout(this, _timerGeneration, trigger), after.ToTimeSpan(), Timeout.InfiniteTimeSpan);
    }

    /// <summary>One arming of the input timer, stale once the call re-arms or disarms it.</summary>
    private sealed class InputTimeout(CallSession call, long generation, Trigger trigger)
    {
        public static readonly TimerCallback Due = static state => ((InputTimeout)state!).OnDue();

        private void OnDue() => call._dispatch(Fire);

        private void Fire()
        {
            // A timer that was replaced while its callback waited for the call's thread is stale.
            if (generation == call._timerGeneration) call.FireTimer(trigger);
        }
    }

    private void DisarmInputTimer()
    {
        _timerGeneration++;
        _inputTimer?.Dispose();
        _inputTimer = null;
    }

    private void FireTimer(Trigger trigger)
    {
        if (trigger != Trigger.MenuTimeLimit) _inputTimer = null;
        Fire(trigger);
    }
}
