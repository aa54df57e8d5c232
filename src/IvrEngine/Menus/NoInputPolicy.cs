using NodaTime;

namespace IvrEngine.Menus;

/// <summary>
/// How long the line waits for the caller to do anything after a prompt, and how many times it
/// reprompts before giving up. <see cref="Message"/> (when set) is said before the reprompt.
/// </summary>
public sealed record NoInputPolicy(Duration Timeout, int Retries, LocalizedText? Message);
