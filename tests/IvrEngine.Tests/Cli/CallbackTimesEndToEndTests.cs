using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Hosting.Callbacks;
using IvrEngine.Tests.Callbacks;
using NodaTime;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// `ivr call --caller-id` on the bundled line: the callback times offered, confirmed and stored lie inside
/// both the queue's hours and the calling window in the callee's zone, and are said in both zones.
/// </summary>
public sealed class CallbackTimesEndToEndTests
{
    /// <summary>Books the first time offered from the billing menu's "call me back" (2, 5, 1, 1); returns the call's output and the stored callback.</summary>
    private static async Task<(IvrResult Call, CallbackRequest? Stored)> CallMeBackAsync(string at, string callerId, string locale = "en-US")
    {
        using var database = new TempDatabase();
        var call = await IvrProcess.RunAsync("2\n5\n1\n1\n", "call", "--at", at, "--seed", "7", "--locale", locale, "--caller-id", callerId, "--callbacks-db", database.Path);
        var reference = System.Text.RegularExpressions.Regex.Match(call.Output, @"Reference: (\S+)").Groups[1].Value;
        var store = new SqliteCallbackStore(database.Path);
        return (call, ReferenceNumber.TryParse(reference, out var parsed) ? store.Find(parsed) : null);
    }

    [Test]
    public async Task MondayAtTenAtNight_ALondonCaller_IsOfferedTuesdayAtNineEastern_TwoInTheAfternoonInTheUK()
    {
        var (call, stored) = await CallMeBackAsync("2026-11-30T22:00 America/New_York", "+442079460958");

        Assert.That(call.ExitCode, Is.Zero, call.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(call.Output, Does.Contain("press 1 for tomorrow at 9:00 AM Eastern Time, 2:00 PM UK Time; 2 for tomorrow at 9:30 AM Eastern Time, 2:30 PM UK Time; or 3 for tomorrow at 10:00 AM Eastern Time, 3:00 PM UK Time."));
            Assert.That(call.Output, Does.Not.Contain("10:30 PM"), "3:30 AM in London is no time to call");
            Assert.That(call.Output, Does.Contain("IVR: Your callback is booked for tomorrow at 9:00 AM Eastern Time, 2:00 PM UK Time."));
            Assert.That(stored?.DueAt, Is.EqualTo(Instant.FromUtc(2026, 12, 1, 14, 0)), "stored for the time the caller was told");
        });
    }

    [Test]
    public async Task MondayAtTwo_PM_AMoscowCaller_IsNotOfferedTwoThirty_TenThirtyAtNightInMoscow()
    {
        var (call, stored) = await CallMeBackAsync("2026-11-30T14:00 America/New_York", "+74951234567", "ru-RU");

        Assert.That(call.ExitCode, Is.Zero, call.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(call.Output, Does.Contain("нажмите 1 — завтра в 9:00 по восточному времени, в 17:00 по московскому времени;"));
            Assert.That(call.Output, Does.Not.Contain("сегодня в 14:30"));
            Assert.That(call.Output, Does.Contain("Обратный звонок заказан: завтра в 9:00 по восточному времени, в 17:00 по московскому времени."));
            Assert.That(stored?.DueAt, Is.EqualTo(Instant.FromUtc(2026, 12, 1, 14, 0)));
        });
    }

    [Test]
    public async Task MondayAtTwo_PM_ARussianMobile_IsCalledOnMoscowTime_NotPostponedForSixteenZones()
    {
        var (call, stored) = await CallMeBackAsync("2026-11-30T14:00 America/New_York", "+79161234567");

        Assert.That(call.ExitCode, Is.Zero, call.ToString());
        Assert.That(call.Output, Does.Contain("press 1 for tomorrow at 9:00 AM Eastern Time, 5:00 PM Moscow Time;"));
        Assert.That(stored?.DueAt, Is.EqualTo(Instant.FromUtc(2026, 12, 1, 14, 0)));
    }

    [Test]
    public async Task ClosedOnSundayNight_ACallerInHawaii_IsFirstOfferedOnePmEastern_EightAmInHawaii()
    {
        using var database = new TempDatabase();

        var call = await IvrProcess.RunAsync("0\n1\n1\n", "call", "--at", "2026-11-29T23:45 America/New_York", "--seed", "3", "--caller-id", "+18085550143", "--callbacks-db", database.Path);

        Assert.That(call.ExitCode, Is.Zero, call.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(call.Output, Does.Contain("press 1 for tomorrow at 1:00 PM Eastern Time, 8:00 AM Hawaii Time;"));
            Assert.That(call.Output, Does.Not.Contain("9:00 AM Eastern Time, 4:00 AM"), "not 4:00 AM in Hawaii");
            Assert.That(call.Output, Does.Contain("(callback ").And.Contain(" tomorrow at 1:00 PM Eastern Time, 8:00 AM Hawaii Time)"));
        });
    }

    [Test]
    public async Task ClosedOnSundayNight_ACallerInSeattle_IsFirstOfferedElevenEastern_EightPacific()
    {
        using var database = new TempDatabase();

        var call = await IvrProcess.RunAsync("0\n9\n", "call", "--at", "2026-11-29T23:45 America/New_York", "--caller-id", "+12065550100", "--callbacks-db", database.Path);

        Assert.That(call.Output, Does.Contain("press 1 for tomorrow at 11:00 AM Eastern Time, 8:00 AM Pacific Time;"));
    }
}
