using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Hours;
using NodaTime;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// Scheduled callbacks, step for step as CallSession's callback dialogue and SimulatedCaller: a closed
/// queue that offers callbacks, and a menu option that books one, read out the queue's next times
/// (<see cref="CallbackSlots"/>, for the callers' one zone). The caller's one draw decides: they take
/// the first time and confirm the caller ID read back (1, then 1), or hang up. The booking ends the
/// call; the callback waits in the store for the dialer's first poll at or after the time chosen, and
/// from there is dialed and put through as a virtual-hold callback whose place was released
/// (KernelWeek.Callbacks). No time to offer: a closed queue does its whenClosed, an option says so and
/// repeats its node.
/// </summary>
internal sealed partial class KernelWeek
{
    private readonly BusinessHours _businessHours;

    // Per schedule, the first time offered as last worked out, and what it holds for: while open, the same search
    // start (a half hour on the clock); while closed, the same closed stretch (it is the stretch's first callable slot).
    private readonly (bool Open, long Key, long Until, Instant First)?[] _firstOffered;

    /// <summary>CallSession.OfferCallbackOnRequest: the queue's next times, open now or not; none, and the node is said again.</summary>
    private void OfferTimesOnRequest(int slot, int queue)
    {
        if (FirstTimeOffered(queue) is not { } first)
        {
            // The "not available" message, then the node again (a repeat: counted by the loop guard).
            Speak(slot);
            Present(slot, _calls[slot].Node, NodeEntryKind.Repeat);
            return;
        }
        OfferTimes(slot, queue, first);
    }

    /// <summary>CallSession.OfferScheduledCallback: a closed queue that offers callbacks reads out its next times; false when it does not, or has none.</summary>
    private bool OfferTimesWhenClosed(int slot, int queue)
    {
        if (!_line.QueueOffersWhenClosed[queue] || FirstTimeOffered(queue) is not { } first) return false;
        OfferTimes(slot, queue, first);
        return true;
    }

    /// <summary>
    /// The first of the times CallbackSlots.Next offers now for the queue's schedule, or null for none. Worked out
    /// once per search start while open and once per closed stretch, as the same answer holds for each; none
    /// found is not kept (the seven days' horizon moves on).
    /// </summary>
    private Instant? FirstTimeOffered(int queue)
    {
        var schedule = _line.QueueHours[queue];
        if (schedule < 0) return null;
        var now = Now;
        var open = _hours!.IsOpen(schedule, _now, now);
        var key = open ? Ticks(CallbackSlots.FirstWhileOpen(now, _businessHours[_line.ScheduleIds[schedule]].Zone)) : 0;
        if (_firstOffered[schedule] is { } kept && kept.Open == open && (open ? kept.Key == key : _now < kept.Until)) return kept.First;
        var times = CallbackSlots.Next(_businessHours, _line.ScheduleIds[schedule], now, CallingWindow.Default, _line.CallerZone);
        if (times.Count == 0) return null;
        _firstOffered[schedule] = (open, key, _hours.ChangesAt(schedule), times[0]);
        return times[0];
    }

    /// <summary>CallSession.OfferSlots: the times are read out, the call waits for a key, and the caller acts after thinking.</summary>
    private void OfferTimes(int slot, int queue, Instant first)
    {
        if (_calls[slot].Callee)
        {
            // A callee sent on from their leg to a closed queue: the offer would wait out its silence with nobody there.
            HandBack("a callback's leg was sent on to a closed queue that offers times");
            return;
        }
        if (!_line.CallersCallable)
        {
            // Keyed entry of a number is not modelled; the simulated callers' numbers never need it.
            HandBack("a caller without a callable caller ID was offered callback times");
            return;
        }
        ref var call = ref _calls[slot];
        // The offer's own wait replaces the node's; it is longer than the callers think (KernelSupport), so it never runs out.
        _events.Cancel(ref call.InputTimer);
        call.State = KernelCallState.OfferingCallback;
        call.OfferQueue = queue;
        call.DueAt = first;
        call.Callback = KernelCallbackStep.Offered;
        Speak(slot);
    }

    /// <summary>SimulatedCaller.Act while times are offered: one draw to decide; then 1 picks the first time, and 1 confirms the number read back.</summary>
    private void AnswerTimesOffered(int slot)
    {
        if (!TakesCallback(slot)) End(slot, CallOutcomeKind.CallerHungUp, -1);
        else if (!ReadsBack(slot)) BookTime(slot);
    }

    /// <summary>
    /// CallSession.BookScheduledCallback: stored, then told; the call ends with the callback scheduled. From here
    /// the slot is the callback in its queue, due at the time chosen and given up after the queue's expiry.
    /// </summary>
    private void BookTime(int slot)
    {
        ref var call = ref _calls[slot];
        var queue = call.OfferQueue;
        if (NumberHasCallback(slot, queue)) return;
        _events.Cancel(ref call.ActTimer);
        _events.Cancel(ref call.MenuTimer);
        call.Outcome = CallOutcomeKind.CallbackScheduled;
        call.OutcomeQueue = queue;
        call.BookedAt = _now;
        call.ExpiresAt = Ticks(call.DueAt + _line.QueueCallbackExpiry[queue]);
        call.Order = _bookings++;
        if (call.Queue < 0) _figures.EndedInMenus++;
        if (_onRecord is not null) Record(slot);
        call.State = KernelCallState.Callback;
        call.Queue = queue;
        call.Waiting = false;
        call.CallingBack = false;
        ClaimAtPoll(slot, DueAfterBooking(call.DueAt), _postponed);
    }
}
