using IvrEngine.Locales;
using NodaTime;

namespace IvrEngine.Queues;

/// <summary>
/// An expected wait as a caller hears it, in their language's grammar: "less than a minute", "about 4
/// minutes", "около 3 минут". Whole minutes, rounded up: callers forgive a shorter wait than promised,
/// not a longer one.
/// </summary>
public static class WaitPhrase
{
    public static int Minutes(Duration wait) => (int)Math.Ceiling(wait.TotalMinutes);

    public static string For(Duration wait, string locale)
    {
        var grammar = LocaleGrammars.For(locale);
        return wait < Duration.FromMinutes(1) ? grammar.LessThanAMinute : grammar.AboutMinutes(Minutes(wait));
    }
}
