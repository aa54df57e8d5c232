using IvrEngine.Menus;
using IvrEngine.Menus.Lint;

namespace IvrEngine.Tests.Menus.Lint;

/// <summary>Each lint rule fires on the mistake it is about, at the right place, and stays quiet on a menu that follows the practice.</summary>
public sealed class MenuLinterTests
{
    /// <summary>Follows every practice the rules check; each test breaks one.</summary>
    internal const string Clean = """
        {
          "name": "lint-sample",
          "timeZone": "America/New_York",
          "locales": ["en-US", "ru-RU"],
          "start": "main",
          "defaults": { "escape": { "to": { "queue": "general" } } },
          "queues": { "general": { "name": { "en-US": "customer care", "ru-RU": "служба поддержки" } } },
          "nodes": {
            "main": {
              "prompt": { "en-US": "For billing, press 1 or say billing. For orders, press 2. To hear this again, press star.", "ru-RU": "Оплата — нажмите 1. Заказы — 2. Повторить — звёздочка." },
              "reprompt": { "en-US": "Billing, 1. Orders, 2.", "ru-RU": "Оплата — 1. Заказы — 2." },
              "options": [
                { "key": "1", "say": { "en-US": ["billing"], "ru-RU": ["оплата"] }, "goto": "billing" },
                { "key": "2", "say": { "en-US": ["orders"], "ru-RU": ["заказы"] }, "queue": "general" },
                { "key": "*", "do": "repeat" }
              ]
            },
            "billing": {
              "prompt": { "en-US": "To hear your balance, press 1. For the main menu, press 9.", "ru-RU": "Баланс — нажмите 1. Главное меню — 9." },
              "options": [
                { "key": "1", "hangup": { "en-US": "Your balance is in the app. Goodbye.", "ru-RU": "Баланс — в приложении. До свидания." } },
                { "key": "9", "do": "mainMenu" }
              ]
            }
          }
        }
        """;

    private static LintReport Lint(string json, LintOptions? options = null)
    {
        var report = MenuLinter.Lint(json, SampleMenus.Path, options);
        Assert.That(report.Load.Succeeded, Is.True, () => string.Join("\n", report.Load.Diagnostics));
        return report;
    }

    private static List<MenuDiagnostic> Findings(string json, string code, LintOptions? options = null) =>
        [.. Lint(json, options).Findings.Where(f => f.Code == code)];

    private static string With(string fragment, string replacement) => SampleMenus.Replace(Clean, fragment, replacement);

    [Test]
    public void CleanMenu_HasNoFindings()
    {
        var report = Lint(Clean);

        Assert.That(report.Findings, Is.Empty, () => string.Join("\n", report.Findings));
    }

    [Test]
    public void IVRL001_OptionKeyNeverSaid_IsReportedAtTheKeyForEachLocale()
    {
        var json = With("To hear this again, press star.\", \"ru", "\", \"ru");

        var findings = Findings(json, "IVRL001");

        Assert.That(findings, Has.Count.EqualTo(1), () => string.Join("\n", findings));
        Assert.That(findings[0].JsonPath, Is.EqualTo("$.nodes.main.options[2].key"));
        Assert.That(findings[0].Message, Does.Contain("key *").And.Contain("en-US").And.Contain("callers press only the keys they hear about"));
        Assert.That(findings[0].Severity, Is.EqualTo(DiagnosticSeverity.Warning));
    }

    [TestCase("press pound", "#")]
    [TestCase("нажмите решётку", "#")]
    [TestCase("Повторить — звездочку", "*")]
    public void IVRL001_KeyWords_CountAsMentions(string wording, string key)
    {
        var json = With("{ \"key\": \"*\", \"do\": \"repeat\" }", $"{{ \"key\": \"{key}\", \"do\": \"repeat\" }}")
            .Replace("\"defaults\": { \"escape\": { \"to\"", "\"defaults\": { \"escape\": { \"keys\": [\"0\"], \"to\"", StringComparison.Ordinal)
            .Replace("press star.", $"{wording}.", StringComparison.Ordinal)
            .Replace("Повторить — звёздочка.", $"{wording}.", StringComparison.Ordinal);

        Assert.That(Findings(json, "IVRL001"), Is.Empty);
    }

