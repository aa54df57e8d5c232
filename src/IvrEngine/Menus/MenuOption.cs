namespace IvrEngine.Menus;

/// <summary>
/// One choice in a menu node: a key sequence (<c>1</c>, <c>10</c>, <c>*</c>) and/or spoken phrases,
/// an optional message played when it is chosen, and the action it leads to.
/// </summary>
public sealed record MenuOption(string? Key, LocalizedPhrases Phrases, LocalizedText? Message, MenuAction Action)
{
    /// <summary>A name for the option in transcripts and disambiguation: the first phrase, else "key N".</summary>
    public string Label(string locale)
    {
        var phrases = Phrases.For(locale);
        return !phrases.IsEmpty ? phrases[0] : Key is null ? "?" : $"key {Key}";
    }
}
