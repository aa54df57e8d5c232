using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Analytics;
using NodaTime;

namespace IvrEngine.Tests.Simulation.Fidelity;

/// <summary>
/// The simulator (real menu, CallCenter, ring pipeline, in virtual time) agrees with the analytic
/// queueing models where their assumptions hold: Poisson arrivals, exponential handle times (and
/// patience), one queue. One simulated week at 720 calls an hour is about 121,000 calls; the
/// tolerances below are several standard errors of a week's figures, and the warm-up from an
/// empty line at Monday 00:00 is a few minutes of 168 hours.
/// </summary>
[TestFixture]
public sealed class SimulationFidelityTests
{
    private static readonly Duration Threshold = Duration.FromSeconds(15);

    [Test]
    public async Task TextbookErlangCExample_SimulatedWeekAgreesWithErlangC()
    {
        var scenario = Load("erlang-c.scenario.json");
        var figures = await LoadSimulation.RunAsync(scenario, SimulationLength.Of(Duration.FromDays(7)), seed: 7);
        var week = figures.Total("support");
        var erlang = ErlangC.Evaluate(new TrafficLoad(720, Duration.FromMinutes(4)), 55);
        TestContext.Out.WriteLine($"simulated SL {week.ServiceLevel:0.0000} ASA {week.AverageSpeedOfAnswerSeconds:0.00} s occupancy {week.Occupancy:0.0000}; Erlang C SL {erlang.ServiceLevel(Threshold):0.0000} ASA {erlang.AverageSpeedOfAnswerSeconds:0.00} s occupancy {erlang.Occupancy:0.0000}");

        Assert.Multiple(() =>
        {
            Assert.That(week.Offered, Is.InRange(118_000, 124_000), "a week of Poisson arrivals at 720 an hour");
            Assert.That(week.Abandoned, Is.Zero, "nobody hangs up in Erlang C");
            // Erlang C: P(wait) 0.2387, service level within 15 s 84.59%, ASA 8.18 s.
            Assert.That(week.ServiceLevel, Is.EqualTo(erlang.ServiceLevel(Threshold)).Within(0.02));
            Assert.That(week.AverageSpeedOfAnswerSeconds, Is.EqualTo(erlang.AverageSpeedOfAnswerSeconds).Within(erlang.AverageSpeedOfAnswerSeconds * 0.2));
            Assert.That(week.Occupancy, Is.EqualTo(erlang.Occupancy).Within(0.02));
            Assert.That(week.WaitProbability, Is.EqualTo(erlang.ProbabilityOfWaiting).Within(0.02), "P(wait), the share who waited at all");
        });
    }

    [Test]
    public async Task AThousandCallsOfTheTextbookExample_MeasureOccupancyOnlyWhileCallersArrive()
    {
        // 1,000 calls at 720 an hour stop 23 minutes into the 01:00 interval: a full interval of
        // 55 agents there would read 61.6% for the run; the hours callers came in run at Erlang C's 87.3%.
        var figures = await LoadSimulation.RunAsync(Load("erlang-c.scenario.json"), SimulationLength.OfCalls(1_000), seed: 7);
        var erlang = ErlangC.Evaluate(new TrafficLoad(720, Duration.FromMinutes(4)), 55);

        // A thousand calls' count and handle times make the figure vary by about 4.5 points (one standard
        // error), hence the margin; this seed reads 91.4%.
        Assert.That(figures.Total("support").Occupancy, Is.EqualTo(erlang.Occupancy).Within(0.05));
    }

    [Test]
    public async Task ImpatientCallers_SimulatedWeekAgreesWithErlangA()
    {
        var scenario = Load("erlang-a.scenario.json");
        var figures = await LoadSimulation.RunAsync(scenario, SimulationLength.Of(Duration.FromDays(7)), seed: 11);
        var week = figures.Total("support");
        var erlang = ErlangA.Evaluate(new TrafficLoad(720, Duration.FromMinutes(4)), Duration.FromMinutes(3), 50);
        var abandonRate = (double)week.Abandoned / (week.Answered + week.Abandoned);
        TestContext.Out.WriteLine($"simulated abandon {abandonRate:0.0000} answered in 15 s {(double)week.AnsweredInTime / (week.Answered + week.Abandoned):0.0000} ASA {week.AverageSpeedOfAnswerSeconds:0.00} s; Erlang A {erlang.ProbabilityOfAbandoning:0.0000} {erlang.AnsweredWithin(Threshold):0.0000} {erlang.AverageSpeedOfAnswer!.Value.TotalSeconds:0.00} s");

        Assert.Multiple(() =>
        {
            Assert.That(abandonRate, Is.EqualTo(erlang.ProbabilityOfAbandoning).Within(0.01));
            Assert.That((double)week.AnsweredInTime / (week.Answered + week.Abandoned), Is.EqualTo(erlang.AnsweredWithin(Threshold)).Within(0.025));
            Assert.That(week.AverageSpeedOfAnswerSeconds, Is.EqualTo(erlang.AverageSpeedOfAnswer!.Value.TotalSeconds).Within(erlang.AverageSpeedOfAnswer!.Value.TotalSeconds * 0.2));
        });
    }

    [Test]
    public void TextbookErlangCExample_FiftyFiveAgentsAnswerFourFifthsWithinFifteenSeconds()
    {
        // The worked example itself, as the staffing command's first guess sees it.
        var erlang = ErlangC.Evaluate(new TrafficLoad(720, Duration.FromMinutes(4)), 55);
        Assert.Multiple(() =>
        {
            Assert.That(erlang.TrafficIntensity, Is.EqualTo(48).Within(1e-12));
            Assert.That(erlang.ServiceLevel(Threshold), Is.EqualTo(0.8459).Within(0.0001));
            Assert.That(ErlangC.MinimumAgents(new TrafficLoad(720, Duration.FromMinutes(4)), 0.8, Threshold), Is.EqualTo(55));
        });
    }

    private static Scenario Load(string name)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "IvrEngine.Tests", "Simulation", "Fidelity", name);
        var loaded = ScenarioLoader.LoadFile(path);
        Assert.That(loaded.Scenario, Is.Not.Null, string.Join(Environment.NewLine, loaded.Diagnostics));
        return loaded.Scenario!;
    }
}
