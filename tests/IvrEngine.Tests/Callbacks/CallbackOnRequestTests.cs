using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Menus;
using IvrEngine.Tests.Calls;
using IvrEngine.Tests.Queues;
using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Tests.Callbacks;

/// <summary>
/// A menu option <c>{ "key": "5", "callback": "billing" }</c> lets a caller in the menus book a callback
/// at one of the queue's next open times, open or closed: the same choice of times, number and
/// confirmation as at a closed queue. Declining goes back to the menu.
/// </summary>
public sealed class CallbackOnRequestTests
{
    private const string CallerId = "+12025550143";

    /// <summary>Monday 30 November 2026, 14:10 in New York: the office is open (Mon–Fri 09:00–17:00).</summary>
    private static readonly Instant MondayAfternoon = Instant.FromUtc(2026, 11, 30, 19, 10);

    /// <summary>Saturday 5 December 2026, 12:00 in New York: the office is closed until Monday.</summary>
    private static readonly Instant Saturday = Instant.FromUtc(2026, 12, 5, 17, 0);

    private const string Offer = "We can call you back at a time that suits you: press 1 for today at 2:30 PM Eastern Time, 2 for today at 3:00 PM Eastern Time, or 3 for today at 3:30 PM Eastern Time. To go back, press star.";

    private static Menu Line(string queueExtra = "", int noInputSeconds = 5) => TestMenus.Load($$"""
        {
          "name": "callback-line", "timeZone": "America/New_York", "locales": ["en-US", "ru-RU"], "start": "main",
          "defaults": { "escape": { "to": { "queue": "billing" } }, "noInput": { "seconds": {{noInputSeconds}}, "retries": 2 } },
          "budget": { "maxMenuSeconds": 60, "then": { "hangup": { "en-US": "Out of time.", "ru-RU": "Время вышло." } } },
          "hours": { "office": { "weekly": { "mon-fri": "09:00-17:00" } } },
          "queues": { "billing": { "name": { "en-US": "billing", "ru-RU": "отдел оплаты" }, "hours": "office"{{queueExtra}} } },
          "nodes": {
            "main": {
              "prompt": { "en-US": "For billing, press 1.", "ru-RU": "Оплата — 1." },
              "options": [ { "key": "1", "goto": "billing" } ]
            },
            "billing": {
              "prompt": { "en-US": "To talk to billing, press 1. To have us call you back, press 5.", "ru-RU": "Отдел оплаты — 1. Обратный звонок — 5." },
              "options": [
                { "key": "1", "queue": "billing" },
                { "key": "5", "say": { "en-US": ["call me back"], "ru-RU": ["перезвоните мне"] }, "callback": "billing" }
              ]
            }
          }
        }
        """);

    private sealed class RequestLine
    {
        public RequestLine(Instant at, ICallbackStore? store, string? callerId = CallerId, string? locale = null, Menu? menu = null, int seed = 1)
        {
            Menu = menu ?? Line();
            Clock = new VirtualClock(at);
            Center = new IvrEngine.Queues.CallCenter(Menu, new IvrEngine.Queues.Staffing.StaffingPlan([TestCenter.Agent("Ana", "billing")]), Clock, seed: 1, callbacks: store);
            Call = new CallSession(Menu, new CallSettings(locale, callerId, Seed: seed, CallCenter: Center), Clock);
            Call.Start();
        }

        public Menu Menu { get; }

        public VirtualClock Clock { get; }

        public IvrEngine.Queues.CallCenter Center { get; }

        public CallSession Call { get; }

        public List<string> Prompts => [.. TestCenter.Prompts(Call)];

        public RequestLine Press(params string[] runs)
        {
            foreach (var keys in runs) Call.Press(keys);
            return this;
        }

        public RequestLine Wait(double seconds)
        {
            Clock.Advance(Duration.FromSeconds(seconds));
            return this;
        }
    }

