using IvrEngine.Calls;
using IvrEngine.Hours;
using IvrEngine.Menus;
using IvrEngine.Queues;
using NodaTime;

namespace IvrEngine.Tests.Locales;

/// <summary>Each locale speaks the engine's fragments in its own grammar; a locale with none is refused, never half-spoken in English.</summary>
public sealed class LocaleGrammarTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    // Thursday 3 December 2026, 18:30 in Berlin.
    private static readonly Instant ThursdayEvening = Instant.FromUtc(2026, 12, 3, 17, 30);

    [Test]
    public void AMenuInALanguageWithoutAGrammar_IsRefusedAtThatLocale()
    {
        var json = """
            {
              "name": "fr-line", "timeZone": "Europe/Paris", "locales": ["en-US", "fr-FR"], "start": "main",
              "defaults": { "escape": { "to": { "queue": "q" } } },
              "queues": { "q": { "name": { "en-US": "support", "fr-FR": "le support" } } },
              "nodes": { "main": { "prompt": { "en-US": "Hello.", "fr-FR": "Bonjour." }, "next": { "queue": "q" } } }
            }
            """;

        var result = MenuLoader.Load(json, "fr.json");

        Assert.That(result.Menu, Is.Null);
        var error = result.Diagnostics.Single(d => d.Code == "IVR0030");
        Assert.That((error.Severity, error.Line, error.Column, error.JsonPath), Is.EqualTo((DiagnosticSeverity.Error, 2, 71, "$.locales[1]")));
        Assert.That(error.Message, Is.EqualTo("locale 'fr-FR' has no grammar in this engine for the times, waits and choices it says inside prompts; it speaks en, ru, de"));
    }

    [Test]
    public void ALocaleOfAKnownLanguageInAnotherRegion_SpeaksThatLanguage()
    {
        Assert.That(WaitPhrase.For(Duration.FromMinutes(3), "en-GB"), Is.EqualTo("about 3 minutes"));
        Assert.That(WaitPhrase.For(Duration.FromMinutes(3), "de-AT"), Is.EqualTo("etwa 3 Minuten"));
    }

    [TestCase(0.5, "weniger als eine Minute")]
    [TestCase(1, "etwa 1 Minute")]
    [TestCase(4.2, "etwa 5 Minuten")]
    public void German_Waits(double minutes, string expected) =>
        Assert.That(WaitPhrase.For(Duration.FromSeconds(minutes * 60), "de-DE"), Is.EqualTo(expected));

    [Test]
    public void German_OpeningTimes_UseTheTwentyFourHourClock_AndTheDay()
    {
        var tomorrowAtNine = Instant.FromUtc(2026, 12, 4, 8, 0);
        var mondayAtNine = Instant.FromUtc(2026, 12, 7, 8, 0);
        var christmas = Instant.FromUtc(2026, 12, 28, 8, 30);

        Assert.That(OpeningPhrase.Format(tomorrowAtNine, ThursdayEvening, Berlin, "de-DE"), Is.EqualTo("morgen um 9:00 Uhr nach mitteleuropäischer Zeit"));
        Assert.That(OpeningPhrase.Format(mondayAtNine, ThursdayEvening, Berlin, "de-DE"), Is.EqualTo("am Montag um 9:00 Uhr nach mitteleuropäischer Zeit"));
        Assert.That(OpeningPhrase.Format(christmas, ThursdayEvening, Berlin, "de-DE"), Is.EqualTo("am 28. Dezember um 9:30 Uhr nach mitteleuropäischer Zeit"));
    }

    [Test]
    public void German_ACallbackTimeInTwoZones_SaysBoth()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var tomorrowAtNine = Instant.FromUtc(2026, 12, 4, 8, 0);

        Assert.That(OpeningPhrase.Format(tomorrowAtNine, ThursdayEvening, Berlin, newYork, "de-DE"),
            Is.EqualTo("morgen um 9:00 Uhr nach mitteleuropäischer Zeit, um 3:00 Uhr nach US-Ostküstenzeit"));
    }

    [Test]
    public void German_SpokenDigitsAndSpeakingRate()
    {
        Assert.That(SpokenDigits.Read("vier acht eins fünf"), Is.EqualTo("4815"));
        Assert.That(SpeakingTime.WordsPerMinute("de-DE"), Is.EqualTo(130));
    }

    [Test]
    public void German_CallbackTimes_AreOfferedAsGermanChoices()
    {
        var grammar = IvrEngine.Locales.LocaleGrammars.For("de-DE");

        Assert.That(grammar.SlotChoices([(1, "morgen um 9:00 Uhr"), (2, "morgen um 9:30 Uhr"), (3, "morgen um 10:00 Uhr")]),
            Is.EqualTo("drücken Sie die 1 für morgen um 9:00 Uhr, die 2 für morgen um 9:30 Uhr oder die 3 für morgen um 10:00 Uhr"));
        Assert.That(grammar.Or, Is.EqualTo(" oder "));
    }
}
