using IvrEngine.Menus;
using IvrEngine.Queues.Staffing;
using IvrEngine.Simulation;
using IvrEngine.Tests.Menus;
using NodaTime;

namespace IvrEngine.Tests.Simulation;

/// <summary>Scenario files: the bundled one loads as written; every mistake comes back located, never thrown.</summary>
public sealed class ScenarioLoaderTests
{
    [Test]
    public void BundledScenario_LoadsWithoutDiagnostics()
    {
        var loaded = ScenarioLoader.LoadFile(SimulationFiles.BundledScenario);

        Assert.That(loaded.Diagnostics, Is.Empty, () => string.Join("\n", loaded.Diagnostics));
        var scenario = loaded.Scenario!;
        Assert.That(scenario.Menu.Name, Is.EqualTo("carrier-support"));
        Assert.That(scenario.WeekOf, Is.EqualTo(new LocalDate(2026, 11, 30)));
        Assert.That(scenario.Grid.IntervalMinutes, Is.EqualTo(30));
        Assert.That(scenario.Queues.Keys, Is.EquivalentTo(scenario.Menu.Queues.Keys));
        Assert.That(scenario.WeekStart(0), Is.EqualTo(Instant.FromUtc(2026, 11, 30, 5, 0)), "Monday 00:00 in New York");
    }

    [Test]
    public void BundledScenario_LaterRowsOverrideEarlierOnes()
    {
        var scenario = ScenarioLoader.LoadFile(SimulationFiles.BundledScenario).Scenario!;
        var grid = scenario.Grid;
        double RateAt(int day, int hour, int minute) => scenario.CallsPerHour[grid.IntervalOf(scenario.WeekOf.PlusDays(day - 1).At(new LocalTime(hour, minute)))];

        Assert.Multiple(() =>
        {
            Assert.That(RateAt(1, 3, 0), Is.EqualTo(30), "Mon 03:00: only the daily base row");
            Assert.That(RateAt(1, 7, 30), Is.EqualTo(120), "Mon 07:30: the morning row");
            Assert.That(RateAt(1, 12, 30), Is.EqualTo(560), "Mon 12:30: the Monday-morning row over mon-sat");
            Assert.That(RateAt(1, 17, 0), Is.EqualTo(330), "Mon 17:00: the mon-fri evening row, later than Monday's 13:00-18:00");
            Assert.That(RateAt(1, 23, 30), Is.EqualTo(30), "Mon 23:30: mon-sat ends at 23:30");
            Assert.That(RateAt(2, 10, 0), Is.EqualTo(380), "Tue 10:00: tue,fri");
            Assert.That(RateAt(3, 10, 0), Is.EqualTo(320), "Wed 10:00: wed-thu");
            Assert.That(RateAt(6, 18, 0), Is.EqualTo(260), "Sat 18:00: no evening row on Saturday");
            Assert.That(RateAt(7, 9, 30), Is.EqualTo(30), "Sun 09:30: Sunday opens at 10:00");
            Assert.That(RateAt(7, 10, 0), Is.EqualTo(150), "Sun 10:00");
        });
        // Summed over the week's rows: Mon 6,125 + Tue and Fri 4,925 + Wed and Thu 4,685 + Sat 4,235 + Sun 2,460.
        Assert.That(scenario.CallsPerWeek, Is.EqualTo(32_040).Within(1e-6));

        var general = scenario.Queues["general"].Agents;
        Assert.That(general[grid.IntervalOf(new LocalDateTime(2026, 11, 30, 9, 0))], Is.EqualTo(20), "Mon 09:00: Monday's 20 over mon-sat's 14");
        Assert.That(general[grid.IntervalOf(new LocalDateTime(2026, 11, 30, 18, 0))], Is.EqualTo(14), "Mon 18:00: Monday's row ended");
        Assert.That(general[grid.IntervalOf(new LocalDateTime(2026, 11, 30, 8, 30))], Is.Zero, "no row covers Mon 08:30");
    }

