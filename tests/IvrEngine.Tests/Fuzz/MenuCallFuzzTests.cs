using IvrEngine.Menus;
using IvrEngine.Tests.Calls;

namespace IvrEngine.Tests.Fuzz;

/// <summary>
/// Mutated copies of the bundled menu that still load are called into with seeded caller input: a menu
/// that validates must carry every call to an outcome — never a fault inside the engine, a hang at one
/// instant or an endless transcript (the backtracking pattern and the routing loops were all such menus).
/// </summary>
[NonParallelizable]
public sealed class MenuCallFuzzTests
{
    private static readonly byte[] BundledMenu = File.ReadAllBytes(RepoPaths.BundledMenu);

    /// <summary>Far above any real call of a few dozen inputs; an engine loop runs past it at once.</summary>
    private const int MaxEventsPerCall = 20_000;

    [Test]
    public void MutatedMenusThatLoad_CarryEveryCallWithoutAFault()
    {
        var run = FuzzRun.For(defaultCases: 120);
        var called = 0;
        for (var i = 0; i < run.Cases; i++)
        {
            var mutator = run.MutatorFor(i);
            var loaded = MenuLoader.Load(mutator.MutateValues(BundledMenu), "fuzz.json");
            if (!loaded.Succeeded) continue;
            called++;
            var index = i;
            run.Case(i, "call", () =>
            {
                var call = new TestCall(loaded.Menu!, seed: index);
                for (var step = 0; step < 30 && !call.Session.IsEnded; step++)
                {
                    switch (mutator.Next(4))
                    {
                        case 0: call.Say(mutator.CallerLine()); break;
                        case 1: call.Wait(mutator.Next(120)); break;
                        default: call.Press(mutator.Keys()); break;
                    }
                    if (call.Session.Transcript.Events.Count > MaxEventsPerCall) break;
                }
                call.Session.HangUp();
                if (call.Session.Fault is { } fault) run.Fail(index, "call", $"faulted: {fault.GetType().Name}: {fault.Message}");
                if (call.Session.Transcript.Events.Count > MaxEventsPerCall) run.Fail(index, "call", $"{call.Session.Transcript.Events.Count} events");
                if (call.Session.Outcome is null) run.Fail(index, "call", "no outcome after hanging up");
            });
        }
        Assert.That(called, Is.GreaterThan(run.Cases / 5), "enough mutated menus load to call into");
        run.AssertNoFailures();
    }
}
