using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using NodaTime;

namespace IvrEngine.Tests.Simulation;

/// <summary>Every outcome a queue counts is one of the calls it was offered.</summary>
public sealed class OutcomeCountTests
{
    [Test]
    public async Task TheBundledScenario_CountsEveryOutcomeOfAQueueAsOneOfItsOfferedCalls()
    {
        // The bundled line books callbacks at closed queues and in menus: their legs, made at opening,
        // meet queues with a maximum wait and length, and some are sent on or turned away.
        var scenario = ScenarioLoader.LoadFile(SimulationFiles.BundledScenario).Scenario!;

        var figures = await LoadSimulation.RunAsync(scenario, SimulationLength.Of(Duration.FromDays(7)), seed: 1);

        var broken = new List<string>();
        long overflowedOrTurnedAway = 0;
        foreach (var queue in figures.Queues)
        {
            for (var i = 0; i < figures.Grid.IntervalsPerWeek; i++)
            {
                var f = figures[queue, i];
                overflowedOrTurnedAway += f.Overflowed + f.TurnedAway;
                var outcomes = f.Answered + f.Abandoned + f.Overflowed + f.TurnedAway + f.CallbacksAccepted;
                if (outcomes != f.Offered) broken.Add($"{queue} {figures.Grid.DayOf(i)} {figures.Grid.TimeLabel(i)}: {outcomes} outcomes of {f.Offered} offered");
            }
        }
        Assert.Multiple(() =>
        {
            Assert.That(overflowedOrTurnedAway, Is.GreaterThan(0), "the run must send some callers on for the identity to mean anything");
            Assert.That(broken, Is.Empty);
        });
    }
}
