namespace IvrEngine.Calls;

// Keyed entry of a callback number (for scheduled callbacks and virtual hold).
public sealed partial class CallSession
{
    private CallbackNumberEntry? _numberEntry;

    /// <summary>
    /// Keyed entry of the callback number starts: for a caller with no number the line can call (who hears
    /// so first), or one who asked to give another. Used by scheduled callbacks and, through the call
    /// centre, by virtual hold.
    /// </summary>
    private void StartNumberEntry(bool noCallableCallerId)
    {
        _numberEntry = new CallbackNumberEntry(_callCenter!.NumberRegion);
        Record(CallEventType.CallbackNumber, text: "keyed entry", detail: !noCallableCallerId
            ? "the caller asked to give another number"
            : CallerId is null ? "no caller ID" : $"caller ID {Callbacks.CallbackNumber.Mask(CallerId)} cannot be called back");
        if (noCallableCallerId) Speak(_menu.Messages.CallbackNoNumber);
        Speak(_menu.Messages.CallbackEnterNumber);
        ArmInputTimer(CallTrigger.NoInput, CallbackWait);
    }

    /// <summary>Virtual hold: the caller accepted the offer in the queue and gives a number on the keypad (they keep their place meanwhile).</summary>
    void Queues.IQueueCaller.EnterCallbackNumber(bool noCallableCallerId) => StartNumberEntry(noCallableCallerId);

    private void OnNumberEntryKey(char key)
    {
        Record(CallEventType.KeyPressed, text: key.ToString());
        DisarmInputTimer();
        _prompts.BargeIn(Now); // a key cuts the prompt short
        ContinueNumberEntry(_numberEntry!.Key(key));
    }

    private void OnNumberEntrySpeech(string utterance)
    {
        Record(CallEventType.SpeechHeard, text: utterance);
        DisarmInputTimer();
        _prompts.BargeIn(Now);
        ContinueNumberEntry(_numberEntry!.Speech(utterance));
    }

    private void OnNumberEntryPause()
    {
        if (_numberEntry is not null) ContinueNumberEntry(_numberEntry.Pause());
    }

    private void OnNumberEntrySilence()
    {
        if (_numberEntry is not null) ContinueNumberEntry(_numberEntry.Silence());
    }

    private void ContinueNumberEntry(NumberEntryStep step)
    {
        var entry = _numberEntry!;
        switch (step.Outcome)
        {
            case NumberEntryOutcome.Collecting:
                ArmInputTimer(CallTrigger.InterDigitTimeout, _menu.StartNode.InterDigitTimeout);
                break;
            case NumberEntryOutcome.Prompt:
                switch (step.Problem)
                {
                    case NumberEntryProblem.Invalid:
                        Record(CallEventType.CallbackNumber, text: "invalid", detail: step.Detail);
                        Speak(_menu.Messages.CallbackNumberInvalid);
                        break;
                    case NumberEntryProblem.Silence:
                        Record(CallEventType.CallbackNumber, text: "silence", detail: step.Detail);
                        Speak(_menu.Messages.NoInput);
                        break;
                    case NumberEntryProblem.NotAChoice:
                        Record(CallEventType.CallbackNumber, text: "not a choice", detail: step.Detail);
                        Speak(_menu.Messages.Invalid);
                        break;
                    case NumberEntryProblem.AskedAgain:
                        Record(CallEventType.CallbackNumber, text: "asked again", detail: step.Detail);
                        break;
                }
                if (entry.ReadingBack is { } number)
                {
                    if (step.Problem == NumberEntryProblem.None) Record(CallEventType.CallbackNumber, text: "read back", detail: Callbacks.CallbackNumber.Mask(number));
                    Speak(_menu.Messages.CallbackNumberReadBack, ("number", Callbacks.CallbackNumber.Spoken(number, _callCenter!.NumberRegion, Locale)));
                }
                else
                {
                    Speak(_menu.Messages.CallbackEnterNumber);
                }
                ArmInputTimer(CallTrigger.NoInput, CallbackWait);
                break;
            case NumberEntryOutcome.Confirmed:
                _numberEntry = null;
                Record(CallEventType.CallbackNumber, text: "confirmed", detail: Callbacks.CallbackNumber.Mask(step.Number!));
                if (_state == CallState.Queued)
                {
                    _callCenter!.CallbackNumberEntered(this, step.Number!);
                }
                else
                {
                    BookOrOfferAgain(_scheduling!, step.Number!);
                }
                break;
            default:
                _numberEntry = null;
                var gaveUp = step.Outcome == NumberEntryOutcome.GaveUp;
                Record(CallEventType.CallbackNumber, text: gaveUp ? "given up" : "cancelled", detail: gaveUp ? step.Detail : "the caller pressed star");
                if (gaveUp) Speak(_menu.Messages.CallbackNumberGiveUp);
                if (_state == CallState.Queued) _callCenter!.CallbackNumberAbandoned(this);
                else DeclineCallback(gaveUp ? "no number" : "cancelled");
                break;
        }
    }

    private void StopNumberEntry()
    {
        if (_numberEntry is null) return;
        _numberEntry = null;
        DisarmInputTimer();
    }
}