    [Test]
    public void IVRL002_PromptSaysAKeyNoOptionUses_IsReportedAtThatPrompt()
    {
        var json = With("For orders, press 2.", "For orders, press 2. For plans, press 3.");

        var findings = Findings(json, "IVRL002");

        Assert.That(findings.Select(f => f.JsonPath), Is.EqualTo(new[] { "$.nodes.main.prompt['en-US']" }));
        Assert.That(findings[0].Message, Does.Contain("press 3"));
    }

    [TestCase("Russian dash form", "Заказы — 2.", "Заказы — 2. Тарифы — 5.", "$.nodes.main.prompt['ru-RU']")]
    [TestCase("reprompt list form", "Orders, 2.\"", "Orders, 2. Plans, 4.\"", "$.nodes.main.reprompt['en-US']")]
    [TestCase("press X or Y", "For orders, press 2.", "For orders, press 2 or 6.", "$.nodes.main.prompt['en-US']")]
    public void IVRL002_KeyForms_AreRecognised(string name, string fragment, string replacement, string path)
    {
        var findings = Findings(With(fragment, replacement), "IVRL002");

        Assert.That(findings.Select(f => f.JsonPath), Is.EqualTo(new[] { path }), name);
    }

    [Test]
    public void IVRL002_NumbersThatAreNotKeys_AreNotReported()
    {
        var json = With("For orders, press 2.", "We're open from 10 to 8, 7 days a week, and have 24 stores. For orders, press 2.");

        Assert.That(Findings(json, "IVRL002"), Is.Empty);
    }

    [Test]
    public void IVRL002_EscapeKeys_Exist()
    {
        var json = With("For orders, press 2.", "For orders, press 2. For an operator, press 0.");

        Assert.That(Findings(json, "IVRL002"), Is.Empty);
    }

    [Test]
    public void IVRL003_TooManyChoices_CountsKeyedChoicesButNotRepeat()
    {
        Assert.That(Findings(Clean, "IVRL003", new LintOptions { MaxOptions = 2 }), Is.Empty, "two choices plus repeat");

        var findings = Findings(Clean, "IVRL003", new LintOptions { MaxOptions = 1 });

        Assert.That(findings.Select(f => f.JsonPath), Is.EqualTo(new[] { "$.nodes.main.options" }));
        Assert.That(findings[0].Message, Does.Contain("2 choices").And.Contain("limit is 1"));
    }

    [Test]
    public void IVRL004_DeepMenu_NamesTheShortestPath()
    {
        Assert.That(Findings(Clean, "IVRL004", new LintOptions { MaxDepth = 2 }), Is.Empty);

        var findings = Findings(Clean, "IVRL004", new LintOptions { MaxDepth = 1 });

        Assert.That(findings.Select(f => f.JsonPath), Is.EqualTo(new[] { "$.nodes.billing" }));
        Assert.That(findings[0].Message, Does.Contain("level 2 (main > billing)"));
    }

    [Test]
    public void IVRL005_NodeWithEscapeDisabled_HasNoWayToAHuman()
    {
        var json = With("\"billing\": {", "\"billing\": { \"escape\": { \"mode\": \"disabled\" }, \"onRetriesExhausted\": { \"do\": \"mainMenu\" },");

        var findings = Findings(json, "IVRL005");

        Assert.That(findings.Select(f => f.JsonPath), Is.EqualTo(new[] { "$.nodes.billing" }));
        Assert.That(findings[0].Message, Does.Contain("escape is disabled"));
    }

    [Test]
    public void IVRL005_EscapeToAHangup_LeadsToNoQueue()
    {
        var json = With("\"defaults\": { \"escape\": { \"to\": { \"queue\": \"general\" } } }",
            "\"defaults\": { \"escape\": { \"to\": { \"hangup\": { \"en-US\": \"Bye.\", \"ru-RU\": \"Пока.\" } } } }");

        Assert.That(Findings(json, "IVRL005").Select(f => f.JsonPath), Is.EqualTo(new[] { "$.nodes.main", "$.nodes.billing" }));
    }

