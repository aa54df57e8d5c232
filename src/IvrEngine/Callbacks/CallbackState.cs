namespace IvrEngine.Callbacks;

/// <summary>Where a promised callback stands. <c>Pending → Dialing → Connected → Completed</c>, or back to
/// <c>Pending</c> after a failed attempt, or <c>Failed</c> / <c>Expired</c> / <c>Cancelled</c>.</summary>
public enum CallbackState
{
    /// <summary>Waiting to be dialed at or after its due time.</summary>
    Pending,

    /// <summary>Claimed by a dialer (under a lease) and being dialed.</summary>
    Dialing,

    /// <summary>The callee answered and is waiting for, or talking to, an agent.</summary>
    Connected,

    /// <summary>The callee was put through; the promise is kept.</summary>
    Completed,

    /// <summary>Every allowed attempt went unanswered.</summary>
    Failed,

    /// <summary>Not reached before it expired.</summary>
    Expired,

    /// <summary>Cancelled by the caller or an operator.</summary>
    Cancelled,
}
