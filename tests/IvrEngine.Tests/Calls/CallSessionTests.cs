using IvrEngine.Calls;

namespace IvrEngine.Tests.Calls;

public sealed class CallSessionTests
{
    [Test]
    public void Start_SaysTheStartPromptAndListensInTheMainMenu()
    {
        var call = new TestCall();

        Assert.That(call.Session.State, Is.EqualTo(CallState.InMenu));
        Assert.That(call.Session.CurrentNodeId, Is.EqualTo("main"));
        Assert.That(call.Prompts, Is.EqualTo(new[] { "Main menu. For billing, press 1. For orders, press 2. For plans, press 3." }));
    }

    [TestCase("1", CallState.InMenu, "billing")]
    [TestCase("2", CallState.CollectingDigits, "order-number")]
    [TestCase("3", CallState.InMenu, "plans")]
    [TestCase("*", CallState.InMenu, "main")]
    [TestCase("0", CallState.Ended, "main")]
    [TestCase("#", CallState.Ended, "main")]
    [TestCase("11", CallState.Ended, "billing")]
    [TestCase("18", CallState.InMenu, "main")]
    [TestCase("19", CallState.InMenu, "main")]
    [TestCase("12", CallState.Ended, "billing")]
    [TestCase("22", CallState.CollectingDigits, "order-number")]
    public void Press_MovesThroughTheMenu(string keys, CallState expectedState, string expectedNode)
    {
        var call = new TestCall().Press(keys);

        Assert.That(call.Session.State, Is.EqualTo(expectedState));
        Assert.That(call.Session.CurrentNodeId, Is.EqualTo(expectedNode));
    }

