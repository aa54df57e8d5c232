using IvrEngine.Locales;
using NodaTime;

namespace IvrEngine.Calls;

/// <summary>
/// How long a prompt takes to say: words at its language's speaking rate (voice talent and
/// text-to-speech read English at about 150 words a minute, Russian at about 120; each grammar says).
/// </summary>
public static class SpeakingTime
{
    public static int WordsPerMinute(string locale) => LocaleGrammars.For(locale).WordsPerMinute;

    public static Duration Of(string text, string locale)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return Duration.FromSeconds(words * 60.0 / WordsPerMinute(locale));
    }
}
