using IvrEngine.Menus;
using IvrEngine.Queues.Announcements;
using NodaTime;

namespace IvrEngine.Queues.Admission;

/// <summary>
/// Callers into and out of line: joining (or being turned away when the queue is full or has nobody
/// logged in), the maximum wait, leaving for the overflow, and abandoning. Each waiting caller's timers
/// (maximum wait, tier boundaries, periodic announcements) are armed here.
/// </summary>
internal sealed class QueueAdmission(WaitingLines lines, QueueRecorder recorder, CenterTimers clock, Announcer announcer, Action route)
{
    /// <summary>
    /// A caller arrives. Returns null when they joined, or the overflow action when they could not
    /// (queue full, or no agents and the queue does not take callers then). A caller who joined is in
    /// line with their timers armed, not yet offered to agents: that is <see cref="CallCenter.Queued"/>,
    /// once the call has moved into its queued state.
    /// </summary>
    public MenuAction? Join(IQueueCaller call, string queueId, bool ahead)
    {
        var queue = lines.Queues[queueId];
        var now = clock.Now;
        // A callback leg is the same caller coming back, not a new offer, as long as it is put
        // through (a completed callback); one the queue cannot take is offered and not answered.
        if (!ahead) queue.Metrics.Offered();
        if (queue.Definition.MaxLength is { } maxLength && queue.Waiting.Count >= maxLength)
        {
            if (ahead) queue.Metrics.Offered();
            Turn(call, queue, QueueEventType.Full, $"queue full ({maxLength} waiting)");
            return queue.Definition.Overflow;
        }
        if (queue.Definition.WhenNoAgents == WhenNoAgents.Overflow && !queue.HasLoggedInMembers)
        {
            if (ahead) queue.Metrics.Offered();
            Turn(call, queue, QueueEventType.JoinEmpty, "no agent logged in");
            return queue.Definition.Overflow;
        }

        // A callback leg takes the place its caller kept (virtual hold), or goes ahead of everyone but
        // earlier callback legs: it already waited once.
        var kept = queue.Waiting.FindIndex(e => e.VirtualHold?.Reference == call.Reference);
        if (kept >= 0)
        {
            queue.Waiting[kept].StopTimers();
            queue.Waiting.RemoveAt(kept);
        }
        var place = kept >= 0 ? kept : ahead ? queue.Waiting.Count(e => e.Ahead) : queue.Waiting.Count;
        var entry = new QueuedCall(call, queue, now, lines.NextSequence(), place + 1) { Ahead = ahead };
        queue.Waiting.Insert(place, entry);
        lines.Hold(entry);
        if (recorder.Recording) recorder.Record(new QueueEvent(now, QueueEventType.EnterQueue, queue.Id, call.Reference.ToString(), Position: entry.OriginalPosition, Detail: call.CallerId));
        call.JoinedQueue(queue.Id, entry.OriginalPosition);
        ArmTimers(entry);
        return null;
    }

    /// <summary>The caller hung up while waiting: an abandon.</summary>
    public void Abandon(QueuedCall entry)
    {
        var now = clock.Now;
        var position = entry.Queue.PositionOf(entry);
        var wait = now - entry.JoinedAt;
        lines.Remove(entry);
        if (entry.Ahead) entry.Queue.Metrics.Offered(entry.JoinedAt);
        entry.Queue.Metrics.Abandoned(wait);
        if (recorder.Recording) recorder.Record(new QueueEvent(now, QueueEventType.Abandon, entry.Queue.Id, entry.Call.Reference.ToString(), Position: position, OriginalPosition: entry.OriginalPosition, Wait: wait));
        entry.Call.LeftQueue($"abandoned after {Time.ElapsedText.Short(wait)}");
        route();
    }

    /// <summary>The caller leaves the line for the queue's overflow (waited too long, nobody left to answer, agents could not be rung).</summary>
    public void Leave(QueuedCall entry, QueueEventType why, string reason)
    {
        if (!lines.IsWaiting(entry)) return;
        var now = clock.Now;
        var position = entry.Queue.PositionOf(entry);
        var wait = now - entry.JoinedAt;
        lines.Remove(entry);
        if (entry.Ahead) entry.Queue.Metrics.Offered(entry.JoinedAt);
        entry.Queue.Metrics.Overflowed(wait);
        if (recorder.Recording) recorder.Record(new QueueEvent(now, why, entry.Queue.Id, entry.Call.Reference.ToString(), Position: position, OriginalPosition: entry.OriginalPosition, Wait: wait));
        entry.Call.LeftQueue(reason);
        entry.Call.Overflow(entry.Queue.Definition.Overflow, reason);
        route();
    }

    /// <summary>The agent left: callers of a queue that is now without anyone logged in leave, if the queue says so.</summary>
    public void EmptyQueuesOf(Agent agent)
    {
        foreach (var queue in lines.Queues.Values.Where(q => q.Definition.LeaveWhenEmpty && q.Members.Contains(agent) && !q.HasLoggedInMembers))
        {
            foreach (var entry in queue.Waiting.ToList()) Leave(entry, QueueEventType.ExitEmpty, "the last agent logged out");
        }
    }

    /// <summary>A caller turned away on arrival (full, or empty): logged, counted, sent to the overflow by the caller.</summary>
    private void Turn(IQueueCaller call, LiveQueue queue, QueueEventType why, string reason)
    {
        queue.Metrics.Overflowed(Duration.Zero, turnedAway: true);
        if (recorder.Recording) recorder.Record(new QueueEvent(clock.Now, why, queue.Id, call.Reference.ToString(), Detail: reason));
        call.TurnedAwayFromQueue(queue.Id, reason);
    }

    private void ArmTimers(QueuedCall entry)
    {
        var definition = entry.Queue.Definition;
        if (definition.MaxWait is { } maxWait)
        {
            entry.Timers.Add(clock.After(maxWait, () => Leave(entry, QueueEventType.ExitWithTimeout, $"waited the queue's maximum of {Time.ElapsedText.Short(maxWait)}")));
        }

        // Each tier boundary may make more agents eligible for this caller.
        for (var tier = 1; tier <= entry.Queue.HighestTier - entry.Queue.LowestTier; tier++)
        {
            entry.Timers.Add(clock.After(definition.NextTierAfter * tier, route));
        }

        var every = definition.Announcements.Every.ToTimeSpan();
        entry.Timers.Add(clock.Every(every, () => announcer.Remind(entry)));
    }
}
