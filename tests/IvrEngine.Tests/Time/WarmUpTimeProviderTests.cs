using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Tests.Time;

/// <summary>
/// Real time after a virtual warm-up (<c>ivr call --busy</c> on the real clock). The "wall" here is a
/// <see cref="VirtualClock"/> standing at a fixed instant, so what real time does after the warm-up is
/// seen exactly: a timer pending at the change fires when the wall has moved by the time it had left.
/// </summary>
public sealed class WarmUpTimeProviderTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 30, 14, 15);
    private static readonly Duration Hour = Duration.FromHours(1);

    private static (WarmUpTimeProvider Time, VirtualClock Wall) Make(double speed = 1)
    {
        var wall = new VirtualClock(Instant.FromUtc(2025, 3, 1, 8, 0));
        return (new WarmUpTimeProvider(wall, Start, Hour, speed), wall);
    }

    private static Instant Now(TimeProvider time) => Instant.FromDateTimeOffset(time.GetUtcNow());

    [Test]
    public void BeforeTheWarmUpRuns_TimeStandsAtTheWarmUpsStart()
    {
        var (time, _) = Make();

        Assert.That(Now(time), Is.EqualTo(Start - Hour));
        Assert.That(time.IsReal, Is.False);
    }

    [Test]
    public void FinishingTheWarmUp_FiresItsTimersInOrderAtTheirInstants_ThenStandsAtTheStart()
    {
        var (time, _) = Make();
        var fired = new List<(string Name, Instant At)>();
        using var late = time.CreateTimer(_ => fired.Add(("late", Now(time))), null, TimeSpan.FromMinutes(50), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => fired.Add(("early", Now(time))), null, TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);

        time.FinishWarmUp();

        Assert.That(fired, Is.EqualTo(new[] { ("early", Start - Duration.FromMinutes(50)), ("late", Start - Duration.FromMinutes(10)) }));
        Assert.That(Now(time), Is.EqualTo(Start));
        Assert.That(time.IsReal, Is.True);
    }

    [Test]
    public void AfterTheWarmUp_TimeIsTheWallsFromTheStart_AtTheGivenSpeed()
    {
        var (time, wall) = Make(speed: 10);
        time.FinishWarmUp();

        wall.Advance(Duration.FromSeconds(3));

        Assert.That(Now(time), Is.EqualTo(Start + Duration.FromSeconds(30)));
    }

    [Test]
    public void ATimerPendingAtTheChange_FiresInRealTime_WhenItsTimeLeftHasPassed()
    {
        var (time, wall) = Make();
        var fired = new List<Instant>();
        // Made 50 minutes into the warm-up, due 15 minutes later: 5 minutes after the start.
        using var maker = time.CreateTimer(_ => time.CreateTimer(_ => fired.Add(Now(time)), null, TimeSpan.FromMinutes(15), Timeout.InfiniteTimeSpan), null, TimeSpan.FromMinutes(50), Timeout.InfiniteTimeSpan);

        time.FinishWarmUp();
        wall.Advance(Duration.FromMinutes(5) - Duration.FromSeconds(1));
        Assert.That(fired, Is.Empty);
        wall.Advance(Duration.FromSeconds(1));

        Assert.That(fired, Is.EqualTo(new[] { Start + Duration.FromMinutes(5) }));
    }

    [Test]
    public void APeriodicTimer_KeepsItsBeatAcrossTheChange()
    {
        var (time, wall) = Make();
        var fired = new List<Instant>();
        using var beat = time.CreateTimer(_ => fired.Add(Now(time)), null, TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(25));

        time.FinishWarmUp();
        wall.Advance(Duration.FromMinutes(40));

        Assert.That(fired, Is.EqualTo(new[] { -35, -10, 15, 40 }.Select(m => Start + Duration.FromMinutes(m))));
    }

    [Test]
    public void StoppedAndDisposedTimers_DoNotComeBackAfterTheChange_AndAMovedTimerCanBeChanged()
    {
        var (time, wall) = Make();
        var fired = new List<string>();
        var disposed = time.CreateTimer(_ => fired.Add("disposed"), null, TimeSpan.FromMinutes(70), Timeout.InfiniteTimeSpan);
        using var stopped = time.CreateTimer(_ => fired.Add("stopped"), null, TimeSpan.FromMinutes(70), Timeout.InfiniteTimeSpan);
        using var moved = time.CreateTimer(_ => fired.Add("moved"), null, TimeSpan.FromMinutes(70), Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        stopped.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        time.FinishWarmUp();
        Assert.That(moved.Change(TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan), Is.True);
        wall.Advance(Duration.FromMinutes(30));

        Assert.That(fired, Is.EqualTo(new[] { "moved" }));
        Assert.That(disposed.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan), Is.False);
    }

    [Test]
    public void ANegativeWarmUpOrSpeed_IsRefused()
    {
        var wall = new VirtualClock(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new WarmUpTimeProvider(wall, Start, -Hour));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new WarmUpTimeProvider(wall, Start, Hour, speed: 0));
    }
}