    [TestCase("0")]
    [TestCase("#")]
    public void EscapeKey_InImmediateMode_TransfersToTheEscapeQueueAndTellsTheReference(string key)
    {
        var call = new TestCall().Press(key);

        Assert.That(call.Session.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.TransferredToQueue));
        Assert.That(call.Session.Outcome.QueueId, Is.EqualTo("general"));
        Assert.That(call.Session.Outcome.Reason, Is.EqualTo("asked for a human"));
        Assert.That(call.LastPrompt, Is.EqualTo($"Please hold while I connect you to customer care. This call's reference number is {call.Session.Reference}."));
    }

    [Test]
    public void HangUpOption_SaysItsMessageWithTheReferenceReadDigitByDigit_AndEndsInSelfService()
    {
        var call = new TestCall().Press("11");

        var digits = call.Session.Reference.Digits;
        var spoken = $"{digits[0]} {digits[1]} {digits[2]}, {digits[3]} {digits[4]} {digits[5]}, {digits[6]} {digits[7]} {digits[8]}";
        Assert.That(call.LastPrompt, Is.EqualTo($"Your balance is 40 dollars. Your reference number is {spoken}. Goodbye."));
        Assert.That(call.Session.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.CompletedInSelfService));
        Assert.That(call.Session.Path, Is.EqualTo(new[] { "main", "billing" }));
    }

    [Test]
    public void Repeat_SaysTheFullPromptAgainWithoutMoving()
    {
        var call = new TestCall().Press("*");

        Assert.That(call.Prompts, Has.Exactly(2).StartsWith("Main menu."));
        Assert.That(call.Session.Path, Is.EqualTo(new[] { "main" }));
    }

    [Test]
    public void Back_ReturnsToThePreviousNode_AndMainMenuToTheStart()
    {
        var call = new TestCall().Press("18");
        Assert.That(call.Session.CurrentNodeId, Is.EqualTo("main"));

        call.Press("19");
        Assert.That(call.Session.Path, Is.EqualTo(new[] { "main", "billing", "main", "billing", "main" }));
    }

    [TestCase("I'd like to pay my bill, please", "billing")]
    [TestCase("BILLING!", "billing")]
    [TestCase("  orders  ", "order-number")]
    [TestCase("what plans do you have", "plans")]
    public void Speech_MatchesPhrasesInsideLongerUtterances(string utterance, string expectedNode)
    {
        var call = new TestCall().Say(utterance);

        Assert.That(call.Session.CurrentNodeId, Is.EqualTo(expectedNode));
    }

    [TestCase("I want to talk to an OPERATOR please")]
    [TestCase("representative")]
    [TestCase("Customer-service!")]
    [TestCase("let me speak to a human")]
    public void Speech_EscapePhrases_TransferToAHuman(string utterance)
    {
        var call = new TestCall().Say(utterance);

        Assert.That(call.Session.Outcome?.QueueId, Is.EqualTo("general"));
    }

    [TestCase("соедините с оператором", null)]
    [TestCase("позовите специалиста", null)]
    [TestCase("хочу оплатить счет", "billing")]
    [TestCase("вопрос по оплате", "billing")]
    [TestCase("Сменить ТАРИФ", "plans")]
    public void Speech_InRussian_MatchesInflectedWordsAndYo(string utterance, string? expectedNode)
    {
        var call = new TestCall(locale: "ru-RU").Say(utterance);

        if (expectedNode is null) Assert.That(call.Session.Outcome?.QueueId, Is.EqualTo("general"));
        else Assert.That(call.Session.CurrentNodeId, Is.EqualTo(expectedNode));
    }

    [Test]
    public void Speech_PhraseWithAMessage_SaysItBeforeTheTransfer()
    {
        var call = new TestCall().Say("I want to cancel my service");

        Assert.That(call.Prompts.ElementAt(1), Is.EqualTo("Let me get someone who can help."));
        Assert.That(call.Session.Outcome!.QueueId, Is.EqualTo("retention"));
    }

    [Test]
    public void Speech_OfTheLongestOverlappingPhrase_Wins()
    {
        var call = new TestCall().Press("1").Say("I need a payment arrangement");

        Assert.That(call.Session.Outcome!.QueueId, Is.EqualTo("billing"));
    }

    [Test]
    public void Speech_MatchingTwoOptions_AsksWhichOne_WithoutCountingAnInvalidInput()
    {
        var call = new TestCall().Say("billing or orders");

        Assert.That(call.LastPrompt, Is.EqualTo("Sorry, did you mean billing or orders?"));
        Assert.That(call.Session.CurrentNodeId, Is.EqualTo("main"));
        Assert.That(call.Events(CallEventType.InvalidInput), Is.Empty);

        call.Say("orders");
        Assert.That(call.Session.CurrentNodeId, Is.EqualTo("order-number"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("blah blah")]
    [TestCase("!!!")]
    public void Speech_MatchingNothing_IsAnInvalidInput(string utterance)
    {
        var call = new TestCall().Say(utterance);

        Assert.That(call.Events(CallEventType.InvalidInput).Count(), Is.EqualTo(1));
        Assert.That(call.Prompts.TakeLast(2), Is.EqualTo(new[] { "Sorry, that's not one of the choices.", "Press 1, 2 or 3." }));
    }

    [Test]
    public void NoInput_RepromptsAfterTheTimeout_ThenFollowsOnRetriesExhausted()
    {
        var call = new TestCall().Wait(4.9);
        Assert.That(call.Events(CallEventType.NoInput), Is.Empty);

        call.Wait(0.1);
        Assert.That(call.Prompts.TakeLast(2), Is.EqualTo(new[] { "Sorry, I didn't hear anything.", "Press 1, 2 or 3." }));

        call.Wait(5);
        Assert.That(call.Session.State, Is.EqualTo(CallState.InMenu));
        call.Wait(5);

        Assert.That(call.Events(CallEventType.NoInput).Count(), Is.EqualTo(3));
        Assert.That(call.Session.Outcome!.QueueId, Is.EqualTo("general"));
        Assert.That(call.Session.Outcome.Reason, Is.EqualTo("no input after 2 retries"));
        Assert.That(call.Session.Transcript.Events[^1].At - TestCall.MondayMorning, Is.EqualTo(NodaTime.Duration.FromSeconds(15)));
    }

    [Test]
    public void AnInputRestartsTheNoInputTimer()
    {
        var call = new TestCall().Wait(4).Press("1").Wait(4);

        Assert.That(call.Events(CallEventType.NoInput), Is.Empty);
    }

    [Test]
    public void InvalidKeys_RepromptThenFollowOnRetriesExhausted()
    {
        var call = new TestCall().Press("7");
        Assert.That(call.Prompts.TakeLast(2), Is.EqualTo(new[] { "Sorry, that's not one of the choices.", "Press 1, 2 or 3." }));

        call.Press("77");

        Assert.That(call.Session.Outcome!.QueueId, Is.EqualTo("general"));
        Assert.That(call.Session.Outcome.Reason, Is.EqualTo("invalid input after 2 retries"));
    }

    [Test]
    public void RetryCounters_ArePerNodeVisit()
    {
        var call = new TestCall().Press("77").Press("1").Press("77");

        Assert.That(call.Session.State, Is.EqualTo(CallState.InMenu));
        Assert.That(call.Session.CurrentNodeId, Is.EqualTo("billing"));
    }

    [TestCase('x')]
    [TestCase('A')]
    [TestCase(' ')]
    [TestCase('\0')]
    [TestCase('۱')]
    public void NonPhoneKeys_AreInvalidInputs_NotErrors(char key)
    {
        var call = new TestCall();

        Assert.DoesNotThrow(() => call.Session.Press(key));
        Assert.That(call.Events(CallEventType.InvalidInput).Single().Text, Does.Contain("is not a phone key"));
    }

    [Test]
    public void ConfirmMode_DeflectsTheFirstAsk_AndTransfersAtTheSecond()
    {
        var call = new TestCall().Press("3").Press("0");

        Assert.That(call.Session.State, Is.EqualTo(CallState.InMenu));
        Assert.That(call.Prompts.TakeLast(2).First(), Does.StartWith("I can help you faster right here."));

        call.Press("0");
        Assert.That(call.Session.Outcome!.QueueId, Is.EqualTo("general"));
    }

    [Test]
    public void ConfirmMode_RepeatedPressesInOneInput_CountAsTwoAsks()
    {
        var call = new TestCall().Press("3").Press("00");

        Assert.That(call.Session.Outcome!.QueueId, Is.EqualTo("general"));
        Assert.That(call.Events(CallEventType.EscapeAsked).Count(), Is.EqualTo(2));
    }

    [Test]
    public void ConfirmMode_SpokenAsksCountToo()
    {
        var call = new TestCall().Press("3").Say("agent").Say("AGENT!!");

        Assert.That(call.Session.Outcome!.QueueId, Is.EqualTo("general"));
    }

    [Test]
    public void DisabledMode_NeverTransfers_AndSaysTheEnginesNeutralWording()
    {
        var call = new TestCall().Press("32").Press("0000").Say("operator");

        Assert.That(call.Session.State, Is.EqualTo(CallState.InMenu));
        Assert.That(call.Events(CallEventType.EscapeAsked).Count(), Is.EqualTo(5));
        Assert.That(call.Events(CallEventType.InvalidInput), Is.Empty, "asking for a human is never an invalid input");
        // The built-in wording names no carrier or website: a menu that has somewhere to send callers says so in its own "disabled" text.
        Assert.That(call.Prompts.Count(p => p.StartsWith("Sorry, you can't reach a representative from here.")), Is.EqualTo(5));
    }

    [Test]
    public void PrefixKey_Alone_IsChosenAfterTheInterDigitTimeout()
    {
        var call = new TestCall().Press("3").Press("1");
        Assert.That(call.Session.State, Is.EqualTo(CallState.InMenu), "the line waits: 1 may begin 10");

        call.Wait(3);
        Assert.That(call.LastPrompt, Is.EqualTo("Plan details are in the app."));
    }

    [Test]
    public void PrefixKey_FollowedInTime_ChoosesTheLongerKey()
    {
        var call = new TestCall().Press("3").Press("1").Wait(2).Press("0");

        Assert.That(call.LastPrompt, Is.EqualTo("Plan 10 is unlimited."));
    }

    [Test]
    public void PrefixKey_ContinuedIntoNothing_IsInvalid()
    {
        var call = new TestCall().Press("3").Press("15");

        Assert.That(call.Events(CallEventType.InvalidInput).Single().Text, Is.EqualTo("no option for key 15"));
    }

    [Test]
    public void CollectDigits_KeepsTheValue_AndSpeaksItBack()
    {
        var call = new TestCall().Press("2").Press("12345#");

        Assert.That(call.Session.Variables["orderNumber"], Is.EqualTo("12345"));
        Assert.That(call.Prompts, Does.Contain("Order 1 2 3 4 5 has shipped."));
        Assert.That(call.Session.CurrentNodeId, Is.EqualTo("main"), "the announcement moves on to the main menu");
        Assert.That(call.Session.State, Is.EqualTo(CallState.InMenu));
    }

    [Test]
    public void CollectDigits_EndsAtMaxLengthWithoutTheTerminator()
    {
        var call = new TestCall().Press("2").Press("12345678");

        Assert.That(call.Session.Variables["orderNumber"], Is.EqualTo("12345678"));
    }

    [Test]
    public void CollectDigits_EndsAfterAPause()
    {
        var call = new TestCall().Press("2").Press("4815").Wait(2.9);
        Assert.That(call.Session.Variables, Is.Empty);

        call.Wait(0.1);
        Assert.That(call.Session.Variables["orderNumber"], Is.EqualTo("4815"));
    }

    [TestCase("12#", "2 digits entered, at least 4 needed")]
    [TestCase("#", "no digits entered")]
    [TestCase("01234#", "01234 does not match the expected format")]
    [TestCase("12*", "'*' is not a digit")]
    public void CollectDigits_BadEntries_AreInvalidInputs(string keys, string reason)
    {
        var call = new TestCall().Press("2").Press(keys);

        Assert.That(call.Events(CallEventType.InvalidInput).Single().Text, Is.EqualTo(reason));
        Assert.That(call.Session.State, Is.EqualTo(CallState.CollectingDigits));
        Assert.That(call.LastPrompt, Is.EqualTo("Enter your order number, then press pound."));
    }

    [Test]
    public void CollectDigits_EscapeKeysAreDigits_ButEscapePhrasesStillWork()
    {
        var call = new TestCall().Press("2").Press("0");
        Assert.That(call.Session.State, Is.EqualTo(CallState.CollectingDigits));

        call.Say("operator");
        Assert.That(call.Session.Outcome!.QueueId, Is.EqualTo("general"));
    }

    [Test]
    public void CollectDigits_AcceptsSpokenDigits()
    {
        var call = new TestCall().Press("2").Say("4 8 1 5 1");

        Assert.That(call.Session.Variables["orderNumber"], Is.EqualTo("48151"));
    }

    [Test]
    public void CollectDigits_ARepromptStartsAFreshEntry()
    {
        var call = new TestCall().Press("2").Press("12").Say("blah").Press("3456#");

        Assert.That(call.Session.Variables["orderNumber"], Is.EqualTo("3456"));
    }

    [Test]
    public void CollectDigits_BadEntry_IsToldTheNumberLooksWrong()
    {
        var call = new TestCall().Press("2").Press("12#");

        Assert.That(call.Prompts.TakeLast(2).First(), Is.EqualTo("Sorry, that number doesn't look right."));
    }

    [Test]
    public void CollectDigits_AcceptsDigitWords()
    {
        var call = new TestCall(locale: "ru-RU").Press("2").Say("четыре восемь один пять");

        Assert.That(call.Session.Variables["orderNumber"], Is.EqualTo("4815"));
    }

    [Test]
    public void SpokenPacing_StartsTheNoInputTimerWhenThePromptWouldHaveEnded()
    {
        var menu = TestMenus.Load();
        var clock = new IvrEngine.Time.VirtualClock(TestCall.MondayMorning);
        var call = new CallSession(menu, new CallSettings(Pacing: PromptPacing.Spoken), clock);
        call.Start();
        var promptTime = SpeakingTime.Of(call.Transcript.Events.Single(e => e.Type == CallEventType.Prompt).Text!, "en-US");

        clock.Advance(promptTime + NodaTime.Duration.FromSeconds(4.9));
        Assert.That(call.Transcript.Events.Where(e => e.Type == CallEventType.NoInput), Is.Empty);

        clock.Advance(NodaTime.Duration.FromSeconds(0.1));
        Assert.That(call.Transcript.Events.Count(e => e.Type == CallEventType.NoInput), Is.EqualTo(1));
    }

    [Test]
    public void SpokenPacing_AKeyInterruptsThePrompt()
    {
        var menu = TestMenus.Load();
        var clock = new IvrEngine.Time.VirtualClock(TestCall.MondayMorning);
        var call = new CallSession(menu, new CallSettings(Pacing: PromptPacing.Spoken), clock);
        call.Start();
        call.Press('7');
        var afterInvalid = clock.Now;

        clock.Advance(SpeakingTime.Of("Sorry, that's not one of the choices. Press 1, 2 or 3.", "en-US") + NodaTime.Duration.FromSeconds(5));

        Assert.That(call.Transcript.Events.Single(e => e.Type == CallEventType.NoInput).At - afterInvalid,
            Is.EqualTo(SpeakingTime.Of("Sorry, that's not one of the choices. Press 1, 2 or 3.", "en-US") + NodaTime.Duration.FromSeconds(5)));
    }

    [Test]
    public void Budget_SpentASecondTime_HangsUp()
    {
        var json = TestMenus.Line.Replace("\"budget\": { \"maxFailedInputs\": 20, \"maxMenuSeconds\": 600 }", "\"budget\": { \"maxFailedInputs\": 2, \"maxMenuSeconds\": 600, \"then\": { \"goto\": \"billing\" } }", StringComparison.Ordinal);
        var call = new TestCall(TestMenus.Load(json)).Press("77");
        Assert.That(call.Session.CurrentNodeId, Is.EqualTo("billing"), "the first time, the budget sends the caller to its target");

        call.Press("7");

        Assert.That(call.Session.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.BudgetSpent));
    }

    [Test]
    public void Budget_OfFailedInputsAcrossNodes_SendsTheCallerToAHuman()
    {
        var menu = TestMenus.Load(TestMenus.Line.Replace("\"maxFailedInputs\": 20", "\"maxFailedInputs\": 4", StringComparison.Ordinal));
        var call = new TestCall(menu).Press("77").Press("1").Press("7").Wait(5);

        Assert.That(call.Events(CallEventType.BudgetExceeded).Single().Detail, Is.EqualTo("4 failed inputs"));
        Assert.That(call.Session.Outcome!.QueueId, Is.EqualTo("general"));
        Assert.That(call.Session.Outcome.Reason, Is.EqualTo("call budget spent: 4 failed inputs"));
        Assert.That(call.Prompts, Does.Contain("Let me get someone to help you."));
    }

    [Test]
    public void Budget_OfTimeInTheMenus_SendsTheCallerToAHuman()
    {
        var menu = TestMenus.Load(TestMenus.Line.Replace("\"maxMenuSeconds\": 600", "\"maxMenuSeconds\": 12", StringComparison.Ordinal));
        var call = new TestCall(menu).Wait(4).Press("*").Wait(4).Press("*").Wait(4);

        Assert.That(call.Events(CallEventType.BudgetExceeded).Single().Detail, Is.EqualTo("time in the menus"));
        Assert.That(call.Session.Outcome!.QueueId, Is.EqualTo("general"));
    }

    [Test]
    public void CallerHangUp_EndsTheCall_AndLaterInputIsIgnoredNotThrown()
    {
        var call = new TestCall().Press("1");
        call.Session.HangUp();

        Assert.That(call.Session.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.CallerHungUp));
        Assert.DoesNotThrow(() => call.Press("123").Say("operator").Wait(60).Session.HangUp());
        Assert.That(call.Events(CallEventType.InputIgnored).Select(e => e.Text), Is.EqualTo(new[] { "keys 123", "speech", "hang-up" }));
        Assert.That(call.Events(CallEventType.CallEnded).Count(), Is.EqualTo(1));
    }

    [Test]
    public void Russian_PromptsAndSystemMessagesAreInRussian()
    {
        var call = new TestCall(locale: "ru-RU").Press("7").Press("0");

        Assert.That(call.Prompts, Is.EqualTo(new[]
        {
            "Главное меню. Оплата — 1. Заказы — 2. Тарифы — 3.",
            "Извините, такого варианта нет.",
            "Нажмите 1, 2 или 3.",
            $"Пожалуйста, оставайтесь на линии, соединяю вас: служба поддержки. Номер этого звонка: {call.Session.Reference}.",
        }));
    }

    [Test]
    public void AnnouncementLoop_EndsTheCallInsteadOfSpinning()
    {
        var menu = TestMenus.Load("""
            {
              "name": "loop", "timeZone": "UTC", "locales": ["en-US"], "start": "a",
              "defaults": { "escape": { "to": { "queue": "q" } } },
              "queues": { "q": { "name": { "en-US": "q" } } },
              "nodes": {
                "a": { "prompt": { "en-US": "A" }, "next": { "goto": "b" } },
                "b": { "prompt": { "en-US": "B" }, "next": { "hangup": { "en-US": "Bye" } } }
              }
            }
            """);
        // The loader refuses a -> b with b going back (IVR0024); the guard is the engine's own last line of defence.
        menu = menu with { Nodes = menu.Nodes.SetItem("b", menu.Nodes["b"] with { Next = IvrEngine.Menus.GoBack.Instance }) };

        var call = new TestCall(menu);

        Assert.That(call.Session.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.MenuLoop));
    }

    [Test]
    public void SameInputsSeedAndStart_GiveByteIdenticalTranscripts()
    {
        static string Run(int seed) =>
            new TestCall(seed: seed).Press("3").Press("1").Wait(1).Press("0").Wait(7).Say("operator").Session.Transcript.ToJsonLines();

        var first = Run(42);
        var again = Run(42);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(Run(43), Is.Not.EqualTo(first), "the reference number comes from the seed");
    }

    [Test]
    public void Transcript_RecordsEveryStepWithTimestamps()
    {
        var call = new TestCall().Wait(2).Press("1").Wait(1).Say("payment arrangement");

        var lines = call.Session.Transcript.ToJsonLines().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("{\"at\":\"2026-11-30T14:15:00Z\",\"type\":\"call-started\",\"text\":\"test-line\",\"detail\":\"version "));
        Assert.That(lines, Has.Some.Contains("\"type\":\"key-pressed\",\"node\":\"main\",\"text\":\"1\""));
        Assert.That(lines, Has.Some.StartsWith("{\"at\":\"2026-11-30T14:15:03Z\",\"type\":\"speech-heard\""));
        Assert.That(lines[^1], Does.Contain("\"type\":\"call-ended\""));
        Assert.That(call.Events(CallEventType.StateChanged).Select(e => e.Detail), Is.EqualTo(new[] { "Greeting -> InMenu", "InMenu -> Transferring", "Transferring -> Ended" }));
    }

    [Test]
    public void AnyCallerInput_NeverThrows_AndTheCallAlwaysReachesAnEnd()
    {
        var menu = TestMenus.Load();
        var inputs = new[] { "0", "1", "2", "3", "7", "8", "9", "*", "#", "x", "10", "12345#", "00" };
        var phrases = new[] { "operator", "billing", "", "оплата", "pay my bill or orders", new string('z', 10_000), "\u0000\uFFFF", "4 8 1 5" };
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var call = new TestCall(menu, locale: random.Next(2) == 0 ? "en-US" : "ru-RU", seed: seed);
            for (var step = 0; step < 40; step++)
            {
                switch (random.Next(4))
                {
                    case 0: call.Press(inputs[random.Next(inputs.Length)]); break;
                    case 1: call.Say(phrases[random.Next(phrases.Length)]); break;
                    case 2: call.Wait(random.NextDouble() * 8); break;
                    default: if (random.Next(20) == 0) call.Session.HangUp(); break;
                }
            }
            call.Wait(3600);
            Assert.That(call.Session.IsEnded, Is.True, $"seed {seed}: a silent caller is always ended by the retries or the budget");
        }
    }
}
