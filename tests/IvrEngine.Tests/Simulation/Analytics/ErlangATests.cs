using IvrEngine.Simulation.Analytics;
using NodaTime;

namespace IvrEngine.Tests.Simulation.Analytics;

/// <summary>
/// Erlang A against figures from outside this code: Garnett, Mandelbaum and Reiman's closed form
/// with the incomplete gamma function at 50 digits (erlang_reference.py, which also checks it
/// against the birth–death chain and the service level against a per-caller sum), and the test's
/// own <see cref="BirthDeathChain"/>.
/// </summary>
public sealed class ErlangATests
{
    private static readonly TrafficLoad TextbookLoad =
        TrafficLoad.PerInterval(360, Duration.FromMinutes(30), Duration.FromMinutes(4));

    private static readonly Duration ThreeMinutes = Duration.FromMinutes(3);

    [Test]
    public void TheTextbookLoad_WithThreeMinutesOfPatience_55Agents()
    {
        // λ = 0.2/s, AHT 240 s, mean patience 180 s (θ = 1/180 s), n = 55.
        var result = ErlangA.Evaluate(TextbookLoad, ThreeMinutes, 55);

        Assert.That(result.ProbabilityOfWaiting, Is.EqualTo(0.16380644620070721).Within(1e-12));
        Assert.That(result.ProbabilityOfAbandoning, Is.EqualTo(0.014346678818824503).Within(1e-13));
        Assert.That(result.ShareAnswered, Is.EqualTo(0.9856533211811755).Within(1e-13));
        Assert.That(result.AverageQueueLength, Is.EqualTo(0.51648043747768212).Within(1e-11));
        Assert.That(result.AverageWait.TotalSeconds, Is.EqualTo(2.5824021873884106).Within(1e-8), "all callers; a Duration keeps nanoseconds");
        Assert.That(result.AverageSpeedOfAnswer!.Value.TotalSeconds, Is.EqualTo(2.4187937600783429).Within(1e-8), "answered callers");
        Assert.That(result.AnsweredWithin(Duration.FromSeconds(15)), Is.EqualTo(0.92252524736249721).Within(1e-12));
        Assert.That(result.AnsweredWithin(Duration.FromSeconds(20)), Is.EqualTo(0.94021982905205684).Within(1e-12));
        Assert.That(result.ServiceLevel(Duration.FromSeconds(20)), Is.EqualTo(0.94021982905205684).Within(1e-12));
        Assert.That(result.AbandonedWithin(Duration.FromSeconds(15)), Is.EqualTo(0.0092338134454322084).Within(1e-13));
        Assert.That(result.AbandonedWithin(Duration.FromSeconds(20)), Is.EqualTo(0.010849079069329787).Within(1e-13));
        Assert.That(result.Occupancy, Is.EqualTo(48 * 0.9856533211811755 / 55).Within(1e-12));

        // The queue report's definitions, short abandons (within 5 s: 0.0039917339187647304) left out.
        Assert.That(result.ServiceLevelOfAnswered(Duration.FromSeconds(20)), Is.EqualTo(0.94021982905205684 / 0.9856533211811755).Within(1e-12));
        Assert.That(result.ServiceLevelOfAnsweredAndAbandoned(Duration.FromSeconds(20), Duration.FromSeconds(5)),
            Is.EqualTo((0.94021982905205684 + 0.010849079069329787 - 0.0039917339187647304) / (1 - 0.0039917339187647304)).Within(1e-12));
        Assert.That(result.ServiceLevelOfAnsweredAndAbandoned(Duration.FromSeconds(20), Duration.Zero),
            Is.EqualTo(0.94021982905205684 + 0.010849079069329787).Within(1e-12), "all abandons counted: P(wait ≤ t)");
        Assert.That(result.ServiceLevelOfAnsweredAndAbandoned(Duration.FromSeconds(3), Duration.FromSeconds(5)),
            Is.EqualTo(result.AnsweredWithin(Duration.FromSeconds(3)) / (1 - 0.0039917339187647304)).Within(1e-12), "below 5 s every abandon is a short one");

        // Callers hanging up shorten the queue: more are answered within 20 s than Erlang C's 86.7 %.
        Assert.That(result.ServiceLevel(Duration.FromSeconds(20)), Is.GreaterThan(ErlangC.Evaluate(TextbookLoad, 55).ServiceLevel(Duration.FromSeconds(20))));
    }

