using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Tests.Queues;

namespace IvrEngine.Tests.Callbacks;

/// <summary>
/// The callback number is the caller ID or digits the caller keys in: validated as a phone number, read
/// back digit by digit, confirmed with 1 or entered again with 2, star to cancel, three tries. In a
/// queue (virtual hold) the caller keeps their place meanwhile; at a closed queue the time comes first.
/// </summary>
public sealed class KeyedCallbackNumberTests
{
    private const string CallerId = "+12025550143";
    private const string EnterNumber = "Please enter the phone number we should call, starting with the area code, then press the pound key. To cancel, press star.";
    private const string NoNumber = "We don't have a number to call you back on.";
    private const string Invalid = "Sorry, that isn't a phone number we can call.";
    private const string GiveUp = "Sorry, we couldn't take a number to call you back.";

    /// <summary>One two-minute agent with history, one caller talking to them, and the caller of the test waiting at the offer (no input timeout: 600 s).</summary>
    private static (TestCenter Center, CallSession Call) AtTheVirtualHoldOffer(ICallbackStore store, string? callerId)
    {
        var center = CallbackLines.BusyLine(store);
        var call = center.Call("1", seed: 1, callerId: callerId);
        Assert.That(TestCenter.Prompts(call).Last(), Does.StartWith("To keep your place in line"));
        return (center, call);
    }

    /// <summary>Runs of keys, each pressed as one input.</summary>
    private static void Press(CallSession call, params string[] runs)
    {
        foreach (var keys in runs) call.Press(keys);
    }

    private static IEnumerable<CallEvent> NumberEvents(CallSession call) => call.Transcript.Events.Where(e => e.Type == CallEventType.CallbackNumber);

