using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Calls;

// The scheduled-callback dialogue: offered times, the number, the booking.
public sealed partial class CallSession
{
    private ScheduledCallbackChoice? _scheduling;
    private bool _menuTimeRanOutWhileOffering;

    /// <summary>
    /// When the closed queue offers callbacks (and the line keeps them), reads out its next open times
    /// to choose from. False when there is nothing to offer. The number comes after the time: the
    /// caller ID read back, or keyed in when there is none that can be called.
    /// </summary>
    private bool OfferScheduledCallback(string queueId, Hours.HoursRule hours, string reason)
    {
        if (_callCenter?.Callbacks is null || _menu.Queues[queueId].Callback is not { WhenClosed: true } offer) return false;
        var number = CallableCallerId();
        var slots = SlotsFor(hours.ScheduleId, number);
        if (slots.Count == 0) return false;
        OfferSlots(new ScheduledCallbackChoice(queueId, hours, reason, number, offer.ExpiresAfter, _hours[hours.ScheduleId].Zone, CalleeZoneOf(number), slots), _menu.Messages.CallbackSlots);
        return true;
    }

    /// <summary>
    /// A menu option books a callback (<c>"callback": QUEUE</c>): the queue's next open times, whether it
    /// is open now or not. Declining, or a line that keeps no callbacks, returns to the option's node.
    /// </summary>
    private void OfferCallbackOnRequest(string queueId, string reason)
    {
        var node = CurrentNode;
        var queue = _menu.Queues[queueId];
        var number = _callCenter is null ? null : CallableCallerId();
        var slots = _callCenter?.Callbacks is null || queue.Hours is null ? [] : SlotsFor(queue.Hours.ScheduleId, number);
        if (slots.Count == 0)
        {
            Record(CallEventType.InputIgnored, text: "callback", detail: _callCenter?.Callbacks is null
                ? "not offered: this line keeps no callbacks"
                : _hours.OpenIntervals(queue.Hours!.ScheduleId, Now, Now + Callbacks.CallbackSlots.Horizon).Count == 0
                    ? $"not offered: queue {queueId} has no open time in the next {Callbacks.CallbackSlots.Horizon.Days} days"
                    : $"not offered: queue {queueId} has no open time in the next {Callbacks.CallbackSlots.Horizon.Days} days inside the calling window ({_callCenter.CallingWindow}) in {CalleeZoneOf(number).Id}");
            Speak(_menu.Messages.CallbackUnavailable);
            Fire(static m => m.EnterNode, new NodeEntry(node, NodeEntryKind.Repeat));
            return;
        }

        var choice = new ScheduledCallbackChoice(queueId, queue.Hours!, reason, number, queue.Callback?.ExpiresAfter ?? Callbacks.CallbackOffer.DefaultExpiry,
            _hours[queue.Hours!.ScheduleId].Zone, CalleeZoneOf(number), slots) { ReturnTo = node };
        OfferSlots(choice, _menu.Messages.CallbackSlotsOnRequest);
    }

    /// <summary>
    /// The times <paramref name="number"/> may be called back in the schedule: inside its open hours and the
    /// calling window in the callee's zone (the line's, while the number is not known yet), as the dialer keeps them.
    /// </summary>
    private IReadOnlyList<Instant> SlotsFor(string scheduleId, string? number) =>
        Callbacks.CallbackSlots.Next(_hours, scheduleId, Now, _callCenter!.CallingWindow, CalleeZoneOf(number));

    /// <summary>The zone <paramref name="number"/> is called in (the line's for no number): the dialer's rule.</summary>
    private DateTimeZone CalleeZoneOf(string? number) => number is null ? _menu.TimeZone : Callbacks.CalleeZone.Of(number, _menu.TimeZone);

    /// <summary>A callback time as the caller hears it: in the line's zone, and in the callee's when their clock reads otherwise.</summary>
    private string SlotPhrase(ScheduledCallbackChoice choice, Instant slot, string locale) =>
        Hours.OpeningPhrase.Format(slot, Now, choice.Zone, choice.CalleeZone, locale);

