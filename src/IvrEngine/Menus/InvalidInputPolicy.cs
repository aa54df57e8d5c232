namespace IvrEngine.Menus;

/// <summary>
/// How many wrong choices (unknown key, unrecognised phrase, digits that fail the pattern) a node
/// tolerates before giving up. <see cref="Message"/> (when set) is said before the reprompt.
/// </summary>
public sealed record InvalidInputPolicy(int Retries, LocalizedText? Message);