    [Test]
    public void BundledScenario_ReadsTheCallersAndQueuesAsWritten()
    {
        var scenario = ScenarioLoader.LoadFile(SimulationFiles.BundledScenario).Scenario!;
        var callers = scenario.Callers;

        Assert.That(callers.EscapeAtOnce, Is.EqualTo(0.2));
        Assert.That(callers.Think, Is.EqualTo(Duration.FromSeconds(3)));
        Assert.That(callers.Choices["main"].Shares, Does.Contain(("1", 0.22)).And.Contain(("silence", 0.05)).And.Contain(("hangup", 0.05)));
        Assert.That(callers.Patience, Is.EqualTo(new HandleTime(HandleTimeDistribution.Exponential, Duration.FromSeconds(240), Duration.Zero)));
        Assert.That((callers.AcceptCallback, callers.AnswerCallback), Is.EqualTo((0.45, 0.85)));
        Assert.That(callers.Locales, Is.EqualTo(new[] { ("en-US", 0.9), ("ru-RU", 0.1) }));
        var general = scenario.Queues["general"];
        Assert.That(general.HandleTime, Is.EqualTo(new HandleTime(HandleTimeDistribution.LogNormal, Duration.FromSeconds(300), Duration.FromSeconds(150))));
        Assert.That((general.WrapUp, general.AnswerDelay), Is.EqualTo((Duration.FromSeconds(30), Duration.FromSeconds(3))));
    }