    [Test]
    public void IVRL006_LoopWithNoExit_IsReportedForEveryNodeInIt()
    {
        var json = With("{ \"key\": \"1\", \"hangup\": { \"en-US\": \"Your balance is in the app. Goodbye.\", \"ru-RU\": \"Баланс — в приложении. До свидания.\" } }",
                "{ \"key\": \"1\", \"goto\": \"main\" }")
            .Replace("{ \"key\": \"2\", \"say\": { \"en-US\": [\"orders\"], \"ru-RU\": [\"заказы\"] }, \"queue\": \"general\" }",
                "{ \"key\": \"2\", \"say\": { \"en-US\": [\"orders\"], \"ru-RU\": [\"заказы\"] }, \"goto\": \"billing\" }", StringComparison.Ordinal)
            .Replace("\"defaults\": { \"escape\": { \"to\": { \"queue\": \"general\" } } }",
                "\"defaults\": { \"escape\": { \"mode\": \"disabled\" }, \"onRetriesExhausted\": { \"do\": \"mainMenu\" } }, \"budget\": { \"then\": { \"queue\": \"general\" } }", StringComparison.Ordinal);

        var findings = Findings(json, "IVRL006");

        Assert.That(findings.Select(f => f.JsonPath), Is.EqualTo(new[] { "$.nodes.main", "$.nodes.billing" }));
        Assert.That(Findings(Clean, "IVRL006"), Is.Empty);
    }

    [Test]
    public void IVRL006_ACallbackOption_IsAnExit()
    {
        var json = With("{ \"key\": \"1\", \"hangup\": { \"en-US\": \"Your balance is in the app. Goodbye.\", \"ru-RU\": \"Баланс — в приложении. До свидания.\" } }",
                "{ \"key\": \"1\", \"callback\": \"general\" }")
            .Replace("{ \"key\": \"2\", \"say\": { \"en-US\": [\"orders\"], \"ru-RU\": [\"заказы\"] }, \"queue\": \"general\" }",
                "{ \"key\": \"2\", \"say\": { \"en-US\": [\"orders\"], \"ru-RU\": [\"заказы\"] }, \"goto\": \"billing\" }", StringComparison.Ordinal)
            .Replace("\"defaults\": { \"escape\": { \"to\": { \"queue\": \"general\" } } }",
                "\"defaults\": { \"escape\": { \"mode\": \"disabled\" }, \"onRetriesExhausted\": { \"do\": \"mainMenu\" } }, \"budget\": { \"then\": { \"queue\": \"general\" } }", StringComparison.Ordinal)
            .Replace("\"queues\": { \"general\": { \"name\": { \"en-US\": \"customer care\", \"ru-RU\": \"служба поддержки\" } } },",
                "\"hours\": { \"care\": { \"weekly\": { \"daily\": \"00:00-24:00\" } } }, \"queues\": { \"general\": { \"name\": { \"en-US\": \"customer care\", \"ru-RU\": \"служба поддержки\" }, \"hours\": \"care\" } },", StringComparison.Ordinal);

        Assert.That(Findings(json, "IVRL006"), Is.Empty, "a caller who books the callback leaves the menus");
    }

    [Test]
    [TestCase("[\"orders\", \"agent orders\"], \"ru-RU\"", "$.nodes.main.options[1].say['en-US']", "contains the escape phrase 'agent'")]
    [TestCase("[\"orders\", \"billing orders\"], \"ru-RU\"", "$.nodes.main.options[1].say['en-US']", "'billing orders' of options[1] contains 'billing' of options[0]")]
    [TestCase("[\"заказы\"] }, \"queue\"", "$.nodes.main.options[1].say['ru-RU']", "contains 'оплата' of options[0]")]
    public void IVRL007_APhraseInsideAnotherChoicesPhrase_Overlaps(string replacement, string path, string message)
    {
        var fragment = replacement.StartsWith("[\"orders\"", StringComparison.Ordinal) ? "[\"orders\"], \"ru-RU\"" : "[\"заказы\"] }, \"queue\"";
        var json = With(fragment, replacement.Replace("[\"заказы\"]", "[\"заказы\", \"заказы и оплату\"]", StringComparison.Ordinal));

        var findings = Findings(json, "IVRL007");

        Assert.That(findings.Select(f => f.JsonPath), Is.EqualTo(new[] { path }));
        Assert.That(findings[0].Message, Does.Contain(message));
    }

