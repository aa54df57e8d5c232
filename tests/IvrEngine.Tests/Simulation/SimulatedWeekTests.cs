using IvrEngine.Hosting.Simulation;
using IvrEngine.Simulation;
using NodaTime;

namespace IvrEngine.Tests.Simulation;

/// <summary>How one simulated week staffs its queues and how long it runs.</summary>
[TestFixture]
public sealed class SimulatedWeekTests
{
    [Test]
    public async Task CallersArrivingBeforeAnyoneIsStaffed_FindNoAgentUntilTheShiftStarts()
    {
        // Arrivals at 02:00-04:00, agents only from 08:00: nobody may answer before 08:00.
        var scenario = SimulationFiles.LoadTiny(SimulationFiles.With(
            """{ "days": "mon", "from": "09:00", "to": "12:00", "callsPerHour": 100 }""",
            """{ "days": "mon", "from": "02:00", "to": "04:00", "callsPerHour": 20 }"""));

        var figures = await LoadSimulation.RunAsync(scenario, SimulationLength.Of(Duration.FromDays(7)), seed: 3);

        var early = figures["general", 2];
        Assert.Multiple(() =>
        {
            Assert.That(early.Offered, Is.EqualTo(16), "callers reached the queue at 02:00");
            Assert.That(early.Answered, Is.Zero, "no agent is logged in at 02:00, and nobody waits until the 08:00 shift");
            Assert.That(early.AverageSpeedOfAnswerSeconds, Is.Null, "with nobody answered there is no speed of answer");
            Assert.That((early.Abandoned, early.Overflowed), Is.EqualTo((15L, 1L)), "they hang up, or leave at the queue's maximum wait");
            Assert.That(early.LongestWaitSeconds, Is.EqualTo(900), "the queue's 15-minute maximum wait");
        });
    }

    [Test]
    public async Task CallersWhoSayAnOptionsPhrase_AllReachIt()
    {
        // Every caller (a quarter of them Russian speakers) says "customer care" in their language at the main menu.
        var scenario = SimulationFiles.LoadTiny(SimulationFiles.With(
            SimulationFiles.With("\"escapeAtOnce\": 0.1", "\"escapeAtOnce\": 0"),
            "\"main\": { \"1\": 6, \"2\": 3, \"3\": 1 }", "\"main\": { \"say:customer care\": 1 }"));

        var figures = await LoadSimulation.RunAsync(scenario, SimulationLength.Of(Duration.FromDays(7)), seed: 5);

        Assert.Multiple(() =>
        {
            Assert.That(figures.Calls, Is.GreaterThan(200));
            Assert.That(figures.Total("general").Offered, Is.EqualTo(figures.Calls), "every caller reached the queue the phrase names");
            Assert.That(figures.EndedInMenus, Is.Zero);
        });
    }

    [TestCase("en-US", "customer care")]
    [TestCase("ru-RU", "поддержка")]
    public void ASimulatedCallerWithASpokenChoice_SaysItInTheirLanguage_AndIsUnderstoodAtOnce(string locale, string said)
    {
        var scenario = SimulationFiles.LoadTiny(SimulationFiles.With("\"main\": { \"1\": 6, \"2\": 3, \"3\": 1 }", "\"main\": { \"say:customer care\": 1 }"));
        var center = new IvrEngine.Tests.Queues.TestCenter(scenario.Menu, IvrEngine.Tests.Queues.TestCenter.Agent("Olga", "general", talkSeconds: 600));
        var call = new IvrEngine.Calls.CallSession(scenario.Menu, new IvrEngine.Calls.CallSettings(Locale: locale, CallCenter: center.Center), center.Clock);
        var callers = scenario.Callers with { EscapeAtOnce = 0 };
        _ = new SimulatedCaller(call, center.Center, callers, center.Clock, new CallerRandom(1), _ => { });

        call.Start();
        center.Wait(10);

        var events = call.Transcript.Events;
        Assert.Multiple(() =>
        {
            Assert.That(events.Where(e => e.Type == IvrEngine.Calls.CallEventType.SpeechHeard).Select(e => e.Text), Is.EqualTo(new[] { said }));
            Assert.That(events.Any(e => e.Type == IvrEngine.Calls.CallEventType.InvalidInput), Is.False, "understood the first time");
            Assert.That(events.Any(e => e.Type == IvrEngine.Calls.CallEventType.QueueJoined), Is.True);
        });
    }

    [Test]
    public void ASimulatedCallerWhoTakesCallbacks_BooksOneOfTheTimesAClosedQueueOffers()
    {
        // The times are spoken while the call is still transferring; the caller must act once it is at the offer.
        var store = new IvrEngine.Callbacks.InMemoryCallbackStore();
        var center = IvrEngine.Tests.Callbacks.CallbackLines.ClosedLine(store);
        var call = new IvrEngine.Calls.CallSession(center.Menu, new IvrEngine.Calls.CallSettings(CallerId: "+12025550143", CallCenter: center.Center), center.Clock);
        var takesCallbacks = new CallerBehaviour(
            EscapeAtOnce: 0, Think: Duration.FromSeconds(3),
            Choices: System.Collections.Immutable.ImmutableDictionary<string, ChoiceTable>.Empty.Add("main", new ChoiceTable([("1", 1.0)])),
            Entries: System.Collections.Immutable.ImmutableDictionary<string, string>.Empty, Patience: null,
            AcceptCallback: 1, AnswerCallback: 1, Locales: []);
        _ = new SimulatedCaller(call, center.Center, takesCallbacks, center.Clock, new CallerRandom(1), _ => { });

        call.Start();
        center.Wait(30);

        Assert.That(call.Outcome?.Kind, Is.EqualTo(IvrEngine.Calls.CallOutcomeKind.CallbackScheduled), () => string.Join("\n", call.Transcript.Events));
        Assert.That(store.Find(call.Reference)!.Kind, Is.EqualTo(IvrEngine.Callbacks.CallbackKind.Scheduled));
    }