    [TestCase("exponential", "an exponential distribution's spread is its mean; use lognormal for another spread")]
    [TestCase("fixed", "a fixed distribution has no spread")]
    public void ASpreadGivenToADistributionWithoutOne_IsWarnedAboutWhereItIsWritten(string distribution, string says)
    {
        var json = SimulationFiles.With(
            "\"handleTime\": { \"distribution\": \"exponential\", \"meanSeconds\": 150 }",
            $"\"handleTime\": {{ \"distribution\": \"{distribution}\", \"meanSeconds\": 150, \"sdSeconds\": 40 }}");

        var loaded = SimulationFiles.Load(json);

        Assert.That(loaded.Succeeded, Is.True, () => string.Join("\n", loaded.Diagnostics));
        var warning = loaded.Diagnostics.Single();
        var line = json[..json.IndexOf("\"sdSeconds\": 40", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.That(warning.ToString(), Does.StartWith($"{SimulationFiles.VariantPath}({line},"));
        Assert.That(warning.ToString(), Does.Contain($"warning IVR0028: handleTime.sdSeconds of queue 'general' is ignored: {says} [$.queues.general.handleTime.sdSeconds]"));
    }

    [Test]
    public void ASpreadGivenToALogNormal_IsUsedWithoutAWarning()
    {
        var loaded = SimulationFiles.Load(SimulationFiles.With(
            "\"handleTime\": { \"distribution\": \"exponential\", \"meanSeconds\": 150 }",
            "\"handleTime\": { \"distribution\": \"lognormal\", \"meanSeconds\": 150, \"sdSeconds\": 40 }"));

        Assert.That(loaded.Diagnostics, Is.Empty);
        Assert.That(loaded.Scenario!.Queues["general"].HandleTime.StandardDeviation, Is.EqualTo(Duration.FromSeconds(40)));
    }

    [Test]
    public void SmallestScenario_GetsTheDefaults_AndAWarningForEachUnstaffedQueue()
    {
        const string smallest = """
            {
              "menu": "tiny-line.json",
              "weekOf": "2026-11-30",
              "arrivals": [ { "days": "daily", "from": "00:00", "to": "24:00", "callsPerHour": 2 } ]
            }
            """;

        var loaded = SimulationFiles.Load(smallest);

        Assert.That(loaded.Succeeded, Is.True, () => string.Join("\n", loaded.Diagnostics));
        var warning = loaded.Diagnostics.Single();
        Assert.That(warning.ToString(), Is.EqualTo(
            $"{SimulationFiles.VariantPath}(1,1): warning IVR0004: queue 'general' of menu 'tiny-line' has no staffing in the scenario: callers sent there find no agents [$]"));
        var scenario = loaded.Scenario!;
        Assert.That(scenario.Grid.IntervalMinutes, Is.EqualTo(30));
        Assert.That(scenario.CallsPerWeek, Is.EqualTo(2 * 24 * 7).Within(1e-9));
        var callers = scenario.Callers;
        Assert.That(callers.EscapeAtOnce, Is.Zero);
        Assert.That(callers.Think, Is.EqualTo(Duration.FromSeconds(3)));
        Assert.That(callers.Choices, Is.Empty);
        Assert.That(callers.Entries, Is.Empty);
        Assert.That(callers.Patience, Is.Null, "without patience callers never hang up in a queue");
        Assert.That((callers.AcceptCallback, callers.AnswerCallback), Is.EqualTo((0.0, 1.0)));
        Assert.That(callers.Locales, Is.Empty);
        var general = scenario.Queues["general"];
        Assert.That(general.Agents.Max, Is.Zero);
    }

    [Test]
    public void QueueWithoutTimings_GetsTheDefaultHandleTimeAndNoWrapUpOrRing()
    {
        var json = SimulationFiles.With(
            "\"handleTime\": { \"distribution\": \"exponential\", \"meanSeconds\": 150 },\n      \"wrapUpSeconds\": 10,\n      \"answerSeconds\": 2,",
            "\"handleTime\": {},");

        var general = SimulationFiles.LoadTiny(json).Queues["general"];

        Assert.That(general.HandleTime, Is.EqualTo(new HandleTime(HandleTimeDistribution.LogNormal, Duration.FromMinutes(4), Duration.FromMinutes(2))));
        Assert.That((general.WrapUp, general.AnswerDelay), Is.EqualTo((Duration.Zero, Duration.Zero)));
    }

    [Test]
    public void PatienceWithOnlyAMean_IsExponential()
    {
        var json = SimulationFiles.With("\"patience\": { \"distribution\": \"exponential\", \"meanSeconds\": 300 }", "\"patience\": { \"meanSeconds\": 90 }");

        Assert.That(SimulationFiles.LoadTiny(json).Callers.Patience, Is.EqualTo(new HandleTime(HandleTimeDistribution.Exponential, Duration.FromSeconds(90), Duration.Zero)));
    }

    [Test]
    public void CallersWhoThinkLongerThanANodeListens_AreWarnedAbout_ButTheScenarioLoads()
    {
        var loaded = SimulationFiles.Load(SimulationFiles.With("\"thinkSeconds\": 2", "\"thinkSeconds\": 60"));

        Assert.That(loaded.Scenario, Is.Not.Null);
        var warning = loaded.Diagnostics.Single();
        Assert.That((warning.IsError, warning.JsonPath), Is.EqualTo((false, "$.callers.thinkSeconds")));
        Assert.That(warning.Message, Does.Contain("callers there time out before they act"));
    }

    [Test]
    public void AProbabilityWrittenAsText_IsAWrongType()
    {
        var loaded = SimulationFiles.Load(SimulationFiles.With("\"acceptCallback\": 0.5", "\"acceptCallback\": \"half\""));

        Assert.That(loaded.Diagnostics.Select(d => (d.Code, d.JsonPath)), Is.EqualTo(new[] { ("IVR0002", "$.callers.acceptCallback") }));
    }

    [Test]
    public void ChoicesNamingOnlyUnknownKeys_AreReportedOnceEach()
    {
        var loaded = SimulationFiles.Load(SimulationFiles.With("\"main\": { \"1\": 6, \"2\": 3, \"3\": 1 }", "\"main\": { \"7\": 1 }"));

        Assert.That(loaded.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "IVR0009" }), () => string.Join("\n", loaded.Diagnostics));
    }