    [Test]
    public void FewerAgentsThanErlangs_IsStillAnAnswer_AbandonmentKeepsTheQueueFinite()
    {
        // 45 agents for 48 Erlangs: Erlang C has no steady state, Erlang A has.
        var result = ErlangA.Evaluate(TextbookLoad, ThreeMinutes, 45);

        Assert.That(result.ProbabilityOfWaiting, Is.EqualTo(0.64371963003237929).Within(1e-12));
        Assert.That(result.ProbabilityOfAbandoning, Is.EqualTo(0.097775603203039262).Within(1e-13));
        Assert.That(result.AverageQueueLength, Is.EqualTo(3.5199217153094134).Within(1e-11));
        Assert.That(result.AverageWait.TotalSeconds, Is.EqualTo(17.599608576547067).Within(1e-8));
        Assert.That(result.AverageSpeedOfAnswer!.Value.TotalSeconds, Is.EqualTo(17.164351558057822).Within(1e-8));
        Assert.That(result.AnsweredWithin(Duration.FromSeconds(20)), Is.EqualTo(0.58593407530526705).Within(1e-12));
        Assert.That(result.AnsweredWithin(Duration.FromSeconds(60)), Is.EqualTo(0.85431240090860241).Within(1e-12));
        Assert.That(result.AbandonedWithin(Duration.FromSeconds(20)), Is.EqualTo(0.055242620682566877).Within(1e-13));
        Assert.That(result.AbandonedWithin(Duration.FromSeconds(60)), Is.EqualTo(0.093602942688238067).Within(1e-13));
        Assert.That(ErlangC.Evaluate(TextbookLoad, 45).IsStable, Is.False);
    }

    [Test]
    public void OneAgent_WithPatienceAsLongAsACall_IsPoisson()
    {
        // M/M/1+M with θ = μ: every state k empties at rate k·μ, as in M/M/∞, so the number of callers
        // is Poisson(a), a = λ/μ. λ = 1/min, AHT = patience = 2 min: a = 2.
        //   P(wait) = P(N ≥ 1) = 1 − e^(−a);  E[Q] = E[(N − 1)⁺] = a − 1 + e^(−a);  P(abandon) = θ·E[Q]/λ.
        // Answered within t: a caller finding j waiting has e^(−θV) ~ Beta(1, j + 1) (V the maximum of
        // j + 1 exponentials) and is answered with probability e^(−θV); summed over j,
        //   P(waited, answered within t) = a·∫ᵤ₀¹ u·e^(−au) du = (u₀ + 1/a)·e^(−a·u₀) − (1 + 1/a)·e^(−a),  u₀ = e^(−θt).
        const double a = 2;
        var result = ErlangA.Evaluate(new TrafficLoad(60, Duration.FromMinutes(2)), Duration.FromMinutes(2), 1);
        var u0 = Math.Exp(-0.5);

        Assert.That(result.ProbabilityOfWaiting, Is.EqualTo(1 - Math.Exp(-a)).Within(1e-14));
        Assert.That(result.AverageQueueLength, Is.EqualTo(a - 1 + Math.Exp(-a)).Within(1e-13));
        Assert.That(result.ProbabilityOfAbandoning, Is.EqualTo(0.5 * (a - 1 + Math.Exp(-a)) / 1).Within(1e-14));
        Assert.That(result.AnsweredWithin(Duration.FromMinutes(1)),
            Is.EqualTo(Math.Exp(-a) + ((u0 + (1 / a)) * Math.Exp(-a * u0)) - ((1 + (1 / a)) * Math.Exp(-a))).Within(1e-14));
    }

