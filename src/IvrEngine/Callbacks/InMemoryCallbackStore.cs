using IvrEngine.Calls;
using NodaTime;

namespace IvrEngine.Callbacks;

/// <summary>
/// An <see cref="ICallbackStore"/> held in memory for one process: QA flows (<c>ivr test</c>) and
/// load simulation (<c>ivr simulate</c>) book callbacks in it. It follows the SQLite store's rules —
/// one open (pending or dialing) callback per number and queue, claims with leases, retries,
/// expiry — but keeps nothing once the process ends. Thread-safe; every method returns with its
/// change made. Lookups are indexed, and work scales with the open callbacks, not with every one
/// ever booked.
/// </summary>
/// <param name="keepClosed">
/// False forgets a callback (and its attempts) once it is completed, failed, expired or cancelled,
/// so a simulation of millions of calls holds only the open ones.
/// </param>
public sealed class InMemoryCallbackStore(bool keepClosed = true) : ICallbackStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ReferenceNumber, Entry> _byReference = [];
    private readonly Dictionary<(string? Line, string Number, string Queue), ReferenceNumber> _openByNumber = [];
    // Callbacks not yet settled, by booking order.
    private readonly SortedDictionary<long, Entry> _open = [];
    private long _nextOrder;

    public CallbackRequest Schedule(CallbackRequest request)
    {
        lock (_gate)
        {
            if (_openByNumber.TryGetValue((request.Line, request.PhoneNumber, request.Queue), out var existing)) return _byReference[existing].Request;
            // As the SQLite store's primary key does: another callback's reference is refused, never overwritten.
            if (_byReference.ContainsKey(request.Reference)) throw new CallbackStoreException($"callback {request.Reference} is already in the store.");
            var entry = new Entry(request, _nextOrder++);
            _byReference[request.Reference] = entry;
            Track(entry, wasOpen: false);
            return request;
        }
    }

    public CallbackRequest? Find(ReferenceNumber reference)
    {
        lock (_gate) return _byReference.TryGetValue(reference, out var entry) ? entry.Request : null;
    }

    public IReadOnlyList<CallbackRequest> List(CallbackState? state = null)
    {
        lock (_gate)
        {
            return [.. _byReference.Values.OrderBy(e => e.Order).Select(e => e.Request).Where(c => state is null || c.State == state)];
        }
    }

    public IReadOnlyList<CallbackRequest> ClaimDue(Instant now, string owner, Duration lease, int max, CallbackLine? line = null)
    {
        lock (_gate)
        {
            var until = now + lease;
            // Polled every minute by every dialer: a walk of the open ones, sorted only when more than one is due.
            var due = new List<Entry>();
            foreach (var entry in _open.Values)
            {
                if (IsDue(entry.Request, now) && IsOf(entry.Request, line)) due.Add(entry);
            }
            if (due.Count > 1) due.Sort(static (a, b) => a.Request.DueAt != b.Request.DueAt ? a.Request.DueAt.CompareTo(b.Request.DueAt) : a.Order.CompareTo(b.Order));
            var keep = Math.Max(max, 0);
            if (due.Count > keep) due.RemoveRange(keep, due.Count - keep);
            var claimed = new List<CallbackRequest>(due.Count);
            foreach (var entry in due) claimed.Add(Update(entry.Request.Reference, c => c with { State = CallbackState.Dialing, LeaseUntil = until, LeaseOwner = owner })!);
            return claimed;
        }
    }

    public bool RecordAttempt(CallbackAttempt attempt, CallbackState state, string? owner = null, Instant? nextAttemptAt = null)
    {
        lock (_gate)
        {
            if (!_byReference.TryGetValue(attempt.Reference, out var entry) || owner is not null && entry.Request.LeaseOwner != owner) return false;
            entry.Attempts.Add(attempt);
            // A dialer still retrying keeps its lease (and the callback stays claimable if it dies).
            var keepsLease = state is CallbackState.Dialing or CallbackState.Connected;
            Update(attempt.Reference, c => c with
            {
                State = state,
                Attempts = attempt.Number,
                NextAttemptAt = nextAttemptAt,
                LastResult = attempt.Result,
                LeaseUntil = keepsLease ? c.LeaseUntil : null,
                LeaseOwner = keepsLease ? c.LeaseOwner : null,
            });
            return true;
        }
    }

    public void SetState(ReferenceNumber reference, CallbackState state, string? result = null)
    {
        lock (_gate) Update(reference, c => c with { State = state, LastResult = result ?? c.LastResult, LeaseUntil = null, LeaseOwner = null });
    }

    public void MakeDue(ReferenceNumber reference, Instant now)
    {
        lock (_gate) Update(reference, c => c.State == CallbackState.Pending ? c with { DueAt = Instant.Min(c.DueAt, now), NextAttemptAt = null } : c);
    }

    public int RenewLeases(string owner, Instant until)
    {
        lock (_gate) return UpdateOpen(c => c.LeaseOwner == owner && c.State is CallbackState.Dialing or CallbackState.Connected, c => c with { LeaseUntil = until });
    }

    public int SettleOrphans(Instant now)
    {
        lock (_gate)
        {
            return UpdateOpen(c => c.State == CallbackState.Connected && c.LeaseUntil <= now,
                c => c with { State = CallbackState.Completed, LastResult = "put through; the line restarted during the call", LeaseUntil = null, LeaseOwner = null });
        }
    }

    public bool Postpone(ReferenceNumber reference, Instant until, string reason, string? owner = null)
    {
        lock (_gate)
        {
            if (!_byReference.TryGetValue(reference, out var entry) || owner is not null && entry.Request.LeaseOwner != owner) return false;
            Update(reference, c => c with { State = CallbackState.Pending, NextAttemptAt = until, LastResult = reason, LeaseUntil = null, LeaseOwner = null });
            return true;
        }
    }

    public bool Cancel(ReferenceNumber reference, Instant at, string by)
    {
        lock (_gate)
        {
            if (Find(reference)?.State != CallbackState.Pending) return false;
            Update(reference, c => c with { State = CallbackState.Cancelled, LeaseUntil = null, LeaseOwner = null, CancelledAt = at, CancelledBy = by });
            return true;
        }
    }

    public int ExpireDue(Instant now)
    {
        lock (_gate)
        {
            return UpdateOpen(c => c.ExpiresAt <= now && (c.State == CallbackState.Pending || (c.State == CallbackState.Dialing && c.LeaseUntil <= now)),
                c => c with { State = CallbackState.Expired, LastResult = "expired", LeaseUntil = null, LeaseOwner = null });
        }
    }

    public int ReleaseLeases(string owner)
    {
        lock (_gate) return UpdateOpen(c => c.State == CallbackState.Dialing && c.LeaseOwner == owner, c => c with { State = CallbackState.Pending, LeaseUntil = null, LeaseOwner = null });
    }

    public IReadOnlyList<CallbackRequest> KeptPlaces(CallbackLine line)
    {
        lock (_gate)
        {
            return [.. _open.Values.Select(e => e.Request).Where(c => IsKeptPlace(c, line) && c.JoinedAt is not null && c.Attempts == 0).OrderBy(c => c.JoinedAt)];
        }
    }

    public int MakeKeptPlacesDue(CallbackLine line, Instant now, IReadOnlyCollection<ReferenceNumber> restored)
    {
        lock (_gate)
        {
            return UpdateOpen(c => IsKeptPlace(c, line) && !restored.Contains(c.Reference),
                c => c with { DueAt = Instant.Min(c.DueAt, now), NextAttemptAt = null, LastResult = CallbackReasons.PlaceLost });
        }
    }

    /// <summary>A pending virtual-hold callback of <paramref name="line"/> whose caller's place was still kept: never dialed, or waiting for the place.</summary>
    private static bool IsKeptPlace(CallbackRequest c, CallbackLine line) =>
        c.State == CallbackState.Pending && c.Kind == CallbackKind.VirtualHold && IsOf(c, line) && (c.NextAttemptAt is null || c.LastResult == CallbackReasons.PlaceKept);

    /// <summary>Whether <paramref name="line"/> (null: any) may place <paramref name="request"/>.</summary>
    private static bool IsOf(CallbackRequest request, CallbackLine? line) =>
        line is null || request.Line == line.Name || (request.Line is null && line.Queues.Contains(request.Queue));

    public IReadOnlyList<CallbackAttempt> Attempts(ReferenceNumber reference)
    {
        lock (_gate) return _byReference.TryGetValue(reference, out var entry) ? [.. entry.Attempts.OrderBy(a => a.Number)] : [];
    }

    /// <summary>Callbacks not yet settled: pending, dialing or connected (connected ones still await completion).</summary>
    public int OpenCount
    {
        get
        {
            lock (_gate) return _open.Count;
        }
    }

    /// <summary>Pending and due (and not waiting for a retry, and not expired), or dialing under a lease that has run out.</summary>
    private static bool IsDue(CallbackRequest request, Instant now) =>
        (request.State == CallbackState.Pending && request.DueAt <= now && (request.NextAttemptAt is null || request.NextAttemptAt <= now) && request.ExpiresAt > now)
        || (request.State == CallbackState.Dialing && request.LeaseUntil <= now);

    private static bool IsOpen(CallbackState state) => state is CallbackState.Pending or CallbackState.Dialing;

    private static bool IsSettled(CallbackState state) => state is CallbackState.Completed or CallbackState.Failed or CallbackState.Expired or CallbackState.Cancelled;

    /// <summary>Entries not yet settled, in booking order (a snapshot: callers may update while walking it).</summary>
    private List<Entry> Open() => [.. _open.Values];

    private CallbackRequest? Update(ReferenceNumber reference, Func<CallbackRequest, CallbackRequest> change)
    {
        if (!_byReference.TryGetValue(reference, out var entry)) return null;
        var wasOpen = IsOpen(entry.Request.State);
        var wasSettled = IsSettled(entry.Request.State);
        entry.Request = change(entry.Request);
        Track(entry, wasOpen, wasSettled);
        return entry.Request;
    }

    private int UpdateOpen(Func<CallbackRequest, bool> which, Func<CallbackRequest, CallbackRequest> change)
    {
        if (_open.Count == 0) return 0;
        var count = 0;
        foreach (var entry in Open())
        {
            if (!which(entry.Request)) continue;
            Update(entry.Request.Reference, change);
            count++;
        }
        return count;
    }

    /// <summary>Keeps the indexes true after <paramref name="entry"/> changed state.</summary>
    private void Track(Entry entry, bool wasOpen, bool wasSettled = false)
    {
        var request = entry.Request;
        var key = (request.Line, request.PhoneNumber, request.Queue);
        if (IsOpen(request.State)) _openByNumber[key] = request.Reference;
        else if (wasOpen) _openByNumber.Remove(key);

        if (!IsSettled(request.State))
        {
            _open[entry.Order] = entry;
        }
        else if (!wasSettled)
        {
            _open.Remove(entry.Order);
            if (!keepClosed) _byReference.Remove(request.Reference);
        }
    }

    private sealed class Entry(CallbackRequest request, long order)
    {
        public CallbackRequest Request { get; set; } = request;

        public long Order { get; } = order;

        public List<CallbackAttempt> Attempts { get; } = [];
    }
}
