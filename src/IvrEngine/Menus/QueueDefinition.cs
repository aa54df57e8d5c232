namespace IvrEngine.Menus;

/// <summary>A queue of agents a call can be transferred to, with the name callers hear.</summary>
public sealed record QueueDefinition(string Id, LocalizedText DisplayName);
