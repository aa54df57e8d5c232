using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Tests.Time;

public sealed class VirtualClockTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 30, 14, 15);

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    [Test]
    public void Now_StartsAtTheGivenInstant_AndStandsStillUntilAdvanced()
    {
        var clock = new VirtualClock(Start);

        Assert.That(clock.Now, Is.EqualTo(Start));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.ToDateTimeOffset()));
        Assert.That(clock.GetUtcNow().Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(clock.NextDue, Is.Null);
    }

    [Test]
    public void Advance_FiresTimersInDueOrder()
    {
        var clock = new VirtualClock(Start);
        var fired = new List<string>();
        using var late = clock.CreateTimer(_ => fired.Add("3s"), null, Seconds(3), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add("1s"), null, Seconds(1), Timeout.InfiniteTimeSpan);
        using var middle = clock.CreateTimer(_ => fired.Add("2s"), null, Seconds(2), Timeout.InfiniteTimeSpan);

        clock.Advance(Duration.FromSeconds(10));

        Assert.That(fired, Is.EqualTo(new[] { "1s", "2s", "3s" }));
    }

    [Test]
    public void Advance_FiresTimersDueAtTheSameInstantInTheOrderTheyWereScheduled()
    {
        var clock = new VirtualClock(Start);
        var fired = new List<int>();
        var timers = Enumerable.Range(0, 10)
            .Select(i => clock.CreateTimer(_ => fired.Add(i), null, Seconds(5), Timeout.InfiniteTimeSpan))
            .ToList();

        clock.Advance(Duration.FromSeconds(5));

        Assert.That(fired, Is.EqualTo(Enumerable.Range(0, 10)));
        timers.ForEach(t => t.Dispose());
    }

    [Test]
    public void Advance_ReportsEachTimersDueTimeInsideItsCallback_AndStopsExactlyAtTheTarget()
    {
        var clock = new VirtualClock(Start);
        var seen = new List<DateTimeOffset>();
        using var a = clock.CreateTimer(_ => seen.Add(clock.GetUtcNow()), null, Seconds(1.5), Timeout.InfiniteTimeSpan);
        using var b = clock.CreateTimer(_ => seen.Add(clock.GetUtcNow()), null, Seconds(4), Timeout.InfiniteTimeSpan);

        clock.Advance(Duration.FromSeconds(7));

        Assert.That(seen, Is.EqualTo(new[] { (Start + Duration.FromSeconds(1.5)).ToDateTimeOffset(), (Start + Duration.FromSeconds(4)).ToDateTimeOffset() }));
        Assert.That(clock.Now, Is.EqualTo(Start + Duration.FromSeconds(7)));
    }

    [Test]
    public void Advance_FiresATimerDueExactlyAtTheTarget_ButNotOneATickLater()
    {
        var clock = new VirtualClock(Start);
        var fired = new List<string>();
        using var atTarget = clock.CreateTimer(_ => fired.Add("at"), null, Seconds(5), Timeout.InfiniteTimeSpan);
        using var tickLater = clock.CreateTimer(_ => fired.Add("after"), null, Seconds(5) + TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);

        clock.Advance(Duration.FromSeconds(5));

        Assert.That(fired, Is.EqualTo(new[] { "at" }));
        Assert.That(clock.NextDue, Is.EqualTo(Start + Duration.FromSeconds(5) + Duration.FromTicks(1)));

        clock.Advance(Duration.FromTicks(1));
        Assert.That(fired, Is.EqualTo(new[] { "at", "after" }));
    }

    [Test]
    public void Advance_ByZero_FiresTimersDueNow()
    {
        var clock = new VirtualClock(Start);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        Assert.That(fired, Is.Zero, "a virtual timer never fires while it is being created");
        clock.Advance(Duration.Zero);

        Assert.That(fired, Is.EqualTo(1));
        Assert.That(clock.Now, Is.EqualTo(Start));
    }

    [Test]
    public void Advance_FiresATimerThatACallbackCreatesInsideTheWindow_ButNotOneBeyondIt()
    {
        var clock = new VirtualClock(Start);
        var fired = new List<(string Name, Instant At)>();
        var children = new List<ITimer>();
        using var parent = clock.CreateTimer(
            _ =>
            {
                fired.Add(("parent", clock.Now));
                children.Add(clock.CreateTimer(_ => fired.Add(("inside", clock.Now)), null, Seconds(2), Timeout.InfiniteTimeSpan));
                children.Add(clock.CreateTimer(_ => fired.Add(("beyond", clock.Now)), null, Seconds(20), Timeout.InfiniteTimeSpan));
            },
            null,
            Seconds(1),
            Timeout.InfiniteTimeSpan);

        clock.Advance(Duration.FromSeconds(10));

        Assert.That(fired, Is.EqualTo(new[] { ("parent", Start + Duration.FromSeconds(1)), ("inside", Start + Duration.FromSeconds(3)) }));
        Assert.That(clock.NextDue, Is.EqualTo(Start + Duration.FromSeconds(21)));
        children.ForEach(c => c.Dispose());
    }

    [Test]
    public void Advance_AChainOfTimersEachCreatingTheNext_FiresAllThatFallInTheWindow()
    {
        var clock = new VirtualClock(Start);
        var firedAt = new List<Instant>();
        var timers = new List<ITimer>();
        void Schedule() => timers.Add(clock.CreateTimer(_ =>
        {
            firedAt.Add(clock.Now);
            Schedule();
        }, null, Seconds(1), Timeout.InfiniteTimeSpan));
        Schedule();

        clock.Advance(Duration.FromSeconds(5));

        Assert.That(firedAt, Is.EqualTo(Enumerable.Range(1, 5).Select(s => Start + Duration.FromSeconds(s))));
        timers.ForEach(t => t.Dispose());
    }

    [Test]
    public void Dispose_ADisposedTimerNeverFires()
    {
        var clock = new VirtualClock(Start);
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, Seconds(1), Seconds(1));

        timer.Dispose();
        clock.Advance(Duration.FromHours(1));

        Assert.That(fired, Is.Zero);
        Assert.That(clock.NextDue, Is.Null);
        Assert.That(timer.Change(Seconds(1), Timeout.InfiniteTimeSpan), Is.False, "a disposed timer cannot be restarted");
        clock.Advance(Duration.FromHours(1));
        Assert.That(fired, Is.Zero);
    }

    [Test]
    public async Task DisposeAsync_CancelsLikeDispose()
    {
        var clock = new VirtualClock(Start);
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, Seconds(1), Timeout.InfiniteTimeSpan);

        await timer.DisposeAsync();
        clock.Advance(Duration.FromSeconds(5));

        Assert.That(fired, Is.Zero);
    }

    [Test]
    public void Dispose_InsideAnEarlierCallback_CancelsATimerDueAtTheSameInstant()
    {
        var clock = new VirtualClock(Start);
        var fired = new List<string>();
        ITimer? second = null;
        using var first = clock.CreateTimer(_ =>
        {
            fired.Add("first");
            second!.Dispose();
        }, null, Seconds(1), Timeout.InfiniteTimeSpan);
        second = clock.CreateTimer(_ => fired.Add("second"), null, Seconds(1), Timeout.InfiniteTimeSpan);

        clock.Advance(Duration.FromSeconds(2));

        Assert.That(fired, Is.EqualTo(new[] { "first" }));
    }

    [Test]
    public void Change_ReschedulesFromTheCurrentInstant_AndTheOldScheduleNoLongerFires()
    {
        var clock = new VirtualClock(Start);
        var firedAt = new List<Instant>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.Now), null, Seconds(2), Timeout.InfiniteTimeSpan);

        clock.Advance(Duration.FromSeconds(1));
        Assert.That(timer.Change(Seconds(3), Timeout.InfiniteTimeSpan), Is.True);
        clock.Advance(Duration.FromSeconds(10));

        Assert.That(firedAt, Is.EqualTo(new[] { Start + Duration.FromSeconds(4) }));
    }

    [Test]
    public void Change_ToAnInfiniteDueTime_StopsTheTimer()
    {
        var clock = new VirtualClock(Start);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, Seconds(1), Seconds(1));

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(Duration.FromMinutes(1));

        Assert.That(fired, Is.Zero);
        Assert.That(clock.NextDue, Is.Null);
    }

    [Test]
    public void PeriodicTimer_FiresAtTheDueTimeThenEveryPeriod()
    {
        var clock = new VirtualClock(Start);
        var firedAt = new List<Instant>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.Now), null, Seconds(1), Seconds(2));

        clock.Advance(Duration.FromSeconds(6));

        Assert.That(firedAt, Is.EqualTo(new[] { 1, 3, 5 }.Select(s => Start + Duration.FromSeconds(s))));
        Assert.That(clock.NextDue, Is.EqualTo(Start + Duration.FromSeconds(7)));
    }

    [Test]
    public void PeriodicTimer_DisposedFromItsOwnCallback_StopsRepeating()
    {
        var clock = new VirtualClock(Start);
        var fired = 0;
        ITimer? timer = null;
        timer = clock.CreateTimer(_ =>
        {
            if (++fired == 2) timer!.Dispose();
        }, null, Seconds(1), Seconds(1));

        clock.Advance(Duration.FromSeconds(10));

        Assert.That(fired, Is.EqualTo(2));
        Assert.That(clock.NextDue, Is.Null);
    }

    [Test]
    public void PeriodicTimer_ChangedFromItsOwnCallback_FollowsTheNewSchedule()
    {
        var clock = new VirtualClock(Start);
        var firedAt = new List<Instant>();
        ITimer? timer = null;
        timer = clock.CreateTimer(_ =>
        {
            firedAt.Add(clock.Now);
            if (firedAt.Count == 1) timer!.Change(Seconds(5), Timeout.InfiniteTimeSpan);
        }, null, Seconds(1), Seconds(1));

        clock.Advance(Duration.FromSeconds(20));

        Assert.That(firedAt, Is.EqualTo(new[] { Start + Duration.FromSeconds(1), Start + Duration.FromSeconds(6) }));
        timer.Dispose();
    }

    [Test]
    public void InfiniteDueTime_NeverFires()
    {
        var clock = new VirtualClock(Start);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, Timeout.InfiniteTimeSpan, Seconds(1));

        clock.Advance(Duration.FromDays(365));

        Assert.That(fired, Is.Zero);
        Assert.That(clock.NextDue, Is.Null);
        Assert.That(clock.RunNext(), Is.False);
    }

    [Test]
    public void TimerState_IsPassedToTheCallback()
    {
        var clock = new VirtualClock(Start);
        object? received = null;
        var state = new object();
        using var timer = clock.CreateTimer(s => received = s, state, Seconds(1), Timeout.InfiniteTimeSpan);

        clock.Advance(Duration.FromSeconds(1));

        Assert.That(received, Is.SameAs(state));
    }

    [Test]
    public void NextDue_IsTheEarliestLiveTimer_SkippingCancelledOnes()
    {
        var clock = new VirtualClock(Start);
        var early = clock.CreateTimer(_ => { }, null, Seconds(1), Timeout.InfiniteTimeSpan);
        using var late = clock.CreateTimer(_ => { }, null, Seconds(3), Timeout.InfiniteTimeSpan);

        Assert.That(clock.NextDue, Is.EqualTo(Start + Duration.FromSeconds(1)));
        early.Dispose();
        Assert.That(clock.NextDue, Is.EqualTo(Start + Duration.FromSeconds(3)));
        Assert.That(clock.Now, Is.EqualTo(Start), "asking when the next timer is due does not move time");
    }

    [Test]
    public void RunNext_JumpsToTheNextDueTimer_AndFiresEveryTimerDueThen()
    {
        var clock = new VirtualClock(Start);
        var fired = new List<string>();
        using var a = clock.CreateTimer(_ => fired.Add("a"), null, Seconds(4), Timeout.InfiniteTimeSpan);
        using var b = clock.CreateTimer(_ => fired.Add("b"), null, Seconds(4), Timeout.InfiniteTimeSpan);
        using var c = clock.CreateTimer(_ => fired.Add("c"), null, Seconds(9), Timeout.InfiniteTimeSpan);

        Assert.That(clock.RunNext(), Is.True);
        Assert.That(fired, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(clock.Now, Is.EqualTo(Start + Duration.FromSeconds(4)));

        Assert.That(clock.RunNext(), Is.True);
        Assert.That(fired, Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(clock.Now, Is.EqualTo(Start + Duration.FromSeconds(9)));

        Assert.That(clock.RunNext(), Is.False);
        Assert.That(clock.Now, Is.EqualTo(Start + Duration.FromSeconds(9)), "with nothing scheduled, time stays put");
    }

    [Test]
    public void Advance_Backwards_ThrowsAndLeavesTimeAlone()
    {
        var clock = new VirtualClock(Start);

        Assert.That(() => clock.Advance(Duration.FromTicks(-1)), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(clock.Now, Is.EqualTo(Start));
    }

    [Test]
    public void AdvanceTo_AnEarlierInstant_ThrowsAndLeavesTimeAlone()
    {
        var clock = new VirtualClock(Start);
        clock.Advance(Duration.FromMinutes(1));

        Assert.That(() => clock.AdvanceTo(Start), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(clock.Now, Is.EqualTo(Start + Duration.FromMinutes(1)));
    }

    [Test]
    public void Timestamps_FollowVirtualTime()
    {
        var clock = new VirtualClock(Start);
        var before = clock.GetTimestamp();

        clock.Advance(Duration.FromSeconds(90));

        Assert.That(clock.GetElapsedTime(before), Is.EqualTo(TimeSpan.FromSeconds(90)));
    }
}
