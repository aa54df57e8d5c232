using NodaTime;

namespace IvrEngine.Callbacks;

/// <summary>
/// A queue's virtual-hold offer: when the expected wait is over <see cref="WhenWaitOver"/>, waiting
/// callers are offered a callback that keeps their place in line.
/// </summary>
/// <param name="WhenWaitOver">Offer virtual hold when the expected wait is over this; null for no virtual hold.</param>
/// <param name="ExpiresAfter">How long a promised callback stays valid before it is given up.</param>
/// <param name="WhenClosed">When the queue is closed by its hours, offer a callback at one of its next open times.</param>
public sealed record CallbackOffer(Duration? WhenWaitOver, Duration ExpiresAfter, bool WhenClosed = false)
{
    /// <summary>How long a promised callback stays valid when the queue does not say (<c>expiresAfterHours</c>).</summary>
    public static readonly Duration DefaultExpiry = Duration.FromHours(24);
}
