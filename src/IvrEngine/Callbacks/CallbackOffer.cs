using NodaTime;

namespace IvrEngine.Callbacks;

/// <summary>
/// A queue's virtual-hold offer: when the expected wait is over <see cref="WhenWaitOver"/>, waiting
/// callers are offered a callback that keeps their place in line.
/// </summary>
/// <param name="ExpiresAfter">How long a promised callback stays valid before it is given up.</param>
public sealed record CallbackOffer(Duration WhenWaitOver, Duration ExpiresAfter);