    [Test]
    public void LocaleNames_AreMatchedWithoutRegardToCase()
    {
        var json = SimulationFiles.With("\"locales\": { \"en-US\": 3, \"ru-RU\": 1 }", "\"locales\": { \"en-us\": 1, \"RU-ru\": 1 }");

        Assert.That(SimulationFiles.LoadTiny(json).Callers.Locales, Is.EqualTo(new[] { ("en-US", 1.0), ("ru-RU", 1.0) }));
    }

    [Test]
    public void EscapeKeysSilenceAndHangUp_AreChoicesAtAMenu()
    {
        var json = SimulationFiles.With("\"main\": { \"1\": 6, \"2\": 3, \"3\": 1 }", "\"main\": { \"0\": 1, \"#\": 1, \"silence\": 1, \"hangup\": 1, \"3\": 0 }");

        var table = SimulationFiles.LoadTiny(json).Callers.Choices["main"];

        Assert.That(table.Shares, Is.EqualTo(new[] { ("0", 0.25), ("#", 0.25), ("silence", 0.25), ("hangup", 0.25) }), "a weight of 0 is allowed and never chosen");
    }

    /// <summary>One mistake each: the diagnostic's code, where it points (the first occurrence of the needle), its JSON path and a phrase of its message.</summary>
    public static IEnumerable<TestCaseData> LocatedMistakes()
    {
        (string Fragment, string Replacement, string Code, string Needle, string Path, string Says, string Name)[] cases =
        [
            ("\"weekOf\": \"2026-11-30\"", "\"weekOf\": true", "IVR0002", "true", "$.weekOf", "weekOf must be a string, but it is", "wrong type: weekOf"),
            ("\"agents\": 3", "\"agents\": \"three\"", "IVR0002", "\"three\"", "$.queues.general.agents[0].agents", "must be a whole number", "wrong type: agents"),
            ("\"callsPerHour\": 100", "\"callsPerHour\": null", "IVR0002", "null", "$.arrivals[0].callsPerHour", "must be a number", "wrong type: rate"),
            ("\"callers\": {", "\"callers\": [], \"x\": {", "IVR0002", "[]", "$.callers", "callers must be an object", "wrong type: callers"),
            ("\"escapeAtOnce\": 0.1", "\"escapeAtonce\": 0.1", "IVR0003", "\"escapeAtonce\"", "$.callers.escapeAtonce", "callers has no property 'escapeAtonce'; did you mean 'escapeAtOnce'?", "unknown property with a suggestion"),
            ("\"menu\": \"tiny-line.json\",", "\"menu\": \"tiny-line.json\", \"arival\": [],", "IVR0003", "\"arival\"", "$.arival", "the scenario has no property 'arival'; did you mean 'arrivals'?", "unknown top-level property"),
            ("\"wrapUpSeconds\": 10", "\"wrapupSeconds\": 10", "IVR0003", "\"wrapupSeconds\"", "$.queues.general.wrapupSeconds", "did you mean 'wrapUpSeconds'?", "unknown queue property"),
            ("\"weekOf\": \"2026-11-30\"", "\"weekOf\": \"2026-12-02\"", "IVR0018", "\"2026-12-02\"", "$.weekOf", "weekOf is 2026-12-02, a Wednesday; simulated weeks start on a Monday (the Monday of that week is 2026-11-30)", "weekOf not a Monday"),
            ("\"weekOf\": \"2026-11-30\"", "\"weekOf\": \"9999-12-27\"", "IVR0018", "\"9999-12-27\"", "$.weekOf", "weekOf is 9999-12-27; it must be from 1900-01-01 to 8999-12-31", "weekOf near the end of time"),
            ("\"callsPerHour\": 100", "\"callsPerHour\": 1e-300", "IVR0018", "1e-300", "$.arrivals[0].callsPerHour", "callsPerHour of arrivals[0] is 1E-300; it must be 0 or from 0.001 to 1,000,000", "a rate too small to ever call"),
            ("\"handleTime\": { \"distribution\": \"exponential\", \"meanSeconds\": 150 }", "\"handleTime\": { \"distribution\": \"lognormal\", \"meanSeconds\": 1e-300, \"sdSeconds\": 86400 }", "IVR0018", "86400", "$.queues.general.handleTime.sdSeconds", "handleTime.sdSeconds of queue 'general' is 86400 seconds, more than 10 times its mean of 0 seconds", "a log-normal spread past any clock"),
            ("\"weekOf\": \"2026-11-30\"", "\"weekOf\": \"next monday\"", "IVR0022", "\"next monday\"", "$.weekOf", "it must be a date such as 2026-11-30", "weekOf not a date"),
            ("\"intervalMinutes\": 60", "\"intervalMinutes\": 20", "IVR0018", "20,", "$.intervalMinutes", "intervalMinutes is 20; it must be 15, 30 or 60", "intervalMinutes 20"),
            ("\"from\": \"09:00\", \"to\": \"12:00\"", "\"from\": \"09:30\", \"to\": \"12:00\"", "IVR0018", "\"09:30\"", "$.arrivals[0].from", "from 09:30 of arrivals[0] does not fall on the scenario's 60-minute intervals", "from off the grid"),
            ("\"from\": \"08:00\", \"to\": \"13:00\"", "\"from\": \"08:00\", \"to\": \"13:15\"", "IVR0018", "\"13:15\"", "$.queues.general.agents[0].to", "to 13:15 of agents[0] of queue 'general' does not fall on the scenario's 60-minute intervals", "to off the grid"),
            ("\"from\": \"09:00\", \"to\": \"12:00\"", "\"from\": \"09:00\", \"to\": \"25:00\"", "IVR0022", "\"25:00\"", "$.arrivals[0].to", "to of arrivals[0] is '25:00'; it must be a time such as 20:00 (or 24:00)", "to not a time"),
            ("\"from\": \"09:00\", \"to\": \"12:00\"", "\"from\": \"12:00\", \"to\": \"12:00\"", "IVR0022", "\"12:00\", \"callsPerHour\"", "$.arrivals[0].to", "ends where it starts", "a row that ends where it starts"),
            ("{ \"days\": \"mon\", \"from\": \"09:00\"", "{ \"days\": \"mon-fry\", \"from\": \"09:00\"", "IVR0022", "\"mon-fry\"", "$.arrivals[0].days", "'mon-fry' is not a day or days", "bad days"),
            ("{ \"days\": \"mon\", \"from\": \"09:00\"", "{ \"from\": \"09:00\"", "IVR0004", "{ \"from\": \"09:00\"", "$.arrivals[0].days", "arrivals[0] needs 'days'", "a row without days"),
            ("\"callsPerHour\": 100", "\"callsPerHour\": -5", "IVR0018", "-5", "$.arrivals[0].callsPerHour", "callsPerHour of arrivals[0] is -5; it must be from 0 to 1,000,000", "negative rate"),
            ("\"agents\": 3", "\"agents\": 10001", "IVR0018", "10001", "$.queues.general.agents[0].agents", "it must be from 0 to 10000", "too many agents"),
            ("\"main\": { \"1\": 6", "\"mian\": { \"1\": 6", "IVR0006", "\"mian\"", "$.callers.choices.mian", "choices of callers names node 'mian', which menu 'tiny-line' does not have; did you mean 'main'?", "unknown node in choices"),
            ("\"main\": { \"1\": 6", "\"hours\": { \"1\": 6", "IVR0023", "\"hours\"", "$.callers.choices.hours", "names node 'hours', which is an announcement, not a menu with options", "choices at an announcement"),
            ("\"main\": { \"1\": 6", "\"main\": { \"7\": 6", "IVR0009", "\"7\"", "$.callers.choices.main['7']", "node 'main' has no option or escape key '7'; choices are its keys (1, 2, 3, 0, #, silence, hangup) or say: with one of its phrases", "unknown key in choices"),
            ("\"main\": { \"1\": 6", "\"main\": { \"say:custmer care\": 6", "IVR0009", "\"say:custmer care\"", "$.callers.choices.main['say:custmer care']", "node 'main' has no option or escape phrase 'custmer care'; spoken choices are say: with one of its phrases (customer care, account, hours, ", "unknown phrase in choices"),
            ("\"main\": { \"1\": 6, \"2\": 3, \"3\": 1 }", "\"main\": { \"1\": 0, \"2\": 0 }", "IVR0018", "\"main\"", "$.callers.choices.main", "choices at node 'main' need at least one weight above 0", "every weight 0"),
            ("\"account\": \"91234\"", "\"account\": \"81234\"", "IVR0018", "\"81234\"", "$.callers.entries.account", "the entry at node 'account' is '81234'; the node takes 4–8 digits matching ^9[0-9]+$", "entry not matching the collector's pattern"),
            ("\"account\": \"91234\"", "\"account\": \"912345678\"", "IVR0018", "\"912345678\"", "$.callers.entries.account", "the node takes 4–8 digits", "entry too long for the collector"),
            ("\"account\": \"91234\"", "\"main\": \"91234\"", "IVR0023", "\"main\": \"91234\"", "$.callers.entries.main", "names node 'main', which is a menu with options, not a digit collector", "entry at a menu"),
            ("\"locales\": { \"en-US\": 3", "\"locales\": { \"de-DE\": 3", "IVR0021", "\"de-DE\"", "$.callers.locales['de-DE']", "locales of callers names 'de-DE'; menu 'tiny-line' has en-US, ru-RU", "unknown locale"),
            ("\"acceptCallback\": 0.5", "\"acceptCallback\": 1.5", "IVR0018", "1.5", "$.callers.acceptCallback", "acceptCallback of callers must be a probability from 0 to 1", "probability above 1"),
            ("\"queues\": {\n    \"general\"", "\"queues\": {\n    \"generl\"", "IVR0014", "\"generl\"", "$.queues.generl", "queues names queue 'generl', which menu 'tiny-line' does not declare; did you mean 'general'?", "unknown queue"),
            ("\"handleTime\": { \"distribution\": \"exponential\"", "\"handleTime\": { \"distribution\": \"normal\"", "IVR0018", "\"normal\"", "$.queues.general.handleTime.distribution", "it must be one of exponential, lognormal, fixed", "unknown distribution"),
            ("\"menu\": \"tiny-line.json\"", "\"menu\": \"no-such-menu.json\"", "IVR0001", "\"no-such-menu.json\"", "$.menu", "menu 'no-such-menu.json' is not a file", "menu path missing"),
        ];
        return cases.Select(c => new TestCaseData(c.Fragment, c.Replacement, c.Code, c.Needle, c.Path, c.Says).SetArgDisplayNames(c.Name));
    }