    [Test]
    public void WhileOpen_TheOptionOffersTheNextHalfHours_AndBooksTheChosenOne()
    {
        var store = new InMemoryCallbackStore();
        var line = new RequestLine(MondayAfternoon, store);

        line.Press("1", "5");
        Assert.That(line.Prompts.Last(), Is.EqualTo(Offer));
        Assert.That(line.Call.State, Is.EqualTo(CallState.OfferingCallback));
        line.Press("2");
        Assert.That(line.Prompts.Last(), Is.EqualTo("We'll call you at 2 0 2, 5 5 5, 0 1 4 3 today at 3:00 PM Eastern Time. To confirm, press 1. To cancel, press 2. To give us a different number, press 3."));
        line.Press("1");

        var stored = store.Find(line.Call.Reference)!;
        Assert.That((stored.Queue, stored.Kind, stored.PhoneNumber, stored.DueAt), Is.EqualTo(("billing", CallbackKind.Scheduled, CallerId, Instant.FromUtc(2026, 11, 30, 20, 0))));
        Assert.That(stored.ExpiresAt, Is.EqualTo(stored.DueAt + CallbackOffer.DefaultExpiry), "the queue gives no expiry: the default");
        Assert.That(line.Prompts.Last(), Does.StartWith("Your callback is booked for today at 3:00 PM Eastern Time. Your reference number is "));
        Assert.That(line.Call.Outcome, Is.EqualTo(new CallOutcome(CallOutcomeKind.CallbackScheduled, "billing", $"callback {line.Call.Reference} today at 3:00 PM Eastern Time")));
    }

    [Test]
    public void TheCallbackIsStored_BeforeTheCallerHearsTheReferenceNumber()
    {
        var store = new InMemoryCallbackStore();
        var line = new RequestLine(MondayAfternoon, store, callerId: null);
        CallbackRequest? storedWhenTold = null;
        line.Call.EventRecorded += e =>
        {
            if (e.Type == CallEventType.Prompt && e.Text!.StartsWith("Your callback is booked", StringComparison.Ordinal)) storedWhenTold = store.Find(line.Call.Reference);
        };

        line.Press("1", "5", "1", "3125550100#");
        Assert.That(store.List(), Is.Empty, "nothing is stored before the number is confirmed");
        line.Press("1");

        Assert.That(storedWhenTold?.PhoneNumber, Is.EqualTo("+13125550100"));
    }

    [Test]
    public void ThePhraseChoosesIt_AsTheKeyDoes()
    {
        var line = new RequestLine(MondayAfternoon, new InMemoryCallbackStore());

        line.Press("1");
        line.Call.Say("please call me back");

        Assert.That(line.Prompts.Last(), Is.EqualTo(Offer));
    }

    [Test]
    public void WhileClosed_TheOptionOffersTheTimesWhenItOpens()
    {
        var line = new RequestLine(Saturday, new InMemoryCallbackStore());

        line.Press("1", "5");

        Assert.That(line.Prompts.Last(), Does.StartWith("We can call you back at a time that suits you: press 1 for Monday at 9:00 AM Eastern Time, 2 for Monday at 9:30 AM Eastern Time,"));
    }

    [Test]
    public void TheQueuesExpiry_AppliesToTheCallback()
    {
        var store = new InMemoryCallbackStore();
        var line = new RequestLine(MondayAfternoon, store, menu: Line(", \"callback\": { \"whenClosed\": true, \"expiresAfterHours\": 2 }"));

        line.Press("1", "5", "1", "1");

        var stored = store.Find(line.Call.Reference)!;
        Assert.That(stored.ExpiresAt - stored.DueAt, Is.EqualTo(Duration.FromHours(2)));
    }

    [TestCase("*", TestName = "star")]
    [TestCase("9", TestName = "a key that is no time")]
    [TestCase("12", TestName = "cancel at the confirmation")]
    public void Declining_GoesBackToTheMenu_WhereTheCallerCarriesOn(string keys)
    {
        var store = new InMemoryCallbackStore();
        var line = new RequestLine(MondayAfternoon, store);

        line.Press("1", "5", keys);

        Assert.That(line.Call.State, Is.EqualTo(CallState.InMenu));
        Assert.That(line.Call.CurrentNodeId, Is.EqualTo("billing"));
        Assert.That(line.Prompts.Last(), Is.EqualTo("To talk to billing, press 1. To have us call you back, press 5."));
        Assert.That(store.List(), Is.Empty);
        line.Press("5");
        Assert.That(line.Prompts.Last(), Is.EqualTo(Offer), "the caller may change their mind");
    }