    [Test]
    public void ASpokenChoice_IsSaidInTheCallersLanguage_OrAsWrittenWhereTheOptionHasNoPhraseInIt()
    {
        var main = SimulationFiles.LoadTiny().Menu.Nodes["main"];

        Assert.Multiple(() =>
        {
            Assert.That(Said("customer care", "en-US"), Is.EqualTo("customer care"));
            Assert.That(Said("Customer Care!", "ru-RU"), Is.EqualTo("поддержка"), "named as the engine hears it: case and punctuation aside");
            Assert.That(Said("поддержка", "en-US"), Is.EqualTo("customer care"));
            Assert.That(SpokenChoice.Utterance("say:customer care", IvrEngine.Menus.LocalizedPhrases.Of(("en-US", ["customer care"])), "ru-RU"), Is.EqualTo("customer care"),
                "an option without a phrase in the caller's language: said as written");
            Assert.That(SpokenChoice.PhrasesNaming(main, "agent"), Is.Not.Null, "the escape phrases count too");
            Assert.That(SpokenChoice.PhrasesNaming(main, "billing"), Is.Null);
            Assert.That(SpokenChoice.IsSpoken("say:", out _), Is.False);
            Assert.That(SpokenChoice.IsSpoken("1", out _), Is.False);
        });

        string Said(string phrase, string locale) => SpokenChoice.Utterance(SpokenChoice.Prefix + phrase, SpokenChoice.PhrasesNaming(main, phrase)!, locale);
    }

    [Test]
    public async Task TwoStaffingPlans_MeetTheSameCallers()
    {
        // Common random numbers: each caller draws from their own stream, so a what-if on staffing
        // changes the waits, not who calls or where they go in the menu.
        var thin = SimulationFiles.LoadTiny();
        var rich = SimulationFiles.LoadTiny(SimulationFiles.With(
            """{ "days": "mon", "from": "08:00", "to": "13:00", "agents": 3 }""",
            """{ "days": "mon", "from": "08:00", "to": "13:00", "agents": 6 }"""));

        var a = await LoadSimulation.RunAsync(thin, SimulationLength.Of(Duration.FromDays(7)), seed: 9);
        var b = await LoadSimulation.RunAsync(rich, SimulationLength.Of(Duration.FromDays(7)), seed: 9);

        Assert.Multiple(() =>
        {
            Assert.That(b.Calls, Is.EqualTo(a.Calls));
            Assert.That(b.EndedInMenus, Is.EqualTo(a.EndedInMenus));
            Assert.That(b.Total("general").Offered, Is.EqualTo(a.Total("general").Offered));
            Assert.That(b.Total("general").AverageSpeedOfAnswerSeconds, Is.LessThan(a.Total("general").AverageSpeedOfAnswerSeconds!.Value));
        });
    }

    [Test]
    public async Task AWeekWithItsCallsOnMondayMorning_StillRunsToSunday()
    {
        var scenario = SimulationFiles.LoadTiny(SimulationFiles.With(
            """{ "days": "mon", "from": "08:00", "to": "13:00", "agents": 3 }""",
            """{ "days": "daily", "from": "00:00", "to": "24:00", "agents": 3 }"""));

        var figures = await LoadSimulation.RunAsync(scenario, SimulationLength.Of(Duration.FromDays(7)), seed: 3);

        var week = figures.Total("general");
        Assert.Multiple(() =>
        {
            Assert.That(Enumerable.Range(0, scenario.Grid.IntervalsPerWeek).Select(i => figures["general", i].Weeks), Is.All.EqualTo(1),
                "every interval of the week was simulated");
            Assert.That(week.StaffedSeconds, Is.EqualTo(3 * 7 * 24 * 3600).Within(3 * 3600), "three agents all week (give or take a DST hour)");
            Assert.That(week.Occupancy, Is.LessThan(0.05), "a morning's calls over a week of three agents");
        });
    }
}

/// <summary><c>ivr simulate</c> on a terminal: the progress bar.</summary>
[TestFixture]
public sealed class SimulateProgressTests
{
    [Test]
    public async Task OnATerminal_AProgressBarIsDrawnOnStderr_AndClearedBeforeTheReport()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await IvrEngine.Cli.IvrCommandLine.InvokeAsync(
            ["simulate", SimulationFiles.TinyScenario, "--duration", "P1W"], TextReader.Null, output, error, inputIsTerminal: false, errorIsTerminal: true);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error.ToString());
            Assert.That(error.ToString(), Does.Match(@"^\r\[[#-]{30}\] +\d+%  [\d,]+ calls"), "the bar, drawn at least once");
            Assert.That(error.ToString(), Does.EndWith("\r"), "then blanked, so the report starts on a clean line");
            Assert.That(output.ToString(), Does.Contain("Best time to call"));
        });
    }
}