    [Test]
    public void VirtualHold_AKeyedNumber_IsReadBackDigitByDigit_AndStoredBeforeTheCallerIsTold()
    {
        var store = new InMemoryCallbackStore();
        var (_, call) = AtTheVirtualHoldOffer(store, callerId: null);
        CallbackRequest? storedWhenTold = null;
        call.EventRecorded += e =>
        {
            if (e.Type == CallEventType.Prompt && e.Text!.StartsWith("Your callback is booked", StringComparison.Ordinal)) storedWhenTold = store.Find(call.Reference);
        };

        call.Press("1");
        Assert.That(TestCenter.Prompts(call).TakeLast(2), Is.EqualTo(new[] { NoNumber, EnterNumber }), "no caller ID: straight to keyed entry");
        call.Press("2025550188#");
        Assert.That(TestCenter.Prompts(call).Last(), Is.EqualTo("You entered 2 0 2, 5 5 5, 0 1 8 8. If that's right, press 1. To enter it again, press 2."));
        Assert.That(store.List(), Is.Empty, "nothing is stored before the caller confirms");
        call.Press("1");

        Assert.That(storedWhenTold, Is.Not.Null, "the callback was stored when the caller heard the confirmation");
        Assert.That((storedWhenTold!.PhoneNumber, storedWhenTold.Kind), Is.EqualTo(("+12025550188", CallbackKind.VirtualHold)));
        Assert.That(call.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.CallbackScheduled));
    }

    [Test]
    public void VirtualHold_ACallerWithCallerId_MayGiveAnotherNumber_WithThree()
    {
        var store = new InMemoryCallbackStore();
        var (_, call) = AtTheVirtualHoldOffer(store, CallerId);

        call.Press("13");
        Assert.That(TestCenter.Prompts(call).Last(), Is.EqualTo(EnterNumber));
        Assert.That(TestCenter.Prompts(call), Has.No.Member(NoNumber), "the caller ID could be called: the caller chose another");
        call.Press("3125550100#1");

        Assert.That(store.Find(call.Reference)!.PhoneNumber, Is.EqualTo("+13125550100"));
    }

    [Test]
    public void VirtualHold_AnInvalidNumber_IsRefusedClearly_AndTheCallerTriesAgain()
    {
        var store = new InMemoryCallbackStore();
        var (_, call) = AtTheVirtualHoldOffer(store, callerId: null);

        Press(call, "1", "12345#");
        Assert.That(TestCenter.Prompts(call).TakeLast(2), Is.EqualTo(new[] { Invalid, EnterNumber }));
        call.Press("2025550188#1");

        Assert.That(store.Find(call.Reference)!.PhoneNumber, Is.EqualTo("+12025550188"));
    }

    [Test]
    public void VirtualHold_ThreeBadTries_GiveUp_AndTheCallerKeepsWaiting_WithoutTheOfferAgain()
    {
        var store = new InMemoryCallbackStore();
        var (center, call) = AtTheVirtualHoldOffer(store, callerId: null);

        Press(call, "1", "12345#", "#", "911#");

        Assert.That(TestCenter.Prompts(call).Last(), Is.EqualTo(GiveUp));
        Assert.That(call.State, Is.EqualTo(CallState.Queued));
        Assert.That(center.Center.PositionOf(call), Is.EqualTo(1), "the place was kept throughout");
        Assert.That(call.Transcript.Events.Last().Type, Is.EqualTo(CallEventType.HoldMusic));
        center.Wait(50);
        Assert.That(TestCenter.Prompts(call).Count(p => p.StartsWith("To keep your place", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(store.List(), Is.Empty);
    }

    [Test]
    public void VirtualHold_StarCancels_AndTheCallerKeepsWaiting()
    {
        var (_, call) = AtTheVirtualHoldOffer(new InMemoryCallbackStore(), callerId: null);

        call.Press("120*");

        Assert.That(call.State, Is.EqualTo(CallState.Queued));
        Assert.That(NumberEvents(call).Last().Text, Is.EqualTo("cancelled"));
        Assert.That(call.Transcript.Events.Last().Type, Is.EqualTo(CallEventType.HoldMusic));
    }

    [Test]
    public void VirtualHold_APauseEndsTheEntry_AsPoundDoes()
    {
        var (center, call) = AtTheVirtualHoldOffer(new InMemoryCallbackStore(), callerId: null);

        Press(call, "1", "2025550188");
        Assert.That(TestCenter.Prompts(call).Last(), Is.EqualTo(EnterNumber), "still keying");
        center.Wait(3);

        Assert.That(TestCenter.Prompts(call).Last(), Does.StartWith("You entered 2 0 2, 5 5 5, 0 1 8 8."));
    }

    [Test]
    public void VirtualHold_TwoAtTheReadBack_AsksForTheNumberAgain()
    {
        var store = new InMemoryCallbackStore();
        var (_, call) = AtTheVirtualHoldOffer(store, callerId: null);

        Press(call, "1", "2025550188#", "2");
        Assert.That(TestCenter.Prompts(call).Last(), Is.EqualTo(EnterNumber));
        call.Press("2025550199#1");

        Assert.That(store.Find(call.Reference)!.PhoneNumber, Is.EqualTo("+12025550199"));
    }

    [Test]
    public void VirtualHold_AKeyThatIsNotAChoiceAtTheReadBack_RepeatsIt()
    {
        var (_, call) = AtTheVirtualHoldOffer(new InMemoryCallbackStore(), callerId: null);

        Press(call, "1", "2025550188#", "7");

        Assert.That(TestCenter.Prompts(call).TakeLast(2), Is.EqualTo(new[]
        {
            "Sorry, that's not one of the choices.",
            "You entered 2 0 2, 5 5 5, 0 1 8 8. If that's right, press 1. To enter it again, press 2.",
        }));
    }

    [Test]
    public void VirtualHold_TheDigitsMayBeSaid()
    {
        var store = new InMemoryCallbackStore();
        var (_, call) = AtTheVirtualHoldOffer(store, callerId: null);

        call.Press("1");
        call.Say("two oh two five five five oh one eight eight");
        call.Press("1");

        Assert.That(store.Find(call.Reference)!.PhoneNumber, Is.EqualTo("+12025550188"));
    }

    [Test]
    public void VirtualHold_AnAgentAnsweringWhileTheCallerKeys_EndsTheEntry()
    {
        var (center, call) = AtTheVirtualHoldOffer(new InMemoryCallbackStore(), callerId: null);
        Press(call, "1", "202");

        center.Wait(130);

        Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
        Assert.DoesNotThrow(() => call.Press("5550188#1"));
        Assert.That(call.State, Is.EqualTo(CallState.WithAgent));
    }

    [Test]
    public void VirtualHold_ACallerKeyingANumber_IsNotInterruptedByTheQueueAnnouncements()
    {
        var (center, call) = AtTheVirtualHoldOffer(new InMemoryCallbackStore(), callerId: null);
        call.Press("1");
        var said = TestCenter.Prompts(call).Count();

        center.Wait(50);

        Assert.That(TestCenter.Prompts(call).Skip(said), Has.None.StartWith("You are number"));
    }

    [Test]
    public void TheTranscript_NamesTheKeyedNumberOnlyMasked()
    {
        var (_, call) = AtTheVirtualHoldOffer(new InMemoryCallbackStore(), callerId: null);

        Press(call, "1", "12345#", "2025550188#1");

        Assert.That(NumberEvents(call).Select(e => e.Text), Is.EqualTo(new[] { "keyed entry", "invalid", "read back", "confirmed" }));
        Assert.That(NumberEvents(call).Select(e => e.Detail), Has.None.Contains("12345").And.None.Contains("5550188"));
        Assert.That(NumberEvents(call).Last().Detail, Is.EqualTo("+1 ••••••••88"));
    }

    [Test]
    public void AnyInput_DuringKeyedEntry_NeverThrows()
    {
        var (center, call) = AtTheVirtualHoldOffer(new InMemoryCallbackStore(), callerId: null);
        call.Press("1");

        Assert.DoesNotThrow(() =>
        {
            call.Press("\0\u202e*#x+");
            call.Say("");
            call.Say("пять пять пять");
            call.Press(new string('9', 40));
            center.Wait(700);
            call.Press("1");
            call.HangUp();
            call.Press("1");
        });
        Assert.That(call.IsEnded, Is.True);
    }

    // ───────────── a closed queue: the time first, then the number ─────────────

    [Test]
    public void ClosedQueue_WithoutCallerId_OffersTheTimes_ThenTakesAKeyedNumber()
    {
        var store = new InMemoryCallbackStore();
        var call = CallbackLines.ClosedLine(store).Call("1", seed: 1, callerId: null);
        Assert.That(call.State, Is.EqualTo(CallState.OfferingCallback), "a caller without caller ID is offered a callback too");

        call.Press("2");
        Assert.That(TestCenter.Prompts(call).TakeLast(2), Is.EqualTo(new[] { NoNumber, EnterNumber }));
        call.Press("2025550188#1");

        var stored = store.Find(call.Reference)!;
        Assert.That((stored.PhoneNumber, stored.Kind), Is.EqualTo(("+12025550188", CallbackKind.Scheduled)));
        Assert.That(TestCenter.Prompts(call).Last(), Does.StartWith("Your callback is booked for Saturday at 9:30 AM Eastern Time."));
    }

    [Test]
    public void ClosedQueue_ThreeAtTheReadBackOfTheCallerId_TakesAnotherNumber()
    {
        var store = new InMemoryCallbackStore();
        var call = CallbackLines.ClosedLine(store).Call("1", seed: 1, callerId: CallerId);

        call.Press("1");
        Assert.That(TestCenter.Prompts(call).Last(), Is.EqualTo("We'll call you at 2 0 2, 5 5 5, 0 1 4 3 Saturday at 9:00 AM Eastern Time. To confirm, press 1. To cancel, press 2. To give us a different number, press 3."));
        Press(call, "3", "00442079460958#");
        Assert.That(TestCenter.Prompts(call).Last(), Is.EqualTo("You entered plus 4 4, 2 0, 7 9 4 6, 0 9 5 8. If that's right, press 1. To enter it again, press 2."));
        call.Press("1");

        Assert.That(store.Find(call.Reference)!.PhoneNumber, Is.EqualTo("+442079460958"));
    }

    [Test]
    public void ClosedQueue_GivingUpOnTheNumber_ClosesAsADeclineWould()
    {
        var store = new InMemoryCallbackStore();
        var call = CallbackLines.ClosedLine(store).Call("1", seed: 1, callerId: null);

        Press(call, "1", "1#", "22#", "333#");

        Assert.That(TestCenter.Prompts(call).TakeLast(2), Is.EqualTo(new[] { GiveUp, "Goodbye." }));
        Assert.That(call.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.ClosedByHours));
        Assert.That(store.List(), Is.Empty);
    }

    [Test]
    public void ClosedQueue_SilenceWhileKeying_IsAskedAgain_ThenGivesUp()
    {
        var center = CallbackLines.ClosedLine(new InMemoryCallbackStore());
        var call = center.Call("1", seed: 1, callerId: null);
        call.Press("1");

        center.Wait(5);
        Assert.That(TestCenter.Prompts(call).TakeLast(2), Is.EqualTo(new[] { "Sorry, I didn't hear anything.", EnterNumber }));
        center.Wait(10);

        Assert.That(call.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.ClosedByHours));
        Assert.That(NumberEvents(call).Last().Text, Is.EqualTo("given up"));
    }

    [Test]
    public void ClosedQueue_InRussian_TheKeyedNumberIsReadBackInRussian()
    {
        var center = CallbackLines.ClosedLine(new InMemoryCallbackStore());
        var call = new CallSession(center.Menu, new CallSettings("ru-RU", Seed: 1, CallCenter: center.Center), center.Clock);
        call.Start();

        call.Press("11");
        Assert.That(TestCenter.Prompts(call).TakeLast(2), Is.EqualTo(new[]
        {
            "У нас нет номера, по которому можно вам перезвонить.",
            "Пожалуйста, введите номер телефона, по которому нам перезвонить, начиная с кода города, и нажмите решётку. Чтобы отменить, нажмите звёздочку.",
        }));
        call.Press("12345#");
        Assert.That(TestCenter.Prompts(call).TakeLast(2).First(), Is.EqualTo("Извините, по такому номеру мы позвонить не сможем."));
        call.Press("2025550188#");

        Assert.That(TestCenter.Prompts(call).Last(), Is.EqualTo("Вы ввели номер 2 0 2, 5 5 5, 0 1 8 8. Если он верный, нажмите 1. Чтобы ввести его заново, нажмите 2."));
    }

    [Test]
    public void VirtualHold_IsNotOffered_ToACallerInHawaii_AtFourInTheMorningThere()
    {
        var store = new InMemoryCallbackStore();
        var center = CallbackLines.BusyLine(store);

        // 09:15 in New York is 04:15 in Hawaii: their turn would come hours before they may be called.
        var call = center.Call("1", seed: 1, callerId: "+18085550143");

        Assert.Multiple(() =>
        {
            Assert.That(TestCenter.Prompts(call), Has.None.StartsWith("To keep your place in line"));
            Assert.That(call.State, Is.EqualTo(CallState.Queued), "they wait in line instead");
        });
    }

    [Test]
    public void VirtualHold_ANumberKeyedInForHawaii_AtFourInTheMorningThere_IsNotBooked_AndTheCallerKeepsTheirPlace()
    {
        var store = new InMemoryCallbackStore();
        var (_, call) = AtTheVirtualHoldOffer(store, callerId: null);

        Press(call, "1", "8085550143#", "1");

        Assert.Multiple(() =>
        {
            Assert.That(TestCenter.Prompts(call).Last(), Is.EqualTo("Sorry, we can't book a callback right now."));
            Assert.That(store.List(), Is.Empty, "no promise the dialer could not keep");
            Assert.That(call.State, Is.EqualTo(CallState.Queued));
        });
    }
}
