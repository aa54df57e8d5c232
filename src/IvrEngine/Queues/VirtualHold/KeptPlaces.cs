using IvrEngine.Callbacks;
using IvrEngine.Calls;
using NodaTime;

namespace IvrEngine.Queues.VirtualHold;

/// <summary>
/// Places kept in line for virtual-hold callers: when one comes up the callback becomes due for the
/// dialer, and the callers behind wait until it is answered, fails, or the grace runs out.
/// </summary>
internal sealed class KeptPlaces(WaitingLines lines, QueueRecorder recorder, CenterTimers clock, ICallbackStore? callbacks, Action route)
{
    // How long callers wait behind a kept place that is being called back before it is released.
    internal static readonly Duration Grace = Duration.FromMinutes(2);

    /// <summary>Raised when a virtual-hold caller's place comes up: their callback should be dialed now.</summary>
    public event Action<CallbackRequest>? CallbackDue;

    /// <summary>
    /// A virtual-hold caller's place has come up (an agent is free for it): the entry leaves the line
    /// and the callback becomes due now, for the dialer to place.
    /// </summary>
    public void CallBack(QueuedCall entry, CallbackRequest held)
    {
        entry.CallingBack = true;
        // If no dialer places it soon (none serves this line, the callee's window is shut, the store
        // fails), the callers behind must not wait for ever: the place is released.
        entry.Timers.Add(clock.After(Grace, () => Release(held.Reference)));
        try
        {
            callbacks!.MakeDue(held.Reference, clock.Now);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            entry.Queue.Waiting.Remove(entry);
            if (recorder.Recording) recorder.Record(new QueueEvent(clock.Now, QueueEventType.CallbackDue, entry.Queue.Id, held.Reference.ToString(), Detail: $"place released: the store failed ({exception.Message})"));
            return;
        }
        if (recorder.Recording) recorder.Record(new QueueEvent(clock.Now, QueueEventType.CallbackDue, entry.Queue.Id, held.Reference.ToString(), Wait: clock.Now - entry.JoinedAt, Detail: "place came up"));
        CallbackDue?.Invoke(held with { DueAt = clock.Now });
    }

    /// <summary>The kept place for <paramref name="callback"/> is released and the callers behind move up.</summary>
    public void Release(ReferenceNumber callback)
    {
        foreach (var queue in lines.Queues.Values)
        {
            var held = queue.Waiting.Where(e => e.VirtualHold?.Reference == callback).ToList();
            foreach (var entry in held)
            {
                entry.StopTimers();
                queue.Waiting.Remove(entry);
            }
            if (held.Count > 0) route();
        }
    }

    /// <summary>
    /// A line starting puts back the places its previous process kept (the store's
    /// <see cref="ICallbackStore.KeptPlaces"/>) at their original join times: each is behind the places
    /// that joined before it and ahead of every caller who came later, as it was before the restart.
    /// Call it before callers join (their arrival order is fixed as they join). Returns the callbacks put
    /// back; one whose queue this line does not have is not (the dialer makes it due at once).
    /// </summary>
    public IReadOnlyList<ReferenceNumber> Restore(IEnumerable<CallbackRequest> kept)
    {
        var restored = new List<ReferenceNumber>();
        foreach (var held in kept.Where(c => c.Kind == CallbackKind.VirtualHold && c.JoinedAt is not null).OrderBy(c => c.JoinedAt))
        {
            if (!lines.Queues.TryGetValue(held.Queue, out var queue) || queue.Waiting.Any(e => e.VirtualHold?.Reference == held.Reference)) continue;
            var joinedAt = held.JoinedAt!.Value;
            var place = queue.Waiting.FindIndex(e => !e.Ahead && e.JoinedAt > joinedAt);
            if (place < 0) place = queue.Waiting.Count;
            queue.Waiting.Insert(place, new QueuedCall(new AbsentCaller(held), queue, joinedAt, lines.NextSequence(), place + 1) { VirtualHold = held });
            restored.Add(held.Reference);
        }
        if (restored.Count > 0) route();
        return restored;
    }

    /// <summary>True while a virtual-hold caller's place is still kept in line and has not come up yet.</summary>
    public bool HoldsPlaceFor(ReferenceNumber callback) =>
        lines.Queues.Values.Any(q => q.Waiting.Any(e => e.VirtualHold?.Reference == callback && !e.CallingBack));
}