    [Test]
    public void IVRL007_InflectedWordsOfTheSameLength_DoNotOverlap()
    {
        // "оплатить" and "оплата" share a stem, but saying either in full chooses its own option (word for word wins).
        var json = With("[\"заказы\"] }", "[\"заказы\", \"оплатить\"] }");

        Assert.That(Findings(json, "IVRL007"), Is.Empty);
    }

    [Test]
    public void IVRL008_LongPrompt_IsMeasuredAtTheLocalesRate()
    {
        // 60 words: 24 s in English (150 a minute), 30 s in Russian (120 a minute).
        var words = string.Join(' ', Enumerable.Repeat("word", 60));
        var json = With("\"prompt\": { \"en-US\": \"To hear your balance, press 1. For the main menu, press 9.\", \"ru-RU\": \"Баланс — нажмите 1. Главное меню — 9.\" }",
            $"\"prompt\": {{ \"en-US\": \"{words} press 1, press 9.\", \"ru-RU\": \"{words} нажмите 1, 9.\" }}");

        var findings = Findings(json, "IVRL008", new LintOptions { MaxPromptSeconds = 28 });

        Assert.That(findings.Select(f => f.JsonPath), Is.EqualTo(new[] { "$.nodes.billing.prompt['ru-RU']" }));
        Assert.That(findings[0].Message, Does.Contain("about 32 s").And.Contain("120 words a minute"));
    }

    [Test]
    public void IVRL009_OptionWithPhrasesInOneLocaleOnly_IsReported()
    {
        var json = With("\"say\": { \"en-US\": [\"orders\"], \"ru-RU\": [\"заказы\"] }", "\"say\": { \"en-US\": [\"orders\"] }");

        var findings = Findings(json, "IVRL009");

        Assert.That(findings.Select(f => f.JsonPath), Is.EqualTo(new[] { "$.nodes.main.options[1].say" }));
        Assert.That(findings[0].Message, Does.Contain("ru-RU"));
    }

    private const string Queues = "\"queues\": { \"general\": { \"name\": { \"en-US\": \"customer care\", \"ru-RU\": \"служба поддержки\" } } },";

    private const string Hours = "\"hours\": { \"care\": { \"weekly\": { \"mon-fri\": \"09:00-17:00\" } }, \"late\": { \"weekly\": { \"daily\": \"07:00-23:00\" } } },";

    /// <summary>The clean menu with hours, a second queue, and <paramref name="general"/> and <paramref name="sales"/> as the queues' extra properties.</summary>
    private static string WithHours(string general, string sales) => With(Queues, Hours
        + "\"queues\": { \"general\": { \"name\": { \"en-US\": \"customer care\", \"ru-RU\": \"служба поддержки\" }" + general + " },"
        + " \"sales\": { \"name\": { \"en-US\": \"sales\", \"ru-RU\": \"продажи\" }" + sales + " } },");

    [Test]
    public void IVRL010_ReachedQueueWithoutHours_InAMenuWithHours_IsReportedAtTheQueue()
    {
        // sales is reached by no one: it is not reported.
        var findings = Findings(WithHours("", ""), "IVRL010");

        Assert.That(findings.Select(f => f.JsonPath), Is.EqualTo(new[] { "$.queues.general" }));
        Assert.That(findings[0].Message, Does.Contain("queue 'general'").And.Contain("no hours"));
    }

    [Test]
    public void IVRL010_WhenClosedToAQueueOnTheSameSchedule_IsReported()
    {
        var json = WithHours(", \"hours\": \"care\", \"whenClosed\": { \"queue\": \"sales\" }", ", \"hours\": \"care\"");

        var findings = Findings(json, "IVRL010");

        Assert.That(findings.Select(f => f.JsonPath), Is.EqualTo(new[] { "$.queues.general" }));
        Assert.That(findings[0].Message, Does.Contain("queue 'sales'").And.Contain("same schedule 'care'"));
    }

