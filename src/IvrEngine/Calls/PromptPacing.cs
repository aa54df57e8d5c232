namespace IvrEngine.Calls;

/// <summary>Whether saying a prompt takes time before the no-input timer starts.</summary>
public enum PromptPacing
{
    /// <summary>Prompts take no time: the no-input timer starts as a prompt is said. Simple arithmetic for tests and scripts.</summary>
    Instant,

    /// <summary>
    /// The no-input timer starts when the prompts would have finished playing, estimated by
    /// <see cref="SpeakingTime"/>; a key or phrase interrupts the prompt (barge-in), as on a real line.
    /// </summary>
    Spoken,
}