    [TestCaseSource(nameof(LocatedMistakes))]
    public void Mistake_IsReportedWithFileLineColumnAndJsonPath(string fragment, string replacement, string code, string needle, string jsonPath, string says)
    {
        var json = SimulationFiles.With(fragment, replacement);

        var loaded = SimulationFiles.Load(json);

        Assert.That(loaded.Scenario, Is.Null, "a scenario with an error does not load");
        var matching = loaded.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.That(matching, Has.Count.EqualTo(1), () => string.Join("\n", loaded.Diagnostics));
        var diagnostic = matching[0];
        var (line, column) = SampleMenus.PositionOf(json, needle);
        Assert.That(diagnostic.IsError, Is.True);
        Assert.That((diagnostic.File, diagnostic.Line, diagnostic.Column, diagnostic.JsonPath), Is.EqualTo((SimulationFiles.VariantPath, line, column, jsonPath)), diagnostic.ToString());
        Assert.That(diagnostic.Message, Does.Contain(says));
    }

    [Test]
    public void SeveralMistakes_AreAllReportedAtOnce_InFileOrder()
    {
        var json = SimulationFiles.With("\"weekOf\": \"2026-11-30\"", "\"weekOf\": \"2026-12-01\"");
        json = SimulationFiles.With(json, "\"escapeAtOnce\": 0.1", "\"escapeAtOnce\": 3");
        json = SimulationFiles.With(json, "\"agents\": 3", "\"agents\": -1");

        var loaded = SimulationFiles.Load(json);

        Assert.That(loaded.Diagnostics.Select(d => (d.Code, d.JsonPath)), Is.EqualTo(new[]
        {
            ("IVR0018", "$.weekOf"),
            ("IVR0018", "$.callers.escapeAtOnce"),
            ("IVR0018", "$.queues.general.agents[0].agents"),
        }));
    }

