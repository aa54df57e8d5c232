using Stateless;

namespace IvrEngine.Calls;

// Firing triggers, giving the machine back when the call ends, and ending a call the engine failed inside.
public sealed partial class CallSession
{
    // The configured state machine this call runs on, rented for the call's life (null once it has ended).
    private CallMachine? _shell;
    private int _firing;

    /// <summary>Fires <paramref name="trigger"/> on the call's machine; once the call has ended (its machine given back), as the Ended state would: ignored or noted.</summary>
    private void Fire(CallTrigger trigger)
    {
        if (_shell is not { } shell)
        {
            AfterEnd(trigger);
            return;
        }
        Run(shell, static (machine, trigger) => machine.Machine.Fire(trigger), trigger);
    }

    private void Fire<T>(Func<CallMachine, StateMachine<CallState, CallTrigger>.TriggerWithParameters<T>> trigger, T argument)
    {
        if (_shell is not { } shell)
        {
            AfterEnd(trigger(CallMachine.Shape).Trigger);
            return;
        }
        // A static lambda and the pair as its state: no closure per key press on the hot path.
        Run(shell, static (machine, fire) => machine.Machine.Fire(fire.trigger(machine), fire.argument), (trigger, argument));
    }

    /// <summary>Runs a firing; when the outermost one leaves the call ended, its machine goes back to the pool for the next call.</summary>
    private void Run<T>(CallMachine shell, Action<CallMachine, T> fire, T argument)
    {
        _firing++;
        try
        {
            fire(shell, argument);
        }
        catch (Exception exception)
        {
            // A machine that threw mid-firing may hold queued triggers: never reuse it.
            _firing--;
            _shell = null;
            if (_firing > 0 || exception is OutOfMemoryException) throw;
            // A fault ends this call only: its owner runs other calls on the same thread and clock.
            EndAfterFault(exception);
        }
        if (--_firing == 0 && _state == CallState.Ended && ReferenceEquals(_shell, shell))
        {
            _shell = null;
            shell.Return();
        }
    }

    /// <summary>
    /// The engine failed inside this call (a bug, or a subscriber that threw): the call ends with a
    /// <see cref="CallOutcomeKind.Faulted"/> outcome, leaves its queue, and its owner hears of it through
    /// <see cref="Faulted"/> — nothing reaches the caller's input or the other calls as an exception.
    /// </summary>
    private void EndAfterFault(Exception exception)
    {
        _state = CallState.Ended;
        _numberEntry = null;
        DisarmInputTimer();
        _timers.StopMenuTimeLimit();
        Fault = exception;
        Outcome = new CallOutcome(CallOutcomeKind.Faulted, null, $"at {_navigation.Node?.Id ?? "the greeting"}: {exception.GetType().Name}: {exception.Message}");
        Faulted?.Invoke(this, exception);
        try
        {
            _callCenter?.CallerHungUp(this);
            Record(CallEventType.CallEnded, text: $"{Outcome}", detail: $"reference {Reference}");
        }
        catch (Exception tidying) when (tidying is not OutOfMemoryException)
        {
            // The call has ended and its fault is reported; a second failure while leaving the queue or
            // telling listeners cannot make it worse for the caller, and must not reach the other calls.
        }
    }

    /// <summary>What the Ended state does with a trigger: timers are ignored, anything else is noted.</summary>
    private void AfterEnd(CallTrigger trigger)
    {
        if (trigger is CallTrigger.MenuTimeLimit or CallTrigger.NoInput or CallTrigger.InterDigitTimeout) return;
        Record(CallEventType.InputIgnored, text: DescribeIgnored(trigger), detail: "the call has ended");
    }

    private void Finish(CallOutcome outcome)
    {
        _numberEntry = null;
        DisarmInputTimer();
        _timers.StopMenuTimeLimit();
        Outcome = outcome;
        Record(CallEventType.CallEnded, text: $"{outcome}", detail: $"reference {Reference}");
    }

    private void CallerHungUp(StateMachine<CallState, CallTrigger>.Transition transition)
    {
        _callCenter?.CallerHungUp(this);
        var visit = _visits.Count > 0 ? _visits[^1] : null;
        var outcome = transition.Source switch
        {
            CallState.Queued => new CallOutcome(CallOutcomeKind.AbandonedInQueue, visit?.Queue, $"after {Time.ElapsedText.Short(Now - visit!.JoinedAt)}"),
            CallState.WithAgent => new CallOutcome(CallOutcomeKind.CallerHungUp, visit?.Queue, $"talking to {_agent}"),
            _ => new CallOutcome(CallOutcomeKind.CallerHungUp, null, $"at {_navigation.Node?.Id ?? "the greeting"}"),
        };
        Finish(outcome);
    }
}
