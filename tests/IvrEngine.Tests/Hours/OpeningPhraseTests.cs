using IvrEngine.Hours;
using NodaTime;
using static IvrEngine.Tests.Hours.HoursMenus;

namespace IvrEngine.Tests.Hours;

[TestFixture]
public sealed class OpeningPhraseTests
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
    public void SaysWhenTheLineOpensInTheCallersLanguage(int year, int month, int day, int hour, int minute, string locale, string expected) =>
        Assert.That(OpeningPhrase.Format(At(year, month, day, hour, minute), SundayNight, NewYork, locale), Is.EqualTo(expected));

    [Test]
    public void MondayIsSaidAsTheBriefReads()
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
    public void NamesTheZonePerLocaleAndFallsBackToItsId(string zone, string locale, string expected) =>
        Assert.That(OpeningPhrase.ZoneName(DateTimeZoneProviders.Tzdb[zone], locale), Is.EqualTo(expected));

    [Test]
    public void SaysTheTimeInTheSchedulesZoneNotTheCallers()
    {
        var moscow = DateTimeZoneProviders.Tzdb["Europe/Moscow"];
        Assert.That(OpeningPhrase.Format(Instant.FromUtc(2026, 12, 1, 6, 0), Instant.FromUtc(2026, 12, 1, 0, 0), moscow, "ru-RU"), Is.EqualTo("сегодня в 9:00 по московскому времени"));
    }

    [Test]
    public void ATimeForACalleeInAnotherZoneIsSaidInBothZones()
    {
        var honolulu = DateTimeZoneProviders.Tzdb["Pacific/Honolulu"];
        var sundayNight = At(2026, 11, 29, 23, 45);
        var onePm = At(2026, 11, 30, 13, 0);
        Assert.Multiple(() =>
        {
            Assert.That(OpeningPhrase.Format(onePm, sundayNight, NewYork, honolulu, "en-US"), Is.EqualTo("tomorrow at 1:00 PM Eastern Time, 8:00 AM Hawaii Time"));
            Assert.That(OpeningPhrase.Format(onePm, sundayNight, NewYork, honolulu, "ru-RU"), Is.EqualTo("завтра в 13:00 по восточному времени, в 8:00 по гавайскому времени"));
        });
    }

    [Test]
    public void ACalleeWhoseClockReadsTheSameHearsOneTime()
    {
        var toronto = DateTimeZoneProviders.Tzdb["America/Toronto"];
        Assert.That(OpeningPhrase.Format(At(2026, 11, 30, 13, 0), At(2026, 11, 29, 23, 45), NewYork, toronto, "en-US"), Is.EqualTo("tomorrow at 1:00 PM Eastern Time"));
    }

    [Test]
    public void ACalleeOnAnotherDayHearsThatDayToo()
    {
        var moscow = DateTimeZoneProviders.Tzdb["Europe/Moscow"];
        var mondayAfternoon = At(2026, 11, 30, 14, 0);
        var eightPm = At(2026, 11, 30, 20, 0); // 04:00 on Tuesday in Moscow
        var ninePmLondon = At(2026, 12, 1, 16, 0); // 21:00 on Tuesday in London
        Assert.Multiple(() =>
        {
            Assert.That(OpeningPhrase.Format(eightPm, mondayAfternoon, NewYork, moscow, "en-US"), Is.EqualTo("today at 8:00 PM Eastern Time, tomorrow at 4:00 AM Moscow Time"));
            Assert.That(OpeningPhrase.Format(eightPm, mondayAfternoon, NewYork, moscow, "ru-RU"), Is.EqualTo("сегодня в 20:00 по восточному времени, завтра в 4:00 по московскому времени"));
            Assert.That(OpeningPhrase.Format(ninePmLondon, mondayAfternoon, NewYork, DateTimeZoneProviders.Tzdb["Europe/London"], "en-US"), Is.EqualTo("tomorrow at 4:00 PM Eastern Time, 9:00 PM UK Time"));
        });
    }
}
