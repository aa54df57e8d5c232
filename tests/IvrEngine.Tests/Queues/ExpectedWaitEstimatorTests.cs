using IvrEngine.Queues;
using NodaTime;

namespace IvrEngine.Tests.Queues;

public sealed class ExpectedWaitEstimatorTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 14, 0);
    private static readonly Duration[] TwoMinuteCalls = [Duration.FromMinutes(2), Duration.FromMinutes(2), Duration.FromMinutes(2)];

    private static AgentSnapshot OnCallFor(double seconds) => new(AgentState.OnCall, Now - Duration.FromSeconds(seconds), default);

    private static AgentSnapshot Free => new(AgentState.Available, default, default);

    private static double? Seconds(int position, params AgentSnapshot[] agents) =>
        Estimate(position, agents, TwoMinuteCalls)?.TotalSeconds;

    /// <summary>The estimate as a queue makes it: the average of its recent handle times, then the wait.</summary>
    private static Duration? Estimate(int position, AgentSnapshot[] agents, Duration[] recentHandleTimes) =>
        ExpectedWaitEstimator.AverageHandle(recentHandleTimes.Sum(d => d.BclCompatibleTicks), recentHandleTimes.Length) is { } average
            ? ExpectedWaitEstimator.Estimate(position, agents, average, Now)
            : null;

    [Test]
    public void OneAgentJustStarted_TheNextCallerWaitsOneAverageCall_EachLaterOneAnother()
    {
        Assert.That(Seconds(1, OnCallFor(0)), Is.EqualTo(120));
        Assert.That(Seconds(2, OnCallFor(0)), Is.EqualTo(240));
        Assert.That(Seconds(3, OnCallFor(0)), Is.EqualTo(360));
    }

    [Test]
    public void TwoAgents_ShareTheLine()
    {
        Assert.That(Seconds(1, OnCallFor(0), OnCallFor(60)), Is.EqualTo(60), "the agent halfway through frees first");
        Assert.That(Seconds(2, OnCallFor(0), OnCallFor(60)), Is.EqualTo(120));
        Assert.That(Seconds(3, OnCallFor(0), OnCallFor(60)), Is.EqualTo(180));
    }

    [Test]
    public void AFreeAgent_MeansNoWaitForTheFirstCaller()
    {
        Assert.That(Seconds(1, Free, OnCallFor(0)), Is.Zero);
        Assert.That(Seconds(2, Free, OnCallFor(0)), Is.EqualTo(120));
    }

    [Test]
    public void WrapUp_EndsWhenItEnds()
    {
        var wrapping = new AgentSnapshot(AgentState.WrapUp, default, Now + Duration.FromSeconds(25));

        Assert.That(Seconds(1, wrapping), Is.EqualTo(25));
    }

    [Test]
    public void ACallRunningPastTheAverage_DoesNotMakeTheEstimateGrow()
    {
        // Asterisk's estimate grows once callers wait past the average; this one is bounded by the agent's progress.
        var overrun = Seconds(1, OnCallFor(600));

        Assert.That(overrun, Is.EqualTo(12), "a tenth of the average is assumed left");
        Assert.That(Seconds(1, OnCallFor(610)), Is.EqualTo(overrun));
    }

    [Test]
    public void TheEstimateFalls_AsTheAgentsCallProgresses()
    {
        var estimates = Enumerable.Range(0, 12).Select(step => Seconds(2, OnCallFor(step * 10))!.Value).ToList();

        Assert.That(estimates, Is.Ordered.Descending);
    }

    [Test]
    public void WithoutEnoughHistory_OrWithoutAgents_ThereIsNoEstimate()
    {
        Assert.That(Estimate(1, [OnCallFor(0)], [Duration.FromMinutes(2), Duration.FromMinutes(2)]), Is.Null);
        Assert.That(Estimate(1, [], TwoMinuteCalls), Is.Null);
        Assert.That(Estimate(1, [new AgentSnapshot(AgentState.Away, default, default)], TwoMinuteCalls), Is.Null);
    }

    [Test]
    public void ALongQueue_IsEstimatedRoundByRound()
    {
        // 3 agents, 2-minute calls, started 0, 40 and 80 s ago: turns at 40, 80, 120 s, then every 2 minutes again.
        var agents = new[] { OnCallFor(0), OnCallFor(40), OnCallFor(80) };

        Assert.That(Seconds(1, agents), Is.EqualTo(40));
        Assert.That(Seconds(3, agents), Is.EqualTo(120));
        Assert.That(Seconds(4, agents), Is.EqualTo(160));
        Assert.That(Seconds(3000, agents), Is.EqualTo(120 + (999 * 120)));
    }

    [Test]
    public void AgentsFreeingFarApart_AreStillEstimatedTurnByTurn()
    {
        // One agent free now, one in a wrap-up ending in 5 minutes (beyond one average call).
        var agents = new[] { Free, new AgentSnapshot(AgentState.WrapUp, default, Now + Duration.FromMinutes(5)) };

        Assert.That(Seconds(1, agents), Is.Zero);
        Assert.That(Seconds(2, agents), Is.EqualTo(120));
        Assert.That(Seconds(3, agents), Is.EqualTo(240));
        Assert.That(Seconds(4, agents), Is.EqualTo(300));
    }

    [Test]
    public void AQueueOfHundredsOfAgents_IsEstimatedLikeASmallOne()
    {
        // Beyond the few hundred members whose free moments fit on the stack: 400 agents, one call started each second.
        var agents = Enumerable.Range(0, 400).Select(i => OnCallFor(i % 120)).ToArray();

        Assert.That(Seconds(1, agents), Is.EqualTo(12), "the calls nearly done are assumed to have a tenth of the average left");
        Assert.That(Seconds(400, agents), Is.EqualTo(120), "the last agent to come free has just started");
        Assert.That(Seconds(401, agents), Is.EqualTo(12 + 120), "then the first agent again, one call later");
    }

    [Test]
    public void AQueuesAverageHandleTime_FollowsItsLastFiftyCalls()
    {
        var queue = new LiveQueue(QueueMenus.With().Queues["a"], [], observer: null, new IvrEngine.Time.VirtualClock(Now));
        Assert.That(queue.AverageHandleTime, Is.Null, "no history yet");

        // 60 calls of 1, 2, … 60 minutes: the last fifty are 11 … 60 minutes, 35.5 on average.
        for (var minutes = 1; minutes <= 60; minutes++) queue.RecordHandleTime(Duration.FromMinutes(minutes));

        Assert.That(queue.AverageHandleTime, Is.EqualTo(Duration.FromSeconds(35.5 * 60)));
    }

    [Test]
    public void ThePositionMustBeOneOrMore()
    {
        Assert.That(Seconds(0, Free), Is.Null);
        Assert.That(Seconds(-3, Free), Is.Null);
    }

    [TestCase(30, "en-US", "less than a minute")]
    [TestCase(60, "en-US", "about 1 minute")]
    [TestCase(61, "en-US", "about 2 minutes")]
    [TestCase(30, "ru-RU", "меньше минуты")]
    [TestCase(60, "ru-RU", "около 1 минуты")]
    [TestCase(180, "ru-RU", "около 3 минут")]
    [TestCase(21 * 60, "ru-RU", "около 21 минуты")]
    [TestCase(11 * 60, "ru-RU", "около 11 минут")]
    public void WaitPhrase_RoundsUpToWholeMinutes_InTheCallersLanguage(int seconds, string locale, string expected)
    {
        Assert.That(WaitPhrase.For(Duration.FromSeconds(seconds), locale), Is.EqualTo(expected));
    }

    [Test]
    public void EveryEstimate_IsThePthTurn_TakenOneByOne_OverThousandsOfRandomQueues()
    {
        // The estimator selects and sifts whole nanoseconds in place; the definition is the p-th of the
        // agents' free moments taken one by one, each coming round again one handle time later.
        var random = new Random(7);
        var states = new[] { AgentState.Available, AgentState.Ringing, AgentState.OnCall, AgentState.WrapUp, AgentState.Away };
        for (var queue = 0; queue < 5000; queue++)
        {
            var average = Duration.FromTicks(random.NextInt64(1, 6_000_000_000));
            var agents = Enumerable.Range(0, random.Next(0, 40)).Select(_ => new AgentSnapshot(
                states[random.Next(states.Length)],
                Now - Duration.FromTicks(random.NextInt64(0, 2 * average.BclCompatibleTicks)),
                Now + Duration.FromTicks(random.NextInt64(-3_000_000_000, 3_000_000_000)))).ToArray();
            var position = random.Next(0, 120);

            var expected = TurnByTurn(position, agents, average);
            Assert.That(ExpectedWaitEstimator.Estimate(position, agents, average, Now), Is.EqualTo(expected),
                $"queue {queue}: position {position}, {agents.Length} agents");

            // The announcement's question, at the estimate itself and a nanosecond either side of it.
            var handle = new ExpectedWaitEstimator.HandleTimes(average);
            foreach (var threshold in ThresholdsAround(expected ?? Duration.FromSeconds(random.Next(0, 600))))
            {
                Assert.That(ExpectedWaitEstimator.IsOver(position, FreeMoments(agents, handle), handle, threshold), Is.EqualTo(expected > threshold),
                    $"queue {queue}: position {position}, {agents.Length} agents, over {threshold}");
            }
        }
    }

    private static Duration[] ThresholdsAround(Duration wait) => [wait - Duration.Epsilon, wait, wait + Duration.Epsilon, Duration.Zero];

    /// <summary>The logged-in agents' next free moments, in nanoseconds from now, as the estimator reads them.</summary>
    private static long[] FreeMoments(AgentSnapshot[] agents, ExpectedWaitEstimator.HandleTimes handle) =>
    [
        .. agents.Where(a => a.State != AgentState.Away).Select(a => a.State switch
        {
            AgentState.Available => 0,
            AgentState.WrapUp => ExpectedWaitEstimator.FreeAfterWrapUp((a.WrapUpEndsAt - Now).ToInt64Nanoseconds()),
            _ => handle.FreeAfterCall((a.CallStartedAt - Now).ToInt64Nanoseconds()),
        }),
    ];

    /// <summary>The definition, with no shortcut: free moments as Instants, the earliest taken and put back one handle time later, p times.</summary>
    private static Duration? TurnByTurn(int position, AgentSnapshot[] agents, Duration average)
    {
        var freeAt = agents.Where(a => a.State != AgentState.Away).Select(a => a.State switch
        {
            AgentState.Available => Now,
            AgentState.WrapUp => Instant.Max(Now, a.WrapUpEndsAt),
            _ => Instant.Max(a.CallStartedAt + average, Now + (average * 0.1)),
        }).ToList();
        if (position < 1 || freeAt.Count == 0) return null;
        var turn = Now;
        for (var i = 0; i < position; i++)
        {
            turn = freeAt.Min();
            freeAt.Remove(turn);
            freeAt.Add(turn + average);
        }
        return turn - Now;
    }
}
