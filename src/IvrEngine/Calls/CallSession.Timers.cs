using NodaTime;

namespace IvrEngine.Calls;

// Arming the input timer (CallTimers) where the call is: silence is counted from the end of what the line is saying.
public sealed partial class CallSession
{
    private void ArmInputTimer(CallTrigger trigger, Duration after)
    {
        // Silence is counted from the end of what the line is saying, not from its start.
        if (trigger == CallTrigger.NoInput) after += _prompts.StillTalking(Now);
        _timers.Arm(trigger, after);
    }

    private void DisarmInputTimer() => _timers.Disarm();
}