    [Test]
    public void IVRL010_HangUpOrALaterScheduleWhenClosed_AndMenusWithoutHours_AreQuiet()
    {
        var hangUp = WithHours(", \"hours\": \"care\"", "");
        var later = WithHours(", \"hours\": \"care\", \"whenClosed\": { \"queue\": \"sales\" }", ", \"hours\": \"late\"");

        Assert.Multiple(() =>
        {
            Assert.That(Findings(hangUp, "IVRL010"), Is.Empty);
            Assert.That(Findings(later, "IVRL010"), Is.Empty);
            Assert.That(Findings(Clean, "IVRL010"), Is.Empty);
        });
    }

    [Test]
    public void IVRL011_TwoQueuesOverflowingIntoEachOtherWhenNoAgents_AreReportedOnceAtTheFirst()
    {
        var json = WithHours(
            ", \"hours\": \"late\", \"whenNoAgents\": \"overflow\", \"overflow\": { \"queue\": \"sales\" }",
            ", \"hours\": \"late\", \"whenNoAgents\": \"overflow\", \"overflow\": { \"queue\": \"general\" }");

        var findings = Findings(json, "IVRL011");

        Assert.That(findings.Select(f => f.JsonPath), Is.EqualTo(new[] { "$.queues.general" }));
        Assert.That(findings[0].Message, Does.StartWith("queue 'general', queue 'sales' can send callers to each other at once"));
    }

    [Test]
    public void IVRL011_QueuesOnDifferentSchedulesClosedIntoEachOther_AreReported()
    {
        var json = WithHours(", \"hours\": \"care\", \"whenClosed\": { \"queue\": \"sales\" }", ", \"hours\": \"late\", \"whenClosed\": { \"queue\": \"general\" }");

        Assert.That(Findings(json, "IVRL011").Select(f => f.JsonPath), Is.EqualTo(new[] { "$.queues.general" }));
    }

    [Test]
    public void IVRL011_OverflowIntoAQueueThatAlwaysTakesCallers_IsQuiet()
    {
        var json = WithHours(
            ", \"hours\": \"late\", \"whenNoAgents\": \"overflow\", \"overflow\": { \"queue\": \"sales\" }",
            ", \"hours\": \"late\", \"overflow\": { \"queue\": \"general\" }");

        Assert.That(Findings(json, "IVRL011"), Is.Empty);
    }

    /// <summary>A collector whose entry moves on to the main menu; <c>COLLECT</c> and <c>ESCAPE</c> are filled in by each test.</summary>
    private const string CollectorMenu = """
        {
          "name": "lint-collector",
          "timeZone": "America/New_York",
          "locales": ["en-US"],
          "start": "main",
          "defaults": { "escape": { "to": { "queue": "general" }ESCAPE } },
          "queues": { "general": { "name": { "en-US": "customer care" } } },
          "nodes": {
            "main": {
              "prompt": { "en-US": "To enter your account number, press 1. To hear this again, press star." },
              "options": [ { "key": "1", "goto": "account" }, { "key": "*", "do": "repeat" } ]
            },
            "account": {
              "prompt": { "en-US": "Enter your account number, then press pound." },
              "collect": COLLECT
            }
          }
        }
        """;

    private static string WithCollector(string collect, string escape = "") =>
        CollectorMenu.Replace("COLLECT", collect, StringComparison.Ordinal).Replace("ESCAPE", escape, StringComparison.Ordinal);

    [Test]
    public void IVRL012_TerminatorAfterAFullLengthEntry_ReachesAnEscapeOnTheNextNode()
    {
        var json = WithCollector("{ \"into\": \"account\", \"maxLength\": 4, \"next\": { \"goto\": \"main\" } }");

        var finding = Findings(json, "IVRL012").Single();

        Assert.That(finding.JsonPath, Is.EqualTo("$.nodes.account.collect"));
        Assert.That(finding.Message, Does.StartWith("node 'account' ends entry at 4 digits; a caller who then presses # (the terminator) reaches node 'main', where # asks for a person."));
    }

    [Test]
    public void IVRL012_TerminatorThatIsAnOptionOnTheNextNode_IsReported()
    {
        var json = WithCollector("{ \"into\": \"account\", \"maxLength\": 4, \"terminator\": \"*\", \"next\": { \"goto\": \"main\" } }");

        Assert.That(Findings(json, "IVRL012").Single().Message, Does.Contain("where * chooses an option"));
    }

