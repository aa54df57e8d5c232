using IvrEngine.Calls;
using NodaTime;

namespace IvrEngine.Callbacks;

/// <summary>
/// An <see cref="ICallbackStore"/> held in memory for one process: QA flows (<c>ivr test</c>) book
/// callbacks in it, so a flow can check what its caller was promised without a database file.
/// It follows the SQLite store's rules — one open (pending or dialing) callback per number and
/// queue, claims with leases, retries, expiry — but keeps nothing once the process ends.
/// Thread-safe; every method returns with its change made.
/// </summary>
public sealed class InMemoryCallbackStore : ICallbackStore
{
    private readonly Lock _gate = new();
    private readonly List<CallbackRequest> _callbacks = [];
    private readonly List<CallbackAttempt> _attempts = [];

    public CallbackRequest Schedule(CallbackRequest request)
    {
        lock (_gate)
        {
            var open = _callbacks.FirstOrDefault(c => c.PhoneNumber == request.PhoneNumber && c.Queue == request.Queue && IsOpen(c.State));
            if (open is not null) return open;
            _callbacks.Add(request);
            return request;
        }
    }

    public CallbackRequest? Find(ReferenceNumber reference)
    {
        lock (_gate) return _callbacks.FirstOrDefault(c => c.Reference == reference);
    }

    public IReadOnlyList<CallbackRequest> List(CallbackState? state = null)
    {
        lock (_gate) return [.. _callbacks.Where(c => state is null || c.State == state)];
    }

    public IReadOnlyList<CallbackRequest> ClaimDue(Instant now, string owner, Duration lease, int max)
    {
        lock (_gate)
        {
            var until = now + lease;
            var due = _callbacks
                .Select((c, order) => (c, order))
                .Where(x => (x.c.State == CallbackState.Pending && x.c.DueAt <= now && (x.c.NextAttemptAt is null || x.c.NextAttemptAt <= now) && x.c.ExpiresAt > now)
                    || (x.c.State == CallbackState.Dialing && x.c.LeaseUntil <= now))
                .OrderBy(x => x.c.DueAt).ThenBy(x => x.order)
                .Take(max)
                .Select(x => x.c)
                .ToList();
            var claimed = new List<CallbackRequest>(due.Count);
            foreach (var request in due) claimed.Add(Update(request.Reference, c => c with { State = CallbackState.Dialing, LeaseUntil = until, LeaseOwner = owner })!);
            return claimed;
        }
    }

    public bool RecordAttempt(CallbackAttempt attempt, CallbackState state, string? owner = null, Instant? nextAttemptAt = null)
    {
        lock (_gate)
        {
            if (owner is not null && Find(attempt.Reference)?.LeaseOwner != owner) return false;
            _attempts.Add(attempt);
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
        lock (_gate)
        {
            Update(reference, c => c.State == CallbackState.Pending ? c with { DueAt = Instant.Min(c.DueAt, now), NextAttemptAt = null } : c);
        }
    }

    public int RenewLeases(string owner, Instant until)
    {
        lock (_gate) return UpdateAll(c => c.LeaseOwner == owner && c.State is CallbackState.Dialing or CallbackState.Connected, c => c with { LeaseUntil = until });
    }

    public int SettleOrphans(Instant now)
    {
        lock (_gate)
        {
            return UpdateAll(c => c.State == CallbackState.Connected && c.LeaseUntil <= now,
                c => c with { State = CallbackState.Completed, LastResult = "put through; the line restarted during the call", LeaseUntil = null, LeaseOwner = null });
        }
    }

    public bool Postpone(ReferenceNumber reference, Instant until, string reason, string? owner = null)
    {
        lock (_gate)
        {
            if (owner is not null && Find(reference)?.LeaseOwner != owner) return false;
            Update(reference, c => c with { State = CallbackState.Pending, NextAttemptAt = until, LastResult = reason, LeaseUntil = null, LeaseOwner = null });
            return Find(reference) is not null;
        }
    }

    public bool Cancel(ReferenceNumber reference)
    {
        lock (_gate)
        {
            return UpdateAll(c => c.Reference == reference && c.State == CallbackState.Pending,
                c => c with { State = CallbackState.Cancelled, LeaseUntil = null, LeaseOwner = null }) > 0;
        }
    }

    public int ExpireDue(Instant now)
    {
        lock (_gate)
        {
            return UpdateAll(c => c.State == CallbackState.Pending && c.ExpiresAt <= now, c => c with { State = CallbackState.Expired, LastResult = "expired" });
        }
    }

    public IReadOnlyList<CallbackAttempt> Attempts(ReferenceNumber reference)
    {
        lock (_gate) return [.. _attempts.Where(a => a.Reference == reference).OrderBy(a => a.Number)];
    }

    private static bool IsOpen(CallbackState state) => state is CallbackState.Pending or CallbackState.Dialing;

    private CallbackRequest? Update(ReferenceNumber reference, Func<CallbackRequest, CallbackRequest> change)
    {
        var index = _callbacks.FindIndex(c => c.Reference == reference);
        if (index < 0) return null;
        return _callbacks[index] = change(_callbacks[index]);
    }

    private int UpdateAll(Func<CallbackRequest, bool> which, Func<CallbackRequest, CallbackRequest> change)
    {
        var count = 0;
        for (var i = 0; i < _callbacks.Count; i++)
        {
            if (!which(_callbacks[i])) continue;
            _callbacks[i] = change(_callbacks[i]);
            count++;
        }
        return count;
    }
}
