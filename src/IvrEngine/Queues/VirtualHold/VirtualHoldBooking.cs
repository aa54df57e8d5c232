using IvrEngine.Callbacks;
using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Queues.VirtualHold;

/// <summary>
/// Books a virtual-hold callback, store-then-tell (<see cref="CallbackBooking"/>). The caller's entry stays in line, holding their place, until that place comes up.
/// </summary>
internal sealed class VirtualHoldBooking(Menu menu, WaitingLines lines, WaitEstimate estimate, QueueRecorder recorder, CenterTimers clock,
    ICallbackStore? callbacks, CallingWindow callingWindow, Action route)
{
    public void Book(QueuedCall entry)
    {
        var now = clock.Now;
        var offer = entry.Queue.Definition.Callback!;
        var position = entry.Queue.PositionOf(entry);
        var wait = estimate.For(entry.Queue, position) ?? offer.WhenWaitOver ?? Duration.Zero;
        if (!CallableUntilTurn(entry.CallbackNumber!, wait))
        {
            // A keyed-in number in another zone may be outside its calling window before the turn comes: no promise the dialer could not keep.
            entry.Callback = CallbackStep.Declined;
            entry.Call.HearInQueue(menu.Messages.CallbackUnavailable);
            return;
        }
        var booking = CallbackBooking.Store(callbacks!, entry.Call.Reference, reference => new CallbackRequest(reference, entry.Queue.Id, entry.CallbackNumber!, CallbackKind.VirtualHold,
            entry.Call.Locale, now, now + wait, now + offer.ExpiresAfter, Line: menu.Name, JoinedAt: entry.JoinedAt));
        if (booking.Stored is not { } stored)
        {
            // Nothing is promised that is not stored: the caller is told and keeps waiting; the failure is in the log and the transcript.
            entry.Callback = CallbackStep.Declined;
            if (recorder.Recording) recorder.Record(new QueueEvent(now, QueueEventType.CallbackNotBooked, entry.Queue.Id, entry.Call.Reference.ToString(), Position: position, Detail: booking.Failure));
            entry.Call.CallbackNotBooked(booking.Failure!);
            entry.Call.HearInQueue(menu.Messages.CallbackUnavailable);
            return;
        }
        if (!booking.IsNew)
        {
            // The same number already has a callback pending in this queue: one promise, one reference.
            entry.Call.HearInQueue(menu.Messages.CallbackAlreadyBooked,
                ("slot", Hours.OpeningPhrase.Format(stored.DueAt, now, menu.TimeZone, entry.Call.Locale)), ("reference", stored.Reference.ToString()));
            if (recorder.Recording) recorder.Record(new QueueEvent(now, QueueEventType.ExitWithKey, entry.Queue.Id, entry.Call.Reference.ToString(), Position: position,
                OriginalPosition: entry.OriginalPosition, Wait: now - entry.JoinedAt, Detail: $"existing callback {stored.Reference} to {CallbackNumber.Mask(stored.PhoneNumber)} kept, nothing new booked"));
            lines.Remove(entry);
            entry.Queue.Metrics.CallbackAccepted(now - entry.JoinedAt);
            entry.Call.CallbackBooked(stored.Reference, keptPlace: null);
            route();
            return;
        }

        entry.Queue.Metrics.CallbackAccepted(now - entry.JoinedAt);
        if (recorder.Recording) recorder.Record(new QueueEvent(now, QueueEventType.ExitWithKey, entry.Queue.Id, entry.Call.Reference.ToString(), Position: position,
            OriginalPosition: entry.OriginalPosition, Wait: now - entry.JoinedAt, Detail: $"callback to {CallbackNumber.Mask(stored.PhoneNumber)}, place kept"));
        entry.Call.HearInQueue(menu.Messages.CallbackBooked);
        lines.KeepPlace(entry);
        entry.VirtualHold = stored;
        entry.Call.CallbackBooked(stored.Reference, position);
        route();
    }

    /// <summary>
    /// Whether <paramref name="number"/> may be called from now until <paramref name="wait"/> has passed: the
    /// calling window is open all that time in the callee's zone (the line's for no number yet), by the rule the dialer keeps.
    /// </summary>
    public bool CallableUntilTurn(string? number, Duration wait)
    {
        var now = clock.Now;
        var zone = number is null ? menu.TimeZone : CalleeZone.Of(number, menu.TimeZone);
        if (wait <= Duration.Zero) return callingWindow.IsOpenAt(now, zone);
        return callingWindow.Intervals(now, now + wait, zone) is [var open] && open.Start == now && open.End == now + wait;
    }
}