    [Test]
    public void OneAgent_ImpatientCallers_MatchTheClosedForm()
    {
        // λ = 1/min, AHT 2 min, mean patience 1 min (erlang_reference.py).
        var result = ErlangA.Evaluate(new TrafficLoad(60, Duration.FromMinutes(2)), Duration.FromMinutes(1), 1);

        Assert.That(result.ProbabilityOfWaiting, Is.EqualTo(0.80237767086230175).Within(1e-14));
        Assert.That(result.ProbabilityOfAbandoning, Is.EqualTo(0.59881116456884912).Within(1e-14));
        Assert.That(result.AverageWait.TotalMinutes, Is.EqualTo(0.59881116456884912).Within(1e-10), "to the nanosecond");
        Assert.That(result.AverageSpeedOfAnswer!.Value.TotalMinutes, Is.EqualTo(0.42611462731052267).Within(1e-10), "to the nanosecond");
        Assert.That(result.AnsweredWithin(Duration.FromMinutes(1)), Is.EqualTo(0.33680567391355962).Within(1e-14));
        Assert.That(result.AbandonedWithin(Duration.FromMinutes(1)), Is.EqualTo(0.44988396877778347).Within(1e-14));
    }

    [TestCase(48, 55, 180)]
    [TestCase(48, 45, 180)]
    [TestCase(48, 20, 600)]
    [TestCase(2, 1, 60)]
    [TestCase(2.5, 3, 30)]
    [TestCase(950, 1000, 60)]
    [TestCase(950, 900, 3600)]
    [TestCase(0.01, 4, 120)]
    public void WaitingAndAbandoning_AgreeWithTheBirthDeathChain_AndLittlesLaw(double erlangs, int agents, int patienceSeconds)
    {
        var load = new TrafficLoad(erlangs * 15, Duration.FromMinutes(4));
        var theta = 240.0 / patienceSeconds;
        var result = ErlangA.Evaluate(load, Duration.FromSeconds(patienceSeconds), agents);
        var (waiting, queueLength) = BirthDeathChain.Solve(erlangs, agents, theta);

        Assert.That(result.ProbabilityOfWaiting, Is.EqualTo(waiting).Within(1e-11 * waiting));
        Assert.That(result.AverageQueueLength, Is.EqualTo(queueLength).Within(1e-11 * queueLength));
        // Little: callers abandon at rate θ each, so λ·P(abandon) = θ·E[Q].
        Assert.That(result.ProbabilityOfAbandoning, Is.EqualTo(theta * queueLength / erlangs).Within(1e-11 * result.ProbabilityOfAbandoning));
        Assert.That(result.Occupancy, Is.EqualTo(erlangs * result.ShareAnswered / agents).Within(1e-15));
        Assert.That(result.Occupancy, Is.LessThan(1));
    }

    [Test]
    public void AcrossLoadsStaffingAndPatience_FromTheExtremes_TheFiguresHoldTogether()
    {
        // 10 loads × 9 staffing ratios × 7 patiences, from a millionth of an Erlang to 5000, from a
        // twentieth of the Erlangs in agents to ten times them, and patience from a million handle
        // times down to a hundred-thousandth of one. Answered and abandoned are separate integrals
        // that must add up to 1; P(wait) and Little's P(abandon) = θ·E[Q]/λ are checked against the
        // birth–death chain wherever it is short enough to solve.
        foreach (var erlangs in new[] { 1e-6, 0.01, 0.5, 1, 3, 10, 48, 200, 1000, 5000 })
        foreach (var staffing in new[] { 0.05, 0.3, 0.8, 0.95, 1.0, 1.05, 1.5, 3, 10 })
        foreach (var theta in new[] { 1e-6, 1e-3, 0.05, 1, 20, 1000, 1e5 })
        {
            var agents = Math.Max(1, (int)Math.Round(erlangs * staffing));
            var load = new TrafficLoad(erlangs * 15, Duration.FromMinutes(4));
            var result = ErlangA.Evaluate(load, Duration.FromMinutes(4) / theta, agents);
            var label = $"A = {erlangs}, n = {agents}, θ = {theta}";
            var answered = result.AnsweredWithin(Duration.FromDays(365_000));

            Assert.That(new[] { result.ProbabilityOfWaiting, result.ProbabilityOfAbandoning, result.AverageQueueLength, answered, result.AnsweredWithin(Duration.FromSeconds(20)), result.AbandonedWithin(Duration.FromSeconds(20)) },
                Is.All.Matches<double>(double.IsFinite), label);
            Assert.That(answered + result.ProbabilityOfAbandoning, Is.EqualTo(1).Within(1e-11), label);
            if (agents + (Math.Max(0, erlangs - agents) / theta) > 100_000) continue;
            var (waiting, queueLength) = BirthDeathChain.Solve(erlangs, agents, theta);
            Assert.That(result.ProbabilityOfWaiting, Is.EqualTo(waiting).Within(1e-10 * waiting), label);
            Assert.That(result.ProbabilityOfAbandoning, Is.EqualTo(theta * queueLength / erlangs).Within(1e-10 * result.ProbabilityOfAbandoning), label);
        }
    }