    /// <summary>Reads out the times to choose from and waits for a key.</summary>
    private void OfferSlots(ScheduledCallbackChoice choice, LocalizedText message)
    {
        _scheduling = choice;
        _numberEntry = null;
        var choices = choice.Slots.Select((slot, i) => (Key: i + 1, When: SlotPhrase(choice, slot, Locale))).ToList();
        Speak(message, ("slots", Locales.LocaleGrammars.For(Locale).SlotChoices(choices)));
        if (_state != CallState.OfferingCallback) Fire(CallTrigger.OfferCallback);
        ArmInputTimer(CallTrigger.NoInput, CallbackWait);
    }

    /// <summary>The caller ID in E.164 when it is a number the line can call back; else null (the caller keys one in).</summary>
    private string? CallableCallerId() =>
        Callbacks.CallbackNumber.TryNormalize(CallerId, _callCenter!.NumberRegion, out var number, out _) ? number : null;

    /// <summary>How long the line waits for an answer in the callback dialogue: the menu's no-input time.</summary>
    private Duration CallbackWait => _menu.StartNode.NoInput.Timeout;

    private void OnCallbackChoice(char key)
    {
        if (_numberEntry is not null)
        {
            OnNumberEntryKey(key);
            return;
        }

        var choice = _scheduling!;
        Record(CallEventType.KeyPressed, text: key.ToString());
        DisarmInputTimer();
        _prompts.BargeIn(Now);
        if (choice.Chosen is null && key is >= '1' and <= '9' && key - '1' < choice.Slots.Count)
        {
            _scheduling = choice = choice with { Chosen = key - '1' };
            if (choice.Number is { } number)
            {
                Speak(_menu.Messages.CallbackConfirmScheduled,
                    ("number", Callbacks.CallbackNumber.Spoken(number, _callCenter!.NumberRegion, Locale)),
                    ("slot", SlotPhrase(choice, choice.Slots[key - '1'], Locale)));
                ArmInputTimer(CallTrigger.NoInput, CallbackWait);
            }
            else
            {
                StartNumberEntry(noCallableCallerId: true);
            }
        }
        else if (choice is { Chosen: { } chosen, Number: not null } && Callbacks.CallbackBooking.Read(key) == Callbacks.ConfirmationKey.Confirm)
        {
            BookScheduledCallback(choice, choice.Slots[chosen]);
        }
        else if (choice is { Chosen: not null, Number: not null } && Callbacks.CallbackBooking.Read(key) == Callbacks.ConfirmationKey.AnotherNumber)
        {
            StartNumberEntry(noCallableCallerId: false);
        }
        else
        {
            // Cancel (2), or any key that is not an answer: no callback.
            DeclineCallback($"key {key}");
        }
    }

    private void OnCallbackSpeech(string utterance)
    {
        if (_numberEntry is not null)
        {
            OnNumberEntrySpeech(utterance);
            return;
        }
        Record(CallEventType.SpeechHeard, text: utterance);
        DeclineCallback("speech");
    }

    private void OnCallbackSilence()
    {
        if (_numberEntry is not null) OnNumberEntrySilence();
        else DeclineCallback("no choice");
    }

