using IvrEngine.Menus;

namespace IvrEngine.Calls;

// The hours gate: a closed node or queue says when it opens and does its whenClosed.
public sealed partial class CallSession
{
    /// <summary>
    /// If <paramref name="hours"/>' schedule is closed now, says so (with when it opens, in the caller's
    /// language and the schedule's zone) and does its whenClosed; a hang-up there ends the call as closed.
    /// </summary>
    /// <param name="kind">"node" or "queue", and <paramref name="id"/> its id: what was closed, named only when it is.</param>
    private bool TurnedAwayByHours(Hours.HoursRule hours, string kind, string id, string? queueId)
    {
        var answer = _hours.At(hours.ScheduleId, Now);
        if (answer.IsOpen) return false;
        var what = $"{kind} {id}";
        var schedule = _hours[hours.ScheduleId];
        var opens = answer.NextChange is { } next ? Hours.OpeningPhrase.Format(next, Now, schedule.Zone, Locale) : null;
        Record(CallEventType.ClosedByHours, text: what, detail: $"schedule {hours.ScheduleId}: {answer.Rule}{(opens is null ? "" : $"; opens {Hours.OpeningPhrase.Format(answer.NextChange!.Value, Now, schedule.Zone, "en-US")}")}");
        if (opens is null) Speak(_menu.Messages.ClosedUnknown);
        else Speak(_menu.Messages.Closed, ("opens", opens));
        var reason = $"{what} closed by schedule {hours.ScheduleId}: {answer.Rule}";
        if (queueId is not null && OfferScheduledCallback(queueId, hours, reason)) return true;
        CloseFor(hours, queueId, reason);
        return true;
    }

    /// <summary>The caller is turned away by hours: the schedule's whenClosed (a goodbye, by default).</summary>
    private void CloseFor(Hours.HoursRule hours, string? queueId, string reason)
    {
        if (hours.WhenClosed is SayAndHangUp hangUp)
        {
            if (hangUp.Message.Locales.Any()) Speak(hangUp.Message);
            Fire(static m => m.End, new CallOutcome(CallOutcomeKind.ClosedByHours, queueId, reason));
        }
        else
        {
            Perform(hours.WhenClosed, reason);
        }
    }
}