    [Test]
    public void EndlessPatience_IsErlangC()
    {
        // Patience a million handle times (θ = 1e-6 per handle time). The figures differ from Erlang C
        // by the little abandonment there is, most at 49 agents where queues are long: 2e-5 in the
        // service level at 120 s, which is the model's own difference (erlang_reference.py's closed form
        // gives 0.49250060758572728 against Erlang C's 0.49248148285219584), not an error.
        Assert.That(ErlangA.Evaluate(TextbookLoad, Duration.FromMinutes(4) * 1e6, 49).ServiceLevel(Duration.FromMinutes(2)),
            Is.EqualTo(0.49250060758572728).Within(1e-13));
        foreach (var agents in new[] { 49, 55, 70 })
        {
            var erlangA = ErlangA.Evaluate(TextbookLoad, Duration.FromMinutes(4) * 1e6, agents);
            var erlangC = ErlangC.Evaluate(TextbookLoad, agents);

            Assert.That(erlangA.ProbabilityOfWaiting, Is.EqualTo(erlangC.ProbabilityOfWaiting).Within(1e-4 * erlangC.ProbabilityOfWaiting), $"{agents} agents");
            Assert.That(erlangA.AverageSpeedOfAnswer!.Value.TotalSeconds, Is.EqualTo(erlangC.AverageSpeedOfAnswerSeconds).Within(1e-3 * erlangC.AverageSpeedOfAnswerSeconds), $"{agents} agents");
            Assert.That(erlangA.AverageWait.TotalSeconds, Is.EqualTo(erlangC.AverageSpeedOfAnswerSeconds).Within(1e-3 * erlangC.AverageSpeedOfAnswerSeconds), $"{agents} agents");
            Assert.That(erlangA.AverageQueueLength, Is.EqualTo(erlangC.AverageQueueLength).Within(1e-3 * erlangC.AverageQueueLength), $"{agents} agents");
            foreach (var seconds in new[] { 0, 15, 20, 120 })
                Assert.That(erlangA.ServiceLevel(Duration.FromSeconds(seconds)), Is.EqualTo(erlangC.ServiceLevel(Duration.FromSeconds(seconds))).Within(5e-5), $"{agents} agents, {seconds} s");
            Assert.That(erlangA.ProbabilityOfAbandoning, Is.LessThan(1e-5));
        }
    }

    [Test]
    public void ManyMoreAgents_NobodyWaits()
    {
        var previous = ErlangA.Evaluate(TextbookLoad, ThreeMinutes, 55);
        foreach (var agents in new[] { 60, 80, 120, 200, 1000, 10_000 })
        {
            var result = ErlangA.Evaluate(TextbookLoad, ThreeMinutes, agents);
            Assert.That(result.ProbabilityOfWaiting, Is.LessThan(previous.ProbabilityOfWaiting).Or.Zero, $"{agents} agents");
            Assert.That(result.ProbabilityOfAbandoning, Is.LessThan(previous.ProbabilityOfAbandoning).Or.Zero, $"{agents} agents");
            previous = result;
        }
        Assert.That(previous.ProbabilityOfWaiting, Is.Zero, "below the smallest double");
        Assert.That(previous.ServiceLevel(Duration.Zero), Is.EqualTo(1));
        Assert.That(previous.AverageWait, Is.EqualTo(Duration.Zero));
        Assert.That(ErlangA.Evaluate(TextbookLoad, ThreeMinutes, 120).ProbabilityOfWaiting, Is.LessThan(1e-12));
    }