    [Test]
    public void SilenceOrSpeechAtTheOffer_GoesBackToTheMenu()
    {
        var line = new RequestLine(MondayAfternoon, new InMemoryCallbackStore());
        line.Press("1", "5").Wait(5);
        Assert.That(line.Call.State, Is.EqualTo(CallState.InMenu));

        line.Press("5");
        line.Call.Say("hmm");

        Assert.That(line.Call.State, Is.EqualTo(CallState.InMenu));
        Assert.That(line.Call.CurrentNodeId, Is.EqualTo("billing"));
    }

    [Test]
    public void WithoutCallerId_TheNumberIsKeyedIn_AfterTheTime()
    {
        var store = new InMemoryCallbackStore();
        var line = new RequestLine(MondayAfternoon, store, callerId: null);

        line.Press("1", "5", "3");
        Assert.That(line.Prompts.TakeLast(2).First(), Is.EqualTo("We don't have a number to call you back on."));
        line.Press("3125550100#", "1");

        var stored = store.Find(line.Call.Reference)!;
        Assert.That((stored.PhoneNumber, stored.DueAt), Is.EqualTo(("+13125550100", Instant.FromUtc(2026, 11, 30, 20, 30))));
    }

    [Test]
    public void GivingUpOnTheNumber_GoesBackToTheMenu()
    {
        var line = new RequestLine(MondayAfternoon, new InMemoryCallbackStore(), callerId: null);

        line.Press("1", "5", "1", "1#", "2#", "3#");

        Assert.That(line.Prompts.TakeLast(2), Is.EqualTo(new[] { "Sorry, we couldn't take a number to call you back.", "To talk to billing, press 1. To have us call you back, press 5." }));
        Assert.That(line.Call.State, Is.EqualTo(CallState.InMenu));
    }

    [Test]
    public void OnALineThatKeepsNoCallbacks_TheCallerIsToldAndStaysInTheMenu()
    {
        var line = new RequestLine(MondayAfternoon, store: null);

        Assert.DoesNotThrow(() => line.Press("1", "5"));

        Assert.That(line.Prompts.TakeLast(2), Is.EqualTo(new[] { "Sorry, we can't book a callback right now.", "To talk to billing, press 1. To have us call you back, press 5." }));
        Assert.That(line.Call.State, Is.EqualTo(CallState.InMenu));
        Assert.That(line.Call.Transcript.Events.Single(e => e.Type == CallEventType.InputIgnored).Detail, Is.EqualTo("not offered: this line keeps no callbacks"));
    }

    [Test]
    public void WithoutACallCentre_TheCallerIsToldAndStaysInTheMenu()
    {
        var menu = Line();
        var call = new CallSession(menu, new CallSettings(CallerId: CallerId, Seed: 1), new VirtualClock(MondayAfternoon));
        call.Start();

        Assert.DoesNotThrow(() => call.Press("15"));

        Assert.That(call.State, Is.EqualTo(CallState.InMenu));
        Assert.That(TestCenter.Prompts(call), Does.Contain("Sorry, we can't book a callback right now."));
    }

    [Test]
    public void ACallerInTokyo_WhoseDayNeverMeetsTheOfficeHours_IsToldNoCallbackCanBeBooked_AndGoesBackToTheMenu()
    {
        // The office's 09:00–17:00 Eastern is 23:00–07:00 in Tokyo: no time it is open may a Tokyo number be called.
        var line = new RequestLine(MondayAfternoon, new InMemoryCallbackStore(), callerId: "+81312345678");

        line.Press("1", "5");

        Assert.Multiple(() =>
        {
            Assert.That(line.Prompts.TakeLast(2).First(), Is.EqualTo("Sorry, we can't book a callback right now."));
            Assert.That(line.Call.Transcript.Events.Last(e => e.Type == CallEventType.InputIgnored).Detail,
                Is.EqualTo("not offered: queue billing has no open time in the next 7 days inside the calling window (08:00–21:00) in Asia/Tokyo"));
            Assert.That(line.Call.State, Is.EqualTo(CallState.InMenu));
        });
    }

