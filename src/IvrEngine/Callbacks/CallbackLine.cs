namespace IvrEngine.Callbacks;

/// <summary>
/// A line a dialer serves: its name (the menu's) and its queues. Several lines can share one store;
/// each dialer claims its own line's callbacks, and of those stored before lines were recorded, the
/// ones whose queue it has.
/// </summary>
public sealed record CallbackLine(string Name, IReadOnlyCollection<string> Queues);
