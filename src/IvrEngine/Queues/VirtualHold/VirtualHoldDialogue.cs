using IvrEngine.Callbacks;
using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Queues.VirtualHold;

/// <summary>
/// Virtual hold, as the waiting caller hears it: the offer of a callback when the wait is long, then
/// "1 to confirm the number, 2 to keep waiting, 3 for another number" (or keyed entry when the caller
/// ID cannot be called), and the booking once a number is settled.
/// </summary>
internal sealed class VirtualHoldDialogue(Menu menu, WaitingLines lines, VirtualHoldBooking booking, CenterTimers clock, ICallbackStore? callbacks, string numberRegion)
{
    /// <summary>
    /// True while <paramref name="call"/> waits in a queue with a callback question open (the offer, or
    /// a question after accepting it): what a simulated caller answers.
    /// </summary>
    public bool AwaitsAnswer(IQueueCaller call) =>
        lines.TryGet(call, out var entry) && entry.Callback is not (CallbackStep.None or CallbackStep.Declined);

    /// <summary>
    /// After the position and wait: the offer, made only when the wait is known to be long (an unknown
    /// wait is not a reason) and the callee could be called when their turn comes (inside the calling window there).
    /// </summary>
    public void OfferIfLong(QueuedCall entry, Duration? wait)
    {
        if (callbacks is not null && entry.Queue.Definition.Callback is { WhenWaitOver: { } threshold } && wait is { } expectedWait && expectedWait > threshold && !entry.Ahead
            && entry.Callback is CallbackStep.None or CallbackStep.Offered
            && booking.CallableUntilTurn(CallbackNumber.TryNormalize(entry.Call.CallerId, numberRegion, out var callerId, out _) ? callerId : null, expectedWait))
        {
            if (entry.Callback == CallbackStep.None) entry.Queue.Metrics.CallbackOffered(clock.Now - entry.JoinedAt);
            entry.Callback = CallbackStep.Offered;
            entry.Call.HearInQueue(menu.Messages.CallbackOffer);
        }
    }

    /// <summary>A key pressed while waiting: the answer to the callback offer. False when no choice was offered.</summary>
    public bool CallerPressed(IQueueCaller call, char key)
    {
        if (!lines.TryGet(call, out var entry)) return false;
        switch (entry.Callback, key)
        {
            case (CallbackStep.Offered, '1'):
                if (CallbackNumber.TryNormalize(call.CallerId, numberRegion, out var number, out _))
                {
                    entry.CallbackNumber = number;
                    entry.Callback = CallbackStep.Confirming;
                    call.HearInQueue(menu.Messages.CallbackConfirm, ("number", CallbackNumber.Spoken(number, numberRegion, call.Locale)));
                }
                else
                {
                    // No caller ID we can call: the caller keys a number in, keeping their place meanwhile.
                    entry.Callback = CallbackStep.EnteringNumber;
                    call.EnterCallbackNumber(noCallableCallerId: true);
                }
                return true;
            case (CallbackStep.Confirming, _):
                return Confirm(entry, CallbackBooking.Read(key));
            default:
                return false;
        }
    }

    /// <summary>The answer to the number read back: book, keep waiting, or key in another. False for a key that is not an answer.</summary>
    private bool Confirm(QueuedCall entry, ConfirmationKey answer)
    {
        switch (answer)
        {
            case ConfirmationKey.Confirm:
                booking.Book(entry);
                return true;
            case ConfirmationKey.Cancel:
                entry.Callback = CallbackStep.Declined;
                entry.Call.HearHoldMusic(entry.Queue.Definition.Announcements.MusicClass);
                return true;
            case ConfirmationKey.AnotherNumber:
                entry.Callback = CallbackStep.EnteringNumber;
                entry.Call.EnterCallbackNumber(noCallableCallerId: false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The caller keyed in a number and confirmed it: the virtual-hold callback is booked to it.</summary>
    public void NumberEntered(IQueueCaller call, string e164)
    {
        if (!lines.TryGet(call, out var entry) || entry.Callback != CallbackStep.EnteringNumber) return;
        entry.CallbackNumber = e164;
        booking.Book(entry);
    }

    /// <summary>The caller cancelled keyed entry or ran out of tries: they keep waiting, and the offer is not made again.</summary>
    public void NumberAbandoned(IQueueCaller call)
    {
        if (!lines.TryGet(call, out var entry)) return;
        entry.Callback = CallbackStep.Declined;
        call.HearHoldMusic(entry.Queue.Definition.Announcements.MusicClass);
    }
}