    [Test]
    public void DuringAnEmergencyClosure_ThereIsNoTimeToOffer()
    {
        var line = new RequestLine(MondayAfternoon, new InMemoryCallbackStore());
        line.Center.Hours.SetEmergencyClosure(null, true);

        line.Press("1", "5");

        Assert.That(line.Prompts.TakeLast(2).First(), Is.EqualTo("Sorry, we can't book a callback right now."));
        Assert.That(line.Call.Transcript.Events.Last(e => e.Type == CallEventType.InputIgnored).Detail, Is.EqualTo("not offered: queue billing has no open time in the next 7 days"));
    }

    [Test]
    public void WhenTheStoreFails_NothingIsPromised_AndTheCallerIsBackInTheMenu()
    {
        var line = new RequestLine(MondayAfternoon, new FailingCallbackStore());

        Assert.DoesNotThrow(() => line.Press("1", "5", "1", "1"));

        Assert.That(line.Prompts.TakeLast(2).First(), Is.EqualTo("Sorry, we can't book a callback right now."));
        Assert.That(line.Call.State, Is.EqualTo(CallState.InMenu));
    }

    [Test]
    public void ASecondRequestFromTheSameNumber_KeepsTheFirstCallback()
    {
        var store = new InMemoryCallbackStore();
        var first = new RequestLine(MondayAfternoon, store);
        first.Press("1", "5", "1", "1");

        var second = new RequestLine(MondayAfternoon, store, seed: 2);
        second.Press("1", "5", "3", "1");

        Assert.That(second.Prompts.Last(), Is.EqualTo($"You already have a callback booked for today at 2:30 PM Eastern Time; we'll keep that one. Your reference number is {Digits(first.Call.Reference)}. Goodbye."));
        Assert.That(store.List(), Has.Count.EqualTo(1));
        Assert.That(second.Call.Transcript.Events.Where(e => e.Type is CallEventType.CallbackBooked or CallEventType.CallbackExisting).Select(e => (e.Type, e.Text)),
            Is.EqualTo(new[] { (CallEventType.CallbackExisting, (string?)first.Call.Reference.ToString()) }), "logged as the existing callback, not as a new booking");
        Assert.That(second.Call.Outcome!.Reason, Is.EqualTo($"existing callback {first.Call.Reference} today at 2:30 PM Eastern Time"));
    }

    [Test]
    public void TheMenuTimeBudget_ThatRanOutWhileChoosing_AppliesBackInTheMenu()
    {
        // 60 s in the menus; the caller takes 25 s over each step, so the minute runs out at the confirmation.
        var line = new RequestLine(MondayAfternoon, new InMemoryCallbackStore(), menu: Line(noInputSeconds: 30));
        line.Press("1").Wait(25).Press("5").Wait(25).Press("1").Wait(25);
        Assert.That(line.Call.State, Is.EqualTo(CallState.OfferingCallback), "the budget does not cut a caller off mid-booking");

        line.Press("2");

        Assert.That(line.Prompts.TakeLast(2), Is.EqualTo(new[] { "Let me get someone to help you.", "Out of time." }));
        Assert.That(line.Call.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.CompletedInSelfService));
    }

    [Test]
    public void InRussian_TheTimesAreReadInRussian()
    {
        var line = new RequestLine(MondayAfternoon, new InMemoryCallbackStore(), locale: "ru-RU");

        line.Press("1", "5");

        Assert.That(line.Prompts.Last(), Is.EqualTo("Мы можем перезвонить вам в удобное время: нажмите 1 — сегодня в 14:30 по восточному времени, 2 — сегодня в 15:00 по восточному времени или 3 — сегодня в 15:30 по восточному времени. Чтобы вернуться, нажмите звёздочку."));
    }

    private static string Digits(ReferenceNumber reference) => string.Join(", ", reference.ToString().Split('-').Select(g => string.Join(" ", g.ToCharArray())));
}
