using NodaTime;

namespace IvrEngine.Calls;

/// <summary>
/// How long a prompt takes to say: words at a speaking rate per language. IVR voice talent and
/// text-to-speech read English at about 150 words a minute; Russian words are longer, and about
/// 120 a minute is usual.
/// </summary>
public static class SpeakingTime
{
    public const int EnglishWordsPerMinute = 150;
    public const int RussianWordsPerMinute = 120;

    public static int WordsPerMinute(string locale) =>
        locale.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? RussianWordsPerMinute : EnglishWordsPerMinute;

    public static Duration Of(string text, string locale)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return Duration.FromSeconds(words * 60.0 / WordsPerMinute(locale));
    }
}
