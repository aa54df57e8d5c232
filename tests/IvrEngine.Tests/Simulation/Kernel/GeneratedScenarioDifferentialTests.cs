using System.Text;
using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using IvrEngine.Simulation.Kernel;

namespace IvrEngine.Tests.Simulation.Kernel;

/// <summary>
/// Sixty menus and scenarios made at random (<see cref="ScenarioGenerator"/>, seeds 0-59), half of
/// them with business hours on queues and nodes:
/// each the kernel accepts gives the same record for every caller and the same KPI files as the
/// reference engine, for two run seeds; each that uses a feature the kernel does not model is
/// refused, for that feature, so <c>ivr simulate</c> runs it on the reference engine.
/// </summary>
[TestFixture]
public sealed class GeneratedScenarioDifferentialTests
{
    private const int Scenarios = 60;
    private string _folder = null!;

    [OneTimeSetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("ivr-kernel-").FullName;

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static IEnumerable<int> Seeds() => Enumerable.Range(0, Scenarios);

    [TestCaseSource(nameof(Seeds))]
    public void A_generated_scenario_runs_the_same_on_both_executors_or_is_refused_for_its_feature(int seed)
    {
        var generated = ScenarioGenerator.Make(seed);
        var scenario = Load(generated, seed);
        var whyNot = KernelSupport.WhyNot(scenario);
        if (generated.Refused is { } refused)
        {
            Assert.That(whyNot, Does.StartWith(refused), "the kernel refuses the feature it does not model");
            Assert.That(CallKernel.TryCompile(scenario, out _), Is.Null);
            return;
        }
        Assert.That(whyNot, Is.Null, "a scenario of supported features only");
        foreach (var runSeed in new[] { 1, 7 })
        {
            // Some generated lines leave callers waiting for ever in a queue nobody staffs: the kernel hands those weeks back.
            Differential.AssertSame(scenario, SimulationLength.OfCalls(2_000), runSeed, mayHandBack: true);
        }
    }

    [Test]
    public void The_generator_makes_both_supported_and_refused_scenarios_of_every_refused_kind()
    {
        var refused = Seeds().Select(s => ScenarioGenerator.Make(s).Refused).ToList();
        Assert.That(refused.Count(r => r is null), Is.GreaterThan(Scenarios / 2));
        // Five kinds can be refused; the sixty seeds draw at least four of them (which four depends on the draws).
        Assert.That(refused.Where(r => r is not null).Select(r => r![(r!.IndexOf(':') + 2)..].Split(' ')[0]).Distinct().Count(), Is.GreaterThanOrEqualTo(4));
    }

    [Test]
    public void The_generator_makes_supported_lines_with_queue_and_node_hours_and_every_kind_of_whenClosed()
    {
        var menus = Seeds().Select(ScenarioGenerator.Make).Where(g => g.Refused is null).Select(g => g.Menu).ToList();
        Assert.That(menus.Count(m => m.Contains("\"hours\": \"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(8), "queues with hours");
        Assert.That(menus.Count(m => m.Contains("\"hours\": { \"schedule\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(8), "nodes with hours");
        foreach (var kind in new[] { "\"whenClosed\": { \"hangup\"", "\"whenClosed\": { \"goto\"", "\"whenClosed\": { \"queue\"" })
        {
            Assert.That(menus.Count(m => m.Contains(kind, StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(3), kind);
        }
    }

    [Test]
    public void The_generator_makes_supported_lines_that_repeat_go_back_and_return_to_the_main_menu()
    {
        var menus = Seeds().Select(ScenarioGenerator.Make).Where(g => g.Refused is null).Select(g => g.Menu).ToList();
        foreach (var verb in new[] { "repeat", "back", "mainMenu" })
        {
            Assert.That(menus.Count(m => m.Contains($"\"do\": \"{verb}\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(8), verb);
        }
        Assert.That(menus.Count(m => !m.Contains("\"then\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(5), "budgets with the default target");
    }

    [Test]
    public void The_generator_makes_supported_lines_with_collectors_of_every_kind()
    {
        var lines = Seeds().Select(ScenarioGenerator.Make).Where(g => g.Refused is null && g.Menu.Contains("\"collect\"", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.GreaterThanOrEqualTo(8), "lines with a collector");
        Assert.That(lines.Count(g => g.Scenario.Contains("\"entries\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(3), "with the callers' entry given");
        Assert.That(lines.Count(g => !g.Scenario.Contains("\"entries\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(3), "with the default entry");
        Assert.That(lines.Count(g => g.Menu.Contains("\"terminator\": null", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(2), "without a terminator (the pause ends an entry)");
        Assert.That(lines.Count(g => g.Menu.Contains("\"pattern\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(2), "with a pattern");
    }

    [Test]
    public void Generated_collectors_keep_callers_entries_on_the_kernel()
    {
        // A collector whose next action goes to a node: callers whose entry it keeps are seen moving there from it, on the kernel.
        var kept = 0;
        var notes = new List<string>();
        foreach (var seed in Seeds())
        {
            var generated = ScenarioGenerator.Make(seed);
            if (generated.Refused is not null || !generated.Menu.Contains("\"collect\"", StringComparison.Ordinal)) continue;
            var scenario = Load(generated, seed);
            var collector = scenario.Menu.Nodes.Values.Single(n => n.Collect is not null);
            if (collector.Collect!.Next is not IvrEngine.Menus.GoToNode next) continue;
            var records = new List<CallRecord>();
            LoadSimulation.RunAsync(scenario, SimulationLength.OfCalls(500), 1, parallelism: 1, kernel: CallKernel.TryCompile(scenario, out _), onRecord: records.Add)
                .GetAwaiter().GetResult();
            var step = collector.Id + CallRecord.PathSeparator + next.NodeId;
            if (records.Any(r => r.Path.Contains(step, StringComparison.Ordinal))) kept++;
            notes.Add($"seed {seed}: {records.Count(r => r.Path.Contains(collector.Id, StringComparison.Ordinal))} reached {collector.Id}, {records.Count(r => r.Path.Contains(step, StringComparison.Ordinal))} went on to {next.NodeId}");
        }
        Assert.That(kept, Is.GreaterThanOrEqualTo(3), () => "lines whose callers left a collector by its next action on the kernel: " + string.Join("; ", notes));
    }

    [Test]
    public void Generated_callers_go_back_to_a_node_they_left_on_the_kernel()
    {
        // A path that returns to a node other than the start after leaving it: a back move (or a goto back) happened on the kernel.
        var returning = 0;
        foreach (var seed in Seeds())
        {
            var generated = ScenarioGenerator.Make(seed);
            if (generated.Refused is not null || !generated.Menu.Contains("\"do\": \"back\"", StringComparison.Ordinal)) continue;
            var scenario = Load(generated, seed);
            var records = new List<CallRecord>();
            LoadSimulation.RunAsync(scenario, SimulationLength.OfCalls(500), 1, parallelism: 1, kernel: CallKernel.TryCompile(scenario, out _), onRecord: records.Add)
                .GetAwaiter().GetResult();
            if (records.Any(r => ReturnsToANodeItLeft(r.Path))) returning++;
        }
        Assert.That(returning, Is.GreaterThanOrEqualTo(5), "generated lines with back actions where callers went back on the kernel");
    }

    private static bool ReturnsToANodeItLeft(string path)
    {
        var nodes = path.Split(CallRecord.PathSeparator);
        return nodes.Select((node, i) => nodes.Take(i).Contains(node) && node != nodes[0] && nodes[i - 1] != node).Any(b => b);
    }

    [Test]
    public void The_generator_makes_supported_lines_with_virtual_hold_in_several_queues_and_menus()
    {
        var menus = Seeds().Select(ScenarioGenerator.Make).Where(g => g.Refused is null).Select(g => g.Menu).ToList();
        Assert.That(menus.Count(m => m.Contains("\"offerWhenWaitOverSeconds\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(15), "lines with virtual hold");
        Assert.That(menus.Count(m => m.Contains("\"offerWhenWaitOverSeconds\"", StringComparison.Ordinal) && m.Contains("\"q1\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(5),
            "lines with virtual hold and more than one queue");
    }

    [Test]
    public void Generated_lines_with_virtual_hold_book_and_complete_callbacks_on_the_kernel()
    {
        // The differential test above compares whatever happens; this says virtual hold does happen there, on the kernel.
        var booking = 0;
        var completing = 0;
        foreach (var seed in Seeds())
        {
            var generated = ScenarioGenerator.Make(seed);
            if (generated.Refused is not null || !generated.Menu.Contains("\"offerWhenWaitOverSeconds\"", StringComparison.Ordinal)) continue;
            var scenario = Load(generated, seed);
            var records = new List<CallRecord>();
            var handedBack = new List<int>();
            var figures = LoadSimulation.RunAsync(scenario, SimulationLength.OfCalls(2_000), 1, parallelism: 1, kernel: CallKernel.TryCompile(scenario, out _),
                onRecord: records.Add, onReferenceWeek: (week, _) => handedBack.Add(week)).GetAwaiter().GetResult();
            if (handedBack.Count > 0) continue;
            if (records.Any(r => r.Outcome == IvrEngine.Calls.CallOutcomeKind.CallbackScheduled && r.CallbackBookedAt is not null)) booking++;
            if (figures.Queues.Any(q => figures.Total(q).CallbacksCompleted > 0)) completing++;
        }
        Assert.That(booking, Is.GreaterThanOrEqualTo(5), "generated lines where callers booked a callback on the kernel");
        Assert.That(completing, Is.GreaterThanOrEqualTo(5), "generated lines where a callback leg reached an agent on the kernel");
    }

    [Test]
    public void Generated_lines_with_scheduled_callbacks_book_times_and_call_them_back_on_the_kernel()
    {
        // Closed queues that offer times and options that book them are drawn; this says callers do book times there, on the kernel.
        var menus = Seeds().Select(ScenarioGenerator.Make).Where(g => g.Refused is null).Select(g => g.Menu).ToList();
        Assert.That(menus.Count(m => m.Contains("\"whenClosed\": true", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(5), "lines whose closed queues offer times");
        Assert.That(menus.Count(m => m.Contains("\"callback\": \"q", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(5), "lines with options that book a time");
        var booking = 0;
        foreach (var seed in Seeds())
        {
            var generated = ScenarioGenerator.Make(seed);
            if (generated.Refused is not null || !generated.Menu.Contains("\"whenClosed\": true", StringComparison.Ordinal) && !generated.Menu.Contains("\"callback\": \"q", StringComparison.Ordinal)) continue;
            var scenario = Load(generated, seed);
            var records = new List<CallRecord>();
            var handedBack = new List<int>();
            LoadSimulation.RunAsync(scenario, SimulationLength.OfCalls(2_000), 1, parallelism: 1, kernel: CallKernel.TryCompile(scenario, out _),
                onRecord: records.Add, onReferenceWeek: (week, _) => handedBack.Add(week)).GetAwaiter().GetResult();
            if (handedBack.Count > 0) continue;
            // A time offered starts a half hour, at least a quarter of an hour ahead; a virtual-hold estimate is any instant.
            if (records.Any(r => r.CallbackDueAt is { } due && due - r.EndedAt >= IvrEngine.Callbacks.CallbackSlots.Lead && due.ToUnixTimeTicks() % NodaTime.Duration.FromMinutes(30).BclCompatibleTicks == 0)) booking++;
        }
        Assert.That(booking, Is.GreaterThanOrEqualTo(5), "generated lines where callers booked a time on the kernel");
    }

    [Test]
    public void The_generator_makes_supported_lines_with_queue_limits_and_every_kind_of_overflow()
    {
        var menus = Seeds().Select(ScenarioGenerator.Make).Where(g => g.Refused is null).Select(g => g.Menu).ToList();
        // Each queue is one line of the menu: a limit and virtual hold on the same queue are on the same line.
        var queues = menus.SelectMany(m => m.Split('\n')).Where(l => l.Contains("\"name\": { \"en-US\": \"team ", StringComparison.Ordinal)).ToList();
        foreach (var limit in new[] { "\"maxLength\"", "\"maxWaitSeconds\"", "\"whenNoAgents\": \"overflow\"", "\"leaveWhenEmpty\": true" })
        {
            Assert.That(menus.Count(m => m.Contains(limit, StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(5), limit);
            Assert.That(queues.Count(q => q.Contains(limit, StringComparison.Ordinal) && q.Contains("\"offerWhenWaitOverSeconds\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(2),
                $"{limit} on a queue with virtual hold");
        }
        foreach (var overflow in new[] { "\"overflow\": { \"hangup\"", "\"overflow\": { \"goto\"", "\"overflow\": { \"queue\"" })
        {
            Assert.That(menus.Count(m => m.Contains(overflow, StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(5), overflow);
        }
        Assert.That(queues.Count(q => (q.Contains("\"maxLength\"", StringComparison.Ordinal) || q.Contains("\"maxWaitSeconds\"", StringComparison.Ordinal))
            && !q.Contains("\"overflow\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(5), "limits with no overflow action (the engine's goodbye)");
    }

    [Test]
    public void Generated_lines_with_queue_limits_turn_callers_away_and_send_waiting_callers_to_the_overflow_on_the_kernel()
    {
        // The differential test above compares whatever happens; this says the limits are reached there, on the kernel.
        var turningAway = 0;
        var overflowing = 0;
        foreach (var seed in Seeds())
        {
            var generated = ScenarioGenerator.Make(seed);
            if (generated.Refused is not null) continue;
            var scenario = Load(generated, seed);
            var handedBack = new List<int>();
            var figures = LoadSimulation.RunAsync(scenario, SimulationLength.OfCalls(2_000), 1, parallelism: 1, kernel: CallKernel.TryCompile(scenario, out _),
                onReferenceWeek: (week, _) => handedBack.Add(week)).GetAwaiter().GetResult();
            if (handedBack.Count > 0) continue;
            if (figures.Queues.Any(q => figures.Total(q).TurnedAway > 0)) turningAway++;
            if (figures.Queues.Any(q => figures.Total(q).Overflowed > 0)) overflowing++;
        }
        Assert.Multiple(() =>
        {
            // Lines where a callback's leg meets a full queue hand their week back, and are not counted here (5 and 6 lines when written).
            Assert.That(turningAway, Is.GreaterThanOrEqualTo(4), "generated lines where callers were turned away from a queue (full, nobody logged in) on the kernel");
            Assert.That(overflowing, Is.GreaterThanOrEqualTo(5), "generated lines where waiting callers left for the overflow (maximum wait, the last agent gone) on the kernel");
        });
    }

    [Test]
    public void The_generator_makes_supported_lines_whose_agents_answer_after_a_delay_beside_patience_virtual_hold_and_limits()
    {
        var delayed = Seeds().Select(ScenarioGenerator.Make).Where(g => g.Refused is null && g.Scenario.Contains("\"answerSeconds\"", StringComparison.Ordinal)).ToList();
        Assert.That(delayed, Has.Count.GreaterThanOrEqualTo(15), "lines with an answer delay");
        Assert.That(delayed.Count(g => g.Scenario.Contains("\"patience\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(8), "with patience");
        Assert.That(delayed.Count(g => g.Menu.Contains("\"offerWhenWaitOverSeconds\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(8), "with virtual hold");
        Assert.That(delayed.Count(g => g.Menu.Contains("\"maxWaitSeconds\"", StringComparison.Ordinal) || g.Menu.Contains("\"leaveWhenEmpty\"", StringComparison.Ordinal)),
            Is.GreaterThanOrEqualTo(5), "with a limit that sends waiting callers on");
    }

    [Test]
    public void Generated_lines_with_answer_delays_withdraw_rings_for_every_reason_on_the_kernel()
    {
        // The differential test above compares whatever happens; this says the paths of a ring with a delay are taken there, on the kernel.
        var (hungUp, booked, sentOn, logOuts) = (0, 0, 0, 0);
        foreach (var seed in Seeds())
        {
            var generated = ScenarioGenerator.Make(seed);
            if (generated.Refused is not null || !generated.Scenario.Contains("\"answerSeconds\"", StringComparison.Ordinal)) continue;
            var scenario = Load(generated, seed);
            var line = new CompiledLine(scenario);
            foreach (var runSeed in new[] { 1, 7 })
            {
                foreach (var week in LoadSimulation.Plan(scenario, SimulationLength.OfCalls(2_000), runSeed))
                {
                    var run = new KernelWeek(line, week.Index, week.ArrivalsStop, week.MaxCalls, LoadSimulation.SeedForWeek(runSeed, week.Index), _ => { }, null, null);
                    if (run.Run(CancellationToken.None) is null) continue;
                    hungUp += run.Rings.HungUp;
                    booked += run.Rings.Booked;
                    sentOn += run.Rings.SentOn;
                    logOuts += run.Rings.LogOutsWhileRinging;
                }
            }
        }
        TestContext.Out.WriteLine($"rings withdrawn: {hungUp} hung up, {booked} booked, {sentOn} sent on; {logOuts} log-outs while ringing");
        Assert.Multiple(() =>
        {
            Assert.That(hungUp, Is.GreaterThan(0), "callers who hung up while an agent rang for them");
            Assert.That(booked, Is.GreaterThan(0), "callers who booked a callback while an agent rang for them");
            Assert.That(sentOn, Is.GreaterThan(0), "callers sent on while an agent rang for them");
        });
        // Agents asked to log out while ringing are rare here (the morning's dips meet few rings in 2,000 calls): the line
        // answer-delay.scenario.json is made for them (KernelDifferentialTests).
    }

    private Scenario Load(ScenarioGenerator.Generated generated, int seed)
    {
        var folder = Path.Combine(_folder, seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "generated.json"), generated.Menu);
        var path = Path.Combine(folder, "generated.scenario.json");
        var loaded = ScenarioLoader.Load(Encoding.UTF8.GetBytes(generated.Scenario), path);
        var errors = loaded.Diagnostics.Where(d => d.Severity == IvrEngine.Menus.DiagnosticSeverity.Error).ToList();
        Assert.That(errors, Is.Empty, () => $"{string.Join("\n", errors)}\n{generated.Menu}\n{generated.Scenario}");
        return loaded.Scenario!;
    }
}