    [TestCase("{ \"into\": \"account\", \"maxLength\": 4, \"terminator\": null, \"next\": { \"goto\": \"main\" } }", "")]
    [TestCase("{ \"into\": \"account\", \"maxLength\": 4, \"next\": { \"goto\": \"main\" } }", ", \"keys\": [\"0\"]")]
    [TestCase("{ \"into\": \"account\", \"maxLength\": 4, \"next\": { \"hangup\": { \"en-US\": \"Thanks.\" } } }", "")]
    public void IVRL012_NoTerminator_OrNoMeaningNext_OrNoNextNode_IsQuiet(string collect, string mainEscape)
    {
        Assert.That(Findings(WithCollector(collect, mainEscape), "IVRL012"), Is.Empty);
    }

    [Test]
    public void BundledMenu_HasNoLintFindings()
    {
        Assert.That(MenuLinter.LintFile(RepoPaths.BundledMenu).Findings, Is.Empty);
    }

    [Test]
    public void IVRL010_BundledMenu_IsQuiet()
    {
        Assert.That(MenuLinter.LintFile(RepoPaths.BundledMenu).Findings.Where(f => f.Code == "IVRL010"), Is.Empty);
    }

    [Test]
    public void Suppression_PerNode_SwitchesTheRuleOffThereOnly()
    {
        var json = With("For orders, press 2.", "For orders, press 2. For plans, press 3.")
            .Replace("To hear your balance, press 1.", "To hear your balance, press 1. For plans, press 3.", StringComparison.Ordinal)
            .Replace("\"main\": {", "\"main\": { \"lint\": { \"disable\": [ { \"rule\": \"IVRL002\", \"reason\": \"plans launch next week\" } ] },", StringComparison.Ordinal);

        var report = Lint(json);

        Assert.That(report.Findings.Select(f => (f.Code, f.JsonPath)), Is.EqualTo(new[] { ("IVRL002", "$.nodes.billing.prompt['en-US']") }));
        Assert.That(report.Suppressed, Is.EqualTo(1));
    }

    [Test]
    public void Suppression_AtMenuLevel_SwitchesTheRuleOffEverywhere()
    {
        var json = With("\"start\": \"main\",", "\"start\": \"main\", \"lint\": { \"disable\": [ { \"rule\": \"IVRL003\", \"reason\": \"a long list by design\" } ] },");

        var report = Lint(json, new LintOptions { MaxOptions = 0 });

        Assert.That(report.Findings.Where(f => f.Code == "IVRL003"), Is.Empty);
        Assert.That(report.Suppressed, Is.EqualTo(2));
    }

    [Test]
    public void Suppression_NamingNoRule_IsALintError()
    {
        var json = With("\"start\": \"main\",", "\"start\": \"main\", \"lint\": { \"disable\": [ { \"rule\": \"IVRL099\", \"reason\": \"typo\" } ] },");

        var findings = Findings(json, MenuLinter.UnknownRuleCode);

        Assert.That(findings, Has.Count.EqualTo(1));
        Assert.That(findings[0].IsError, Is.True);
        Assert.That(findings[0].JsonPath, Is.EqualTo("$.lint.disable[0].rule"));
    }

    [Test]
    public void InvalidMenu_IsNotLinted()
    {
        var report = MenuLinter.Lint(With("\"goto\": \"billing\"", "\"goto\": \"biling\""), SampleMenus.Path);

        Assert.That(report.Load.Succeeded, Is.False);
        Assert.That(report.Findings, Is.Empty);
    }

    [Test]
    public void BundledMenus_HaveNoFindings()
    {
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Menus, "*.json", SearchOption.AllDirectories).Where(p => !p.Contains($"{Path.DirectorySeparatorChar}schema{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !p.EndsWith(".staffing.json", StringComparison.Ordinal) && !p.EndsWith(".scenario.json", StringComparison.Ordinal)))
        {
            var report = MenuLinter.LintFile(path);

            Assert.That(report.All, Is.Empty, () => string.Join("\n", report.All));
        }
    }
}