    [Test]
    public void Thresholds_RunFromNoWaitToEveryoneAnswered()
    {
        foreach (var agents in new[] { 30, 45, 55 })
        {
            var result = ErlangA.Evaluate(TextbookLoad, ThreeMinutes, agents);

            Assert.That(result.AnsweredWithin(Duration.Zero), Is.EqualTo(1 - result.ProbabilityOfWaiting).Within(1e-15), "answered at once");
            Assert.That(result.AbandonedWithin(Duration.Zero), Is.Zero);
            Assert.That(result.AnsweredWithin(Duration.FromDays(1)), Is.EqualTo(result.ShareAnswered).Within(1e-12));
            Assert.That(result.AbandonedWithin(Duration.FromDays(1)), Is.EqualTo(result.ProbabilityOfAbandoning).Within(1e-12));
            Assert.That(result.ServiceLevelOfAnswered(Duration.FromDays(1)), Is.EqualTo(1).Within(1e-12));
            var answered = Enumerable.Range(0, 30).Select(i => result.AnsweredWithin(Duration.FromSeconds(i * 10))).ToList();
            var abandoned = Enumerable.Range(0, 30).Select(i => result.AbandonedWithin(Duration.FromSeconds(i * 10))).ToList();
            // Never falling, but for rounding once the curves have flattened out.
            Assert.That(answered.Zip(answered.Skip(1), (earlier, later) => later - earlier), Is.All.GreaterThan(-1e-15));
            Assert.That(abandoned.Zip(abandoned.Skip(1), (earlier, later) => later - earlier), Is.All.GreaterThan(-1e-15));
            Assert.That(answered[1], Is.GreaterThan(answered[0]));
            Assert.That(abandoned[1], Is.GreaterThan(abandoned[0]));
        }
    }

    [Test]
    public void AFarOverloadedQueue_IsMostlyAbandonment_WithoutOverflow()
    {
        // 48 Erlangs on 10 agents, callers prepared to wait 50 handle times: the offered-wait density
        // peaks far out (e^φ there is about e^1500), yet every figure stays finite.
        var patience = Duration.FromMinutes(4) * 50;
        var result = ErlangA.Evaluate(TextbookLoad, patience, 10);
        var (waiting, queueLength) = BirthDeathChain.Solve(48, 10, 1.0 / 50);

        Assert.That(result.ProbabilityOfWaiting, Is.EqualTo(waiting).Within(1e-12));
        Assert.That(result.AverageQueueLength, Is.EqualTo(queueLength).Within(1e-10 * queueLength));
        Assert.That(result.ProbabilityOfAbandoning, Is.EqualTo((1.0 / 50) * queueLength / 48).Within(1e-11));
        Assert.That(result.Occupancy, Is.EqualTo(1).Within(1e-9), "agents never idle");
        Assert.That(result.ShareAnswered, Is.EqualTo(10.0 / 48).Within(1e-9), "they answer n calls per handle time of 48 offered");
        Assert.That(result.ServiceLevel(Duration.FromMinutes(1)), Is.GreaterThanOrEqualTo(0).And.LessThan(1e-6));
    }

    [Test]
    public void NoCalls_NoWait_NoAgents_EveryoneAbandons()
    {
        var none = ErlangA.Evaluate(new TrafficLoad(0, Duration.FromMinutes(4)), ThreeMinutes, 3);
        Assert.That(none.ProbabilityOfWaiting, Is.Zero);
        Assert.That(none.ProbabilityOfAbandoning, Is.Zero);
        Assert.That(none.AverageWait, Is.EqualTo(Duration.Zero));
        Assert.That(none.AverageSpeedOfAnswer, Is.EqualTo(Duration.Zero));
        Assert.That(none.ServiceLevel(Duration.Zero), Is.EqualTo(1));
        Assert.That(none.Occupancy, Is.Zero);

        var nobody = ErlangA.Evaluate(TextbookLoad, ThreeMinutes, 0);
        Assert.That(nobody.ProbabilityOfWaiting, Is.EqualTo(1));
        Assert.That(nobody.ProbabilityOfAbandoning, Is.EqualTo(1));
        Assert.That(nobody.AverageWait, Is.EqualTo(ThreeMinutes));
        Assert.That(nobody.AverageSpeedOfAnswer, Is.Null, "nobody is answered");
        Assert.That(nobody.AverageQueueLength, Is.EqualTo(0.2 * 180).Within(1e-12), "λ × mean patience");
        Assert.That(nobody.ServiceLevel(Duration.FromMinutes(1)), Is.Zero);
        Assert.That(nobody.AbandonedWithin(Duration.FromMinutes(3)), Is.EqualTo(1 - Math.Exp(-1)).Within(1e-15));
    }

