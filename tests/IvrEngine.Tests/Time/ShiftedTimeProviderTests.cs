using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Tests.Time;

public sealed class ShiftedTimeProviderTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 30, 14, 15);
    private static readonly DateTimeOffset InnerNow = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void GetUtcNow_ReportsTheChosenStartExactly()
    {
        var inner = new ManualTimeProvider(InnerNow);

        var shifted = new ShiftedTimeProvider(inner, Start);

        Assert.That(shifted.GetUtcNow(), Is.EqualTo(Start.ToDateTimeOffset()));
    }

    [Test]
    public void GetUtcNow_MovesAtTheInnerProvidersPace()
    {
        var inner = new ManualTimeProvider(InnerNow);
        var shifted = new ShiftedTimeProvider(inner, Start);

        inner.Now += TimeSpan.FromSeconds(42.5);

        Assert.That(shifted.GetUtcNow(), Is.EqualTo((Start + Duration.FromSeconds(42.5)).ToDateTimeOffset()));
    }

    [Test]
    public void GetUtcNow_CanShiftIntoThePast()
    {
        var inner = new ManualTimeProvider(InnerNow);
        var past = Instant.FromUtc(1999, 12, 31, 23, 59);

        var shifted = new ShiftedTimeProvider(inner, past);

        Assert.That(shifted.GetUtcNow(), Is.EqualTo(past.ToDateTimeOffset()));
    }

    [Test]
    public void TimestampsTimeZoneAndTimers_ComeFromTheInnerProvider()
    {
        var inner = new ManualTimeProvider(InnerNow) { Timestamp = 12345 };
        var shifted = new ShiftedTimeProvider(inner, Start);
        TimerCallback callback = _ => { };
        var state = new object();

        using var timer = shifted.CreateTimer(callback, state, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7));

        Assert.That(shifted.GetTimestamp(), Is.EqualTo(12345));
        Assert.That(shifted.TimestampFrequency, Is.EqualTo(inner.TimestampFrequency));
        Assert.That(shifted.LocalTimeZone, Is.SameAs(inner.LocalTimeZone));
        Assert.That(timer, Is.SameAs(inner.LastTimer));
        Assert.That(inner.LastTimerArguments, Is.EqualTo((callback, state, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7))));
    }

    [Test]
    public void Timers_RunOnTheInnerClock_NotTheShiftedOne()
    {
        // Shifting "now" must not move due times: a 5 s timeout on a shifted real clock is 5 real seconds.
        var inner = new VirtualClock(Instant.FromUtc(2025, 3, 1, 8, 0));
        var shifted = new ShiftedTimeProvider(inner, Start);
        var firedAt = new List<DateTimeOffset>();
        using var timer = shifted.CreateTimer(_ => firedAt.Add(shifted.GetUtcNow()), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        inner.Advance(Duration.FromSeconds(4.999));
        Assert.That(firedAt, Is.Empty);
        inner.Advance(Duration.FromMilliseconds(1));

        Assert.That(firedAt, Is.EqualTo(new[] { (Start + Duration.FromSeconds(5)).ToDateTimeOffset() }));
    }

    [Test]
    public void AtASpeed_TheClockAndElapsedTimeRunThatManyTimesFaster()
    {
        var inner = new ManualTimeProvider(InnerNow) { Timestamp = 1_000 };
        var fast = new ShiftedTimeProvider(inner, Start, speed: 10);

        inner.Now += TimeSpan.FromSeconds(1.5);
        inner.Timestamp += 1_500;

        Assert.That(fast.GetUtcNow(), Is.EqualTo((Start + Duration.FromSeconds(15)).ToDateTimeOffset()));
        Assert.That(fast.GetElapsedTime(1_000), Is.EqualTo(TimeSpan.FromSeconds(15)));
    }

    [Test]
    public void AtASpeed_TimersFireWhenTheFastClockReachesTheirDueTime_AndChangeIsScaledToo()
    {
        var inner = new VirtualClock(Instant.FromUtc(2025, 3, 1, 8, 0));
        var fast = new ShiftedTimeProvider(inner, Start, speed: 10);
        var firedAt = new List<DateTimeOffset>();
        using var timer = fast.CreateTimer(_ => firedAt.Add(fast.GetUtcNow()), null, TimeSpan.FromSeconds(7), Timeout.InfiniteTimeSpan);

        inner.Advance(Duration.FromMilliseconds(699));
        Assert.That(firedAt, Is.Empty);
        inner.Advance(Duration.FromMilliseconds(1));
        Assert.That(firedAt, Is.EqualTo(new[] { (Start + Duration.FromSeconds(7)).ToDateTimeOffset() }));

        timer.Change(TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan);
        inner.Advance(Duration.FromSeconds(2));
        Assert.That(firedAt, Has.Count.EqualTo(2));
        Assert.That(firedAt[1], Is.EqualTo((Start + Duration.FromSeconds(27)).ToDateTimeOffset()));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void ASpeedThatIsNotAPositiveNumber_IsRefused(double speed)
    {
        Assert.That(() => new ShiftedTimeProvider(new ManualTimeProvider(InnerNow), Start, speed), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    /// <summary>A time provider that moves only when the test moves it, and records the timers asked of it.</summary>
    private sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public long Timestamp { get; set; }

        public ITimer? LastTimer { get; private set; }

        public (TimerCallback, object?, TimeSpan, TimeSpan)? LastTimerArguments { get; private set; }

        public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.CreateCustomTimeZone("Test/Zone", TimeSpan.FromHours(3), "Test", "Test");

        public override DateTimeOffset GetUtcNow() => Now;

        public override long GetTimestamp() => Timestamp;

        public override long TimestampFrequency => 1_000;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            LastTimerArguments = (callback, state, dueTime, period);
            LastTimer = new NeverTimer();
            return LastTimer;
        }

        private sealed class NeverTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
