using IvrEngine.Callbacks;
using NodaTime;

namespace IvrEngine.Tests.Callbacks;

/// <summary>The callee's calling window, the one rule the offers and the dialer share.</summary>
public sealed class CallingWindowTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone Honolulu = DateTimeZoneProviders.Tzdb["Pacific/Honolulu"];

    [Test]
    public void TheDefaultWindow_IsEightInTheMorningToNineAtNight_InTheCalleesZone()
    {
        var window = CallingWindow.Default;
        Assert.Multiple(() =>
        {
            Assert.That(window.IsOpenAt(Instant.FromUtc(2026, 11, 30, 12, 59), NewYork), Is.False, "07:59 in New York");
            Assert.That(window.IsOpenAt(Instant.FromUtc(2026, 11, 30, 13, 0), NewYork), Is.True, "08:00 in New York");
            Assert.That(window.IsOpenAt(Instant.FromUtc(2026, 12, 1, 1, 59), NewYork), Is.True, "20:59 in New York");
            Assert.That(window.IsOpenAt(Instant.FromUtc(2026, 12, 1, 2, 0), NewYork), Is.False, "21:00 in New York");
            Assert.That(window.IsOpenAt(Instant.FromUtc(2026, 11, 30, 14, 0), Honolulu), Is.False, "09:00 in New York is 04:00 in Hawaii");
            Assert.That(window.ToString(), Is.EqualTo("08:00–21:00"));
        });
    }

    [Test]
    public void NextOpen_IsNowWhileOpen_ElseTheNextMorningThere()
    {
        var window = CallingWindow.Default;
        var nineInNewYork = Instant.FromUtc(2026, 11, 30, 14, 0);
        Assert.Multiple(() =>
        {
            Assert.That(window.NextOpen(nineInNewYork, NewYork), Is.EqualTo(nineInNewYork));
            Assert.That(window.NextOpen(nineInNewYork, Honolulu), Is.EqualTo(Instant.FromUtc(2026, 11, 30, 18, 0)), "08:00 in Hawaii");
            Assert.That(window.NextOpen(Instant.FromUtc(2026, 12, 1, 3, 0), NewYork), Is.EqualTo(Instant.FromUtc(2026, 12, 1, 13, 0)), "22:00 waits for 08:00 the next day");
        });
    }

    [Test]
    public void Intervals_AreOnePerDay_OrOneStretchForAWindowOpenAllDay()
    {
        var from = Instant.FromUtc(2026, 11, 30, 5, 0);
        var to = from + Duration.FromDays(2);
        Assert.Multiple(() =>
        {
            Assert.That(CallingWindow.Default.Intervals(from, to, NewYork), Is.EqualTo(new[]
            {
                new Interval(Instant.FromUtc(2026, 11, 30, 13, 0), Instant.FromUtc(2026, 12, 1, 2, 0)),
                new Interval(Instant.FromUtc(2026, 12, 1, 13, 0), Instant.FromUtc(2026, 12, 2, 2, 0)),
            }));
            Assert.That(CallingWindow.AllDay.Intervals(from, to, NewYork), Is.EqualTo(new[] { new Interval(from, to) }));
        });
    }

    [Test]
    public void OnTheDayClocksFallBack_TheWindowIsOneHourLonger_InElapsedTime()
    {
        var day = CallingWindow.Default.Intervals(Instant.FromUtc(2026, 11, 1, 4, 0), Instant.FromUtc(2026, 11, 2, 4, 0), NewYork).Single();

        Assert.That((day.Start, day.End), Is.EqualTo((Instant.FromUtc(2026, 11, 1, 13, 0), Instant.FromUtc(2026, 11, 2, 2, 0))), "08:00 EST to 21:00 EST");
    }

    [TestCase(21, 8, TestName = "a window that closes before it opens is refused")]
    [TestCase(9, 9, TestName = "a window that closes as it opens is refused")]
    [TestCase(-1, 21, TestName = "a window opening before midnight is refused")]
    [TestCase(8, 25, TestName = "a window closing after midnight is refused")]
    [TestCase(double.NaN, 21, TestName = "a window opening at no hour is refused")]
    public void AWindowThatNeverOpens_IsRefused(double start, double end) =>
        Assert.That(() => CallingWindow.FromHours(start, end), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("must open before it closes"));

    [Test]
    public void FractionsOfAnHour_AreMinutes() =>
        Assert.That(CallingWindow.FromHours(8.5, 20.75).ToString(), Is.EqualTo("08:30–20:45"));

    [Test]
    public void SettingsWhoseWindowNeverOpens_FailValidation_NamingBothSettings()
    {
        var options = new IvrEngine.Hosting.Callbacks.CallbackOptions { CallingWindowStartHour = 21, CallingWindowEndHour = 8 };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.That((valid, results.Single().ErrorMessage), Is.EqualTo((false,
            "Ivr:Callbacks:CallingWindowStartHour (21) must be before Ivr:Callbacks:CallingWindowEndHour (8): the window would never open.")));
    }

    [Test]
    public void TheSettingsWindow_IsTheOneTheLineKeeps() =>
        Assert.That(new IvrEngine.Hosting.Callbacks.CallbackOptions { CallingWindowStartHour = 9, CallingWindowEndHour = 20 }.CallingWindow().ToString(), Is.EqualTo("09:00–20:00"));
}
