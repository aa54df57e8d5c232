using System.Collections.Immutable;

namespace IvrEngine.Calls;

/// <summary>What an utterance selects: nothing, one choice, or several (the caller is asked which).</summary>
internal readonly record struct SpeechMatch(ImmutableArray<InputChoice> Choices)
{
    public bool IsNone => Choices.IsDefaultOrEmpty;

    public bool IsAmbiguous => !IsNone && Choices.Length > 1;

    public InputChoice Single => Choices[0];
}