    [Test]
    public void MinimumAgents_ForAServiceLevel_AndAnAbandonmentCap()
    {
        var twenty = Duration.FromSeconds(20);

        // Figures from erlang_reference.py: 50 agents answer 81.3 % within 20 s (49 answer 77.5 %).
        Assert.That(ErlangA.MinimumAgents(TextbookLoad, ThreeMinutes, 0.8, twenty), Is.EqualTo(50));
        Assert.That(ErlangA.Evaluate(TextbookLoad, ThreeMinutes, 50).ServiceLevel(twenty), Is.EqualTo(0.8133490336).Within(1e-10));
        Assert.That(ErlangA.Evaluate(TextbookLoad, ThreeMinutes, 49).ServiceLevel(twenty), Is.EqualTo(0.7752511754).Within(1e-10));
        Assert.That(ErlangC.MinimumAgents(TextbookLoad, 0.8, twenty), Is.EqualTo(54), "Erlang C staffs for callers who never hang up");

        // At most 1 % abandoning takes 57 (0.85 %).
        Assert.That(ErlangA.MinimumAgents(TextbookLoad, ThreeMinutes, 0.8, twenty, maximumAbandonment: 0.01), Is.EqualTo(57));
        Assert.That(ErlangA.Evaluate(TextbookLoad, ThreeMinutes, 57).ProbabilityOfAbandoning, Is.EqualTo(0.008488674204).Within(1e-11));
        Assert.That(ErlangA.Evaluate(TextbookLoad, ThreeMinutes, 56).ProbabilityOfAbandoning, Is.GreaterThan(0.01));

        Assert.That(ErlangA.MinimumAgents(new TrafficLoad(0, Duration.FromMinutes(4)), ThreeMinutes, 0.8, twenty), Is.Zero);
    }

    [Test]
    public void MinimumAgents_CanBeFewerThanTheErlangs_WhenCallersAreImpatient()
    {
        // 3600 calls a half hour of 4 minutes (480 Erlangs), 30 s of patience, 80 % within 60 s: 385
        // agents, a fifth of the callers hanging up (erlang_reference.py).
        var load = TrafficLoad.PerInterval(3600, Duration.FromMinutes(30), Duration.FromMinutes(4));
        var minute = Duration.FromSeconds(60);

        var needed = ErlangA.MinimumAgents(load, Duration.FromSeconds(30), 0.8, minute);

        Assert.That(needed, Is.EqualTo(385));
        Assert.That(ErlangA.Evaluate(load, Duration.FromSeconds(30), 385).ServiceLevel(minute), Is.EqualTo(0.8014807902).Within(1e-10));
        Assert.That(ErlangA.Evaluate(load, Duration.FromSeconds(30), 384).ServiceLevel(minute), Is.EqualTo(0.7994251008).Within(1e-10));
    }

    [Test]
    public void MoreAgents_AlwaysServeBetter()
    {
        // MinimumAgents bisects, which relies on this.
        var previous = ErlangA.Evaluate(TextbookLoad, ThreeMinutes, 1);
        for (var agents = 2; agents <= 80; agents++)
        {
            var next = ErlangA.Evaluate(TextbookLoad, ThreeMinutes, agents);
            Assert.That(next.ServiceLevel(Duration.FromSeconds(20)), Is.GreaterThan(previous.ServiceLevel(Duration.FromSeconds(20))), $"{agents} agents");
            Assert.That(next.ProbabilityOfAbandoning, Is.LessThan(previous.ProbabilityOfAbandoning), $"{agents} agents");
            previous = next;
        }
    }

    [Test]
    public void NonsenseInputs_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(TextbookLoad, Duration.Zero, 55));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(TextbookLoad, ThreeMinutes, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(TextbookLoad, ThreeMinutes, 55).AnsweredWithin(Duration.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.MinimumAgents(TextbookLoad, ThreeMinutes, 1, Duration.FromSeconds(20)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.MinimumAgents(TextbookLoad, ThreeMinutes, 0.8, Duration.FromSeconds(20), maximumAbandonment: 0));
    }
}