    [Test]
    public void QueueWithAMistake_IsNotAlsoReportedAsUnstaffed()
    {
        var json = SimulationFiles.With("\"wrapUpSeconds\": 10", "\"wrapUpSeconds\": \"ten\"");

        var loaded = SimulationFiles.Load(json);

        Assert.That(loaded.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            $"{SimulationFiles.VariantPath}(24,24): error IVR0002: wrapUpSeconds of queue 'general' must be a number of seconds, but it is the string \"ten\" [$.queues.general.wrapUpSeconds]",
        }));
    }

    [Test]
    public void MenuWithErrors_IsNamedAtTheMenuProperty_AndItsOwnDiagnosticsCome()
    {
        using var folder = new TempFolder();
        var menu = File.ReadAllText(SimulationFiles.TinyMenu).Replace("\"goto\": \"hours\"", "\"goto\": \"hour\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder.Path, "tiny-line.json"), menu);
        var scenarioPath = Path.Combine(folder.Path, "broken.scenario.json");
        File.WriteAllText(scenarioPath, SimulationFiles.TinyScenarioText);

        var loaded = ScenarioLoader.LoadFile(scenarioPath);

        Assert.That(loaded.Scenario, Is.Null);
        var atMenu = loaded.Diagnostics.Single(d => d.File == scenarioPath);
        Assert.That((atMenu.Code, atMenu.JsonPath, atMenu.Message), Is.EqualTo(("IVR0001", "$.menu", "menu 'tiny-line.json' has errors (listed with it)")));
        Assert.That((atMenu.Line, atMenu.Column), Is.EqualTo(SampleMenus.PositionOf(SimulationFiles.TinyScenarioText, "\"tiny-line.json\"")));
        var inMenu = loaded.Diagnostics.Single(d => d.File != scenarioPath && d.IsError);
        Assert.That(inMenu.File, Is.EqualTo(Path.Combine(folder.Path, "tiny-line.json")));
        Assert.That((inMenu.Code, inMenu.JsonPath), Is.EqualTo(("IVR0006", "$.nodes.main.options[2].goto")));
        Assert.That((inMenu.Line, inMenu.Column), Is.EqualTo(SampleMenus.PositionOf(menu, "\"hour\"")));
    }

    [Test]
    public void MissingScenarioFile_IsOneUnreadableDiagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ivr-missing-{Guid.NewGuid():N}.scenario.json");

        var loaded = ScenarioLoader.LoadFile(path);

        Assert.That(loaded.Scenario, Is.Null);
        var diagnostic = loaded.Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column, diagnostic.JsonPath), Is.EqualTo(("IVR0001", path, 1, 1, "$")));
    }

    [TestCase("", TestName = "Empty file")]
    [TestCase("[]", TestName = "A list, not an object")]
    [TestCase("{ \"menu\": \"tiny-line.json\", ", TestName = "Cut short")]
    public void NotAScenarioAtAll_IsReportedNotThrown(string text)
    {
        var loaded = SimulationFiles.Load(text);

        Assert.That(loaded.Scenario, Is.Null);
        Assert.That(loaded.Diagnostics, Is.Not.Empty);
        Assert.That(loaded.Diagnostics, Has.All.Matches<MenuDiagnostic>(d => d.IsError && d.File == SimulationFiles.VariantPath && d.Line >= 1 && d.Column >= 1));
    }

    /// <summary>A folder under the temporary directory, deleted with everything in it when disposed.</summary>
    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ivr-sim-{Guid.NewGuid():N}")).FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
