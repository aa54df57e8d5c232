using NodaTime;

namespace IvrEngine.Calls;

/// <summary>
/// One timestamped line of a call's transcript.
/// </summary>
/// <param name="Node">The node the call was at, when it matters.</param>
/// <param name="Text">What was said, pressed or heard.</param>
/// <param name="Detail">Anything else worth knowing: "retry 1 of 2", "InMenu -> Transferring", a queue name.</param>
public sealed record CallEvent(Instant At, CallEventType Type, string? Node = null, string? Text = null, string? Detail = null);
