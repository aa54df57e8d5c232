using IvrEngine.Menus;
using IvrEngine.Queues.VirtualHold;

namespace IvrEngine.Queues.Announcements;

/// <summary>What a waiting caller hears: their position and expected wait on joining and at each reminder, then hold music.</summary>
internal sealed class Announcer(Menu menu, WaitingLines lines, WaitEstimate estimate, VirtualHoldDialogue virtualHold)
{
    /// <summary>What a caller hears on joining: position and expected wait, then hold music.</summary>
    public void Welcome(IQueueCaller call)
    {
        if (!lines.TryGet(call, out var entry)) return;
        Announce(entry);
        call.HearHoldMusic(entry.Queue.Definition.Announcements.MusicClass);
    }

    /// <summary>A periodic announcement between segments of hold music.</summary>
    public void Remind(QueuedCall entry)
    {
        // A caller keying in a callback number is not interrupted by the position and the wait.
        if (!lines.IsWaiting(entry) || entry.Callback == CallbackStep.EnteringNumber) return;
        Announce(entry);
        entry.Call.HearHoldMusic(entry.Queue.Definition.Announcements.MusicClass);
    }

    private void Announce(QueuedCall entry)
    {
        var announce = entry.Queue.Definition.Announcements;
        var position = entry.Queue.PositionOf(entry);
        var messages = menu.Messages;
        // A position is never announced larger than the last one (a higher-priority caller arriving
        // ahead would move it back): callers told "3rd" then "4th" stop trusting the line.
        if (announce.Position && (entry.LastAnnouncedPosition is null || position <= entry.LastAnnouncedPosition))
        {
            entry.LastAnnouncedPosition = position;
            entry.Call.HearQueuePosition(messages.QueuePosition, position);
        }
        var wait = estimate.For(entry.Queue, position);
        if (announce.ExpectedWait && wait is { } expected)
        {
            entry.Call.HearExpectedWait(messages.QueueWait, expected);
        }
        else if (announce.ExpectedWait)
        {
            entry.Call.HearInQueue(messages.QueueWaitUnknown);
        }
        virtualHold.OfferIfLong(entry, wait);
    }
}
