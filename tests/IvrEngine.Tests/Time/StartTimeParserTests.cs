using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Tests.Time;

public sealed class StartTimeParserTests
{
    [TestCase("2026-11-30T09:15 America/New_York", 2026, 11, 30, 14, 15, 0)]
    [TestCase("2026-11-30T09:15:30 America/New_York", 2026, 11, 30, 14, 15, 30)]
    [TestCase("2026-11-30 09:15 America/New_York", 2026, 11, 30, 14, 15, 0)]
    [TestCase("  2026-11-30T09:15 America/New_York  ", 2026, 11, 30, 14, 15, 0)]
    [TestCase("2026-07-01T09:15 America/New_York", 2026, 7, 1, 13, 15, 0)]
    [TestCase("2026-11-30T09:15 Europe/Moscow", 2026, 11, 30, 6, 15, 0)]
    [TestCase("2026-11-30T09:15 Etc/UTC", 2026, 11, 30, 9, 15, 0)]
    [TestCase("2026-11-30T14:15:00Z", 2026, 11, 30, 14, 15, 0)]
    [TestCase("2026-11-30T14:15:00.5Z", 2026, 11, 30, 14, 15, 0)]
    public void TryParse_ReadsLocalTimeInAZone_OrAnInstant(string text, int year, int month, int day, int hour, int minute, int second)
    {
        Assert.That(StartTimeParser.TryParse(text, out var instant, out var error), Is.True, error);

        var expected = Instant.FromUtc(year, month, day, hour, minute, second);
        if (text.Contains(".5Z", StringComparison.Ordinal)) expected += Duration.FromMilliseconds(500);
        Assert.That(instant, Is.EqualTo(expected));
        Assert.That(error, Is.Empty);
    }

    [TestCase("2026-03-02T14:59Z", 2026, 3, 2, 14, 59, 0)]
    [TestCase("2026-03-02T09:59-05:00", 2026, 3, 2, 14, 59, 0)]
    [TestCase("2026-03-02T17:59:30+03:00", 2026, 3, 2, 14, 59, 30)]
    [TestCase("2026-03-02T14:59+00:00", 2026, 3, 2, 14, 59, 0)]
    public void TryParse_ReadsIso8601TimesWithAnOffset_ToTheMinuteOrSecond(string text, int year, int month, int day, int hour, int minute, int second)
    {
        Assert.That(StartTimeParser.TryParse(text, out var instant, out var error), Is.True, error);

        Assert.That(instant, Is.EqualTo(Instant.FromUtc(year, month, day, hour, minute, second)));
    }

    [Test]
    public void TryParse_TheSecondOfTwoRepeatedLocalTimes_IsChosenByItsOffset()
    {
        // 01:30 on 1 November 2026 in New York: -04:00 is the first (EDT), -05:00 the second (EST).
        Assert.That(StartTimeParser.TryParse("2026-11-01T01:30-05:00", out var second, out _), Is.True);
        Assert.That(StartTimeParser.TryParse("2026-11-01T01:30-04:00", out var first, out _), Is.True);

        Assert.That(second, Is.EqualTo(Instant.FromUtc(2026, 11, 1, 6, 30)));
        Assert.That(first, Is.EqualTo(Instant.FromUtc(2026, 11, 1, 5, 30)));
    }

    [Test]
    public void TryParse_ALocalTimeInTheSpringForwardGap_MovesPastTheGap()
    {
        // 02:30 does not exist on 8 March 2026 in New York; people mean 03:30 EDT.
        Assert.That(StartTimeParser.TryParse("2026-03-08T02:30 America/New_York", out var instant, out _), Is.True);

        Assert.That(instant, Is.EqualTo(Instant.FromUtc(2026, 3, 8, 7, 30)));
    }

    [Test]
    public void TryParse_ALocalTimeInTheFallBackHour_IsTheEarlierOfTheTwo()
    {
        // 01:30 happens twice on 1 November 2026 in New York: first in EDT (05:30Z), then in EST (06:30Z).
        Assert.That(StartTimeParser.TryParse("2026-11-01T01:30 America/New_York", out var instant, out _), Is.True);

        Assert.That(instant, Is.EqualTo(Instant.FromUtc(2026, 11, 1, 5, 30)));
    }

    [TestCase("2026-11-30T09:15 Mars/Olympus_Mons", "Mars/Olympus_Mons")]
    [TestCase("2026-11-30T09:15 america/new_york", "america/new_york")]
    [TestCase("2026-11-30T09:15 EST5EDT-ish", "EST5EDT-ish")]
    public void TryParse_AnUnknownZone_IsRefusedNamingTheZone(string text, string zone)
    {
        Assert.That(StartTimeParser.TryParse(text, out var instant, out var error), Is.False);

        Assert.That(instant, Is.EqualTo(default(Instant)));
        Assert.That(error, Does.Contain($"unknown time zone '{zone}'"));
        Assert.That(error, Does.Contain("America/New_York"), "the error shows what a zone looks like");
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("tomorrow")]
    [TestCase("2026-11-30T09:15")]
    [TestCase("2026-13-30T09:15 America/New_York")]
    [TestCase("2026-11-31T09:15 America/New_York")]
    [TestCase("30/11/2026 09:15 America/New_York")]
    [TestCase("2026-11-30T25:00 America/New_York")]
    [TestCase("2026-11-30T14:15:00")]
    [TestCase("2026-11-30T14:15+25:00")]
    [TestCase("2026-11-30T14Z")]
    public void TryParse_Garbage_IsRefusedWithAnExample(string text)
    {
        Assert.That(StartTimeParser.TryParse(text, out var instant, out var error), Is.False);

        Assert.That(instant, Is.EqualTo(default(Instant)));
        Assert.That(error, Does.Contain("is not a start time"));
        Assert.That(error, Does.Contain("2026-11-30T09:15 America/New_York"));
    }

    [TestCase("9999-12-31T23:59 America/New_York")]
    [TestCase("0000-01-01T00:00 America/New_York")]
    [TestCase("9000-01-01T00:00 Etc/UTC")]
    [TestCase("1899-12-31T23:59 Europe/Moscow")]
    [TestCase("0000-01-01T00:00:00Z")]
    [TestCase("9500-06-01T12:00:00Z")]
    public void TryParse_AStartNearTheEndsOfTime_IsARangeError(string text)
    {
        Assert.That(StartTimeParser.TryParse(text, out var instant, out var error), Is.False);

        Assert.That(instant, Is.EqualTo(default(Instant)));
        Assert.That(error, Is.EqualTo($"'{text}' is out of range; a start time is from 1900-01-01 to 8999-12-31"));
    }

    [TestCase("8999-12-31T23:59 America/New_York")]
    [TestCase("1900-01-01T00:00 Etc/UTC")]
    public void TryParse_TheEdgesOfTheRange_AreAccepted(string text)
    {
        Assert.That(StartTimeParser.TryParse(text, out _, out var error), Is.True, error);
    }
}
