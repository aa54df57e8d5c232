using IvrEngine.Menus;

namespace IvrEngine.Calls;

// Saying prompts: rendering placeholders (PromptRenderer) and timing them (PromptClock).
public sealed partial class CallSession
{
    private void Speak(LocalizedText text, params (string Name, string Value)[] extra)
    {
        if (PromptsUnheard)
        {
            Record(CallEventType.Prompt, node: _navigation.Node?.Id);
            return;
        }
        SpeakAloud(text, extra);
    }

    // Apart from Speak: the lookup's closure is allocated on entry to the method that captures, and quiet calls never get here.
    private void SpeakAloud(LocalizedText text, (string Name, string Value)[] extra)
    {
        var rendered = PromptRenderer.Render(text.For(Locale), name => Lookup(name, extra));
        _prompts.Said(rendered, Locale, Now);
        Record(CallEventType.Prompt, node: _navigation.Node?.Id, text: rendered);
    }

    /// <summary>Nobody reads a quiet call's prompts, and without pacing their length does not matter: they are not rendered.</summary>
    private bool PromptsUnheard => IsQuiet && _prompts.Pacing == PromptPacing.Instant;

    private string? Lookup(string name, (string Name, string Value)[] extra)
    {
        foreach (var (extraName, value) in extra)
        {
            if (extraName == name) return value;
        }
        return name switch
        {
            "reference" => Reference.ToString(),
            "callerId" => CallerId,
            _ => _variables.GetValueOrDefault(name),
        };
    }
}