    /// <summary>Stores the callback, then tells the caller: the promise is made only once it is on disk.</summary>
    private void BookScheduledCallback(ScheduledCallbackChoice choice, Instant slot)
    {
        var booking = Callbacks.CallbackBooking.Store(_callCenter!.Callbacks!, Reference, reference => new Callbacks.CallbackRequest(
            reference, choice.QueueId, choice.Number!, Callbacks.CallbackKind.Scheduled, Locale, Now, slot, slot + choice.ExpiresAfter, Line: _menu.Name));
        if (booking.Stored is not { } stored)
        {
            // Nothing is promised that is not stored: the caller is told, and the line goes on as if it were declined.
            Record(CallEventType.InputIgnored, text: "callback", detail: booking.Failure);
            Speak(_menu.Messages.CallbackUnavailable);
            LeaveCallbackOffer(choice);
            return;
        }
        // An existing booking may be for another number than the one just given: its time is said for its own callee.
        var booked = choice with { CalleeZone = CalleeZoneOf(stored.PhoneNumber) };
        var when = SlotPhrase(booked, stored.DueAt, Locale);
        // A number that already had a callback pending keeps that one: told again, and logged as existing, not as a booking.
        Record(booking.IsNew ? CallEventType.CallbackBooked : CallEventType.CallbackExisting, text: stored.Reference.ToString(),
            detail: $"{SlotPhrase(booked, stored.DueAt, "en-US")}, {Callbacks.CallbackNumber.Mask(stored.PhoneNumber)}");
        Speak(booking.IsNew ? _menu.Messages.CallbackBookedScheduled : _menu.Messages.CallbackAlreadyBooked,
            ("slot", when), ("reference", stored.Reference.ToString()));
        Fire(static m => m.End, new CallOutcome(CallOutcomeKind.CallbackScheduled, choice.QueueId,
            $"{(booking.IsNew ? "callback" : "existing callback")} {stored.Reference} {SlotPhrase(booked, stored.DueAt, "en-US")}"));
    }

    /// <summary>
    /// The caller keyed in the number to call: the chosen time is booked when it can be kept for that
    /// number (the calling window is open there then); else the times that number can be called are
    /// offered again, and the caller picks one of them.
    /// </summary>
    private void BookOrOfferAgain(ScheduledCallbackChoice choice, string number)
    {
        var calleeZone = CalleeZoneOf(number);
        var slot = choice.Slots[choice.Chosen!.Value];
        choice = choice with { Number = number, CalleeZone = calleeZone };
        if (Callbacks.CallbackSlots.Callable(slot, _callCenter!.CallingWindow, calleeZone))
        {
            _scheduling = choice;
            BookScheduledCallback(choice, slot);
            return;
        }
        var slots = SlotsFor(choice.Hours.ScheduleId, number);
        Record(CallEventType.InputIgnored, text: "callback", detail: $"{Hours.OpeningPhrase.Format(slot, Now, choice.Zone, calleeZone, "en-US")} is outside the calling window ({_callCenter.CallingWindow}) in {calleeZone.Id}"
            + (slots.Count == 0 ? $"; no time in the next {Callbacks.CallbackSlots.Horizon.Days} days" : "; offered again"));
        if (slots.Count == 0)
        {
            _scheduling = choice;
            Speak(_menu.Messages.CallbackUnavailable);
            LeaveCallbackOffer(choice);
            return;
        }
        OfferSlots(choice with { Slots = slots, Chosen = null }, _menu.Messages.CallbackSlotsForNumber);
    }

    private void DeclineCallback(string why)
    {
        var choice = _scheduling!;
        Record(CallEventType.InputIgnored, text: "callback offer", detail: $"declined ({why})");
        LeaveCallbackOffer(choice);
    }

    /// <summary>No callback after all: a closed queue does its whenClosed; an option's offer goes back to its node.</summary>
    private void LeaveCallbackOffer(ScheduledCallbackChoice choice)
    {
        _numberEntry = null;
        if (choice.ReturnTo is not { } node)
        {
            CloseFor(choice.Hours, choice.QueueId, choice.Reason);
        }
        else if (_menuTimeRanOutWhileOffering && _state == CallState.OfferingCallback)
        {
            // The call's time in the menus ran out while the caller was choosing: it applies now they are back.
            _menuTimeRanOutWhileOffering = false;
            ExceedBudget("time in the menus");
        }
        else
        {
            Fire(static m => m.EnterNode, new NodeEntry(node, NodeEntryKind.Repeat));
        }
    }
}
