using NodaTime;

namespace IvrEngine.Queues;

/// <summary>
/// What a waiting caller hears: the position and/or expected wait on joining and then every
/// <see cref="Every"/>, between segments of hold music of class <see cref="MusicClass"/>.
/// </summary>
public sealed record QueueAnnouncements(Duration Every, bool Position, bool ExpectedWait, string MusicClass);
