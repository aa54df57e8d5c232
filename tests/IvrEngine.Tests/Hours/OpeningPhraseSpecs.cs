using IvrEngine.Hours;
using NodaTime;
using static IvrEngine.Tests.Hours.HoursMenus;

namespace IvrEngine.Tests.Hours;

[TestFixture]
public sealed class OpeningPhraseSpecs
{
    private static readonly Instant SundayNight = At(2026, 11, 29, 23, 45);

    [TestCase(2026, 11, 30, 9, 0, "en-US", "tomorrow at 9:00 AM Eastern Time")]
    [TestCase(2026, 11, 30, 9, 0, "ru-RU", "завтра в 9:00 по восточному времени")]
    [TestCase(2026, 11, 29, 23, 50, "en-US", "today at 11:50 PM Eastern Time")]
    [TestCase(2026, 11, 29, 23, 50, "ru-RU", "сегодня в 23:50 по восточному времени")]
    [TestCase(2026, 12, 1, 10, 0, "en-US", "Tuesday at 10:00 AM Eastern Time")]
    [TestCase(2026, 12, 1, 10, 0, "ru-RU", "во вторник в 10:00 по восточному времени")]
    [TestCase(2026, 12, 4, 12, 30, "en-US", "Friday at 12:30 PM Eastern Time")]
    [TestCase(2026, 12, 7, 0, 0, "en-US", "December 7 at 12:00 AM Eastern Time")]
    [TestCase(2026, 12, 26, 9, 0, "ru-RU", "26 декабря в 9:00 по восточному времени")]
    public void Says_when_the_line_opens_in_the_callers_language(int year, int month, int day, int hour, int minute, string locale, string expected) =>
        Assert.That(OpeningPhrase.Format(At(year, month, day, hour, minute), SundayNight, NewYork, locale), Is.EqualTo(expected));

    [Test]
    public void Monday_is_said_as_the_brief_reads()
    {
        var saturdayNight = At(2026, 11, 28, 21, 0);
        Assert.Multiple(() =>
        {
            Assert.That(OpeningPhrase.Format(At(2026, 11, 30, 10, 0), saturdayNight, NewYork, "en-US"), Is.EqualTo("Monday at 10:00 AM Eastern Time"));
            Assert.That(OpeningPhrase.Format(At(2026, 11, 30, 10, 0), saturdayNight, NewYork, "ru-RU"), Is.EqualTo("в понедельник в 10:00 по восточному времени"));
        });
    }

    [TestCase("America/Chicago", "en-US", "Central Time")]
    [TestCase("America/Denver", "ru-RU", "по горному времени")]
    [TestCase("America/Los_Angeles", "en-US", "Pacific Time")]
    [TestCase("Europe/Moscow", "en-US", "Moscow Time")]
    [TestCase("Europe/Moscow", "ru-RU", "по московскому времени")]
    [TestCase("Asia/Tokyo", "en-US", "Asia/Tokyo time")]
    [TestCase("Asia/Tokyo", "ru-RU", "по времени Asia/Tokyo")]
    public void Names_the_zone_per_locale_and_falls_back_to_its_id(string zone, string locale, string expected) =>
        Assert.That(OpeningPhrase.ZoneName(DateTimeZoneProviders.Tzdb[zone], locale), Is.EqualTo(expected));

    [Test]
    public void Says_the_time_in_the_schedules_zone_not_the_callers()
    {
        var moscow = DateTimeZoneProviders.Tzdb["Europe/Moscow"];
        Assert.That(OpeningPhrase.Format(Instant.FromUtc(2026, 12, 1, 6, 0), Instant.FromUtc(2026, 12, 1, 0, 0), moscow, "ru-RU"), Is.EqualTo("сегодня в 9:00 по московскому времени"));
    }
}
