using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Hosting;
using IvrEngine.Hosting.Callbacks;
using IvrEngine.Menus;
using IvrEngine.Queues;
using IvrEngine.Queues.Staffing;
using IvrEngine.Tests.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace IvrEngine.Tests.Callbacks;

/// <summary>The dialer on a virtual-time host with a real SQLite store.</summary>
public sealed class CallbackDialerTests
{
    private const string Number = "+12025550143"; // Washington DC: Eastern time

    private sealed class Line : IAsyncDisposable
    {
        private Line(IHost host, TempDatabase database, CallHost calls, CallCenter center, ICallbackStore store)
        {
            Host = host;
            Database = database;
            Calls = calls;
            Center = center;
            Store = store;
        }

        public IHost Host { get; }

        public TempDatabase Database { get; }

        public CallHost Calls { get; }

        public CallCenter Center { get; }

        public ICallbackStore Store { get; }

        public Instant Now => Calls.Clock.Clock.GetCurrentInstant();

        public static async Task<Line> OpenAsync(string startAt, double answer, double busy = 0, Menu? menu = null)
        {
            var database = new TempDatabase();
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
            builder.Configuration.AddInMemoryCollection([
                new("Ivr:Clock", "Virtual"), new("Ivr:StartAt", startAt), new("Ivr:Seed", "5"),
                new("Ivr:Callbacks:Database", database.Path), new("Ivr:Callbacks:AnswerProbability", answer.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("Ivr:Callbacks:BusyProbability", busy.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            builder.Logging.ClearProviders();
            builder.Services.AddIvrEngine(builder.Configuration);
            builder.Services.AddIvrCallbacks(builder.Configuration);
            var host = builder.Build();
            await host.StartAsync();
            var calls = host.Services.GetRequiredService<CallHost>();
            var store = host.Services.GetRequiredService<ICallbackStore>();
            var center = await calls.OpenCallCenterAsync(menu ?? QueueMenus.With(), new StaffingPlan([TestCenter.Agent("Ana", "a", talkSeconds: 60)]), store);
            var dialer = host.Services.GetRequiredService<CallbackDialer>();
            await calls.InvokeAsync(() => dialer.Serve(center));
            return new Line(host, database, calls, center, store);
        }

        public CallbackRequest Schedule(string phone = Number) =>
            Store.Schedule(new CallbackRequest(ReferenceNumber.Create(new Random(1)), "a", phone, CallbackKind.Scheduled, "en-US", Now, Now, Now + Duration.FromDays(1)));

        public Task WaitAsync(double seconds) => Calls.AdvanceAsync(Duration.FromSeconds(seconds));

        public async ValueTask DisposeAsync()
        {
            await Host.StopAsync();
            Host.Dispose();
            Database.Dispose();
        }
    }

    [Test]
    public async Task ADueCallback_IsDialed_PutThroughAheadOfNewCallers_AndCompleted()
    {
        await using var line = await Line.OpenAsync("2026-11-30T10:00 America/New_York", answer: 1);
        var callback = line.Schedule();

        await line.WaitAsync(15);
        Assert.That(line.Store.Find(callback.Reference)!.State, Is.EqualTo(CallbackState.Connected));
        await line.WaitAsync(120);

        var stored = line.Store.Find(callback.Reference)!;
        Assert.That(stored.State, Is.EqualTo(CallbackState.Completed));
        Assert.That(stored.LastResult, Does.StartWith("answered in queue a (by Ana"));
        Assert.That(line.Store.Attempts(callback.Reference).Select(a => a.Result), Is.EqualTo(new[] { "answered" }));
        var connect = line.Center.Log.Events.Single(e => e.Type == QueueEventType.Connect);
        Assert.That(connect.Reference, Is.EqualTo(callback.Reference.ToString()), "the callback keeps the caller's reference number");
    }

    [Test]
    public async Task AnUnansweredCallback_IsRetriedWithBackoff_UpToTheLimit_EveryAttemptRecorded()
    {
        await using var line = await Line.OpenAsync("2026-11-30T10:00 America/New_York", answer: 0, busy: 0);
        var callback = line.Schedule();

        await line.WaitAsync(3600);

        var attempts = line.Store.Attempts(callback.Reference);
        Assert.That(attempts.Select(a => a.Result), Is.EqualTo(new[] { "no-answer", "no-answer", "no-answer" }));
        // 30 s of ringing, then 2 min, then 4 min (exponential from the minimum interval).
        Assert.That(attempts[1].At - attempts[0].At, Is.EqualTo(Duration.FromSeconds(30 + 120)));
        Assert.That(attempts[2].At - attempts[1].At, Is.EqualTo(Duration.FromSeconds(30 + 240)));
        Assert.That(line.Store.Find(callback.Reference)!.State, Is.EqualTo(CallbackState.Failed));
        Assert.That(attempts.All(a => a.Detail == "+1 ••••••••43"), Is.True, "numbers are masked in the record");
    }

    [Test]
    public async Task BeforeTheCallingWindow_InTheCalleesTime_TheCallbackWaits()
    {
        // 07:30 in New York: the DC number may be called from 08:00.
        await using var line = await Line.OpenAsync("2026-11-30T07:30 America/New_York", answer: 1);
        var callback = line.Schedule();

        await line.WaitAsync(10);
        var waiting = line.Store.Find(callback.Reference)!;
        Assert.That((waiting.State, waiting.LastResult, waiting.Attempts), Is.EqualTo((CallbackState.Pending, "outside the calling window in America/New_York", 0)));

        await line.WaitAsync(30 * 60);
        Assert.That(line.Store.Attempts(callback.Reference).Single().At, Is.EqualTo(Instant.FromUtc(2026, 11, 30, 13, 0, 0)), "dialed at 08:00 local");
    }

    [Test]
    public async Task WhileTheQueueIsClosed_TheCallbackWaitsForItToOpen()
    {
        var menu = Calls.TestMenus.Load(QueueMenusWithHours);
        // Sunday 23:45: the queue opens Monday 09:00.
        await using var line = await Line.OpenAsync("2026-11-29T23:45 America/New_York", answer: 1, menu: menu);
        var callback = line.Schedule();

        await line.WaitAsync(10);
        Assert.That(line.Store.Find(callback.Reference)!.LastResult, Is.EqualTo("queue closed"));
        await line.WaitAsync(10 * 3600);

        Assert.That(line.Store.Attempts(callback.Reference).Single().At, Is.EqualTo(Instant.FromUtc(2026, 11, 30, 14, 0, 0)), "dialed at 09:00 when the queue opens");
    }

    [Test]
    public async Task AVirtualHoldCallback_TakesTheKeptPlace_AndIsAnsweredBeforeTheCallerBehind()
    {
        var menu = QueueMenus.With("\"callback\": { \"offerWhenWaitOverSeconds\": 30 }");
        await using var line = await Line.OpenAsync("2026-11-30T10:00 America/New_York", answer: 1, menu: menu);
        var (held, behind) = await BookVirtualHoldAsync(line, menu);
        Assert.That(held.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.CallbackScheduled));

        await line.WaitAsync(300);

        var connects = await line.Calls.InvokeAsync(() => line.Center.Log.Events.Where(e => e.Type == QueueEventType.Connect).Select(e => e.Reference).ToList());
        Assert.That(connects.TakeLast(2), Is.EqualTo(new[] { held.Reference.ToString(), behind.Reference.ToString() }), "the callback kept its place");
        Assert.That(line.Store.Find(held.Reference)!.State, Is.EqualTo(CallbackState.Completed), "answered, talked and hung up within the 300 s");
    }

    [Test]
    public async Task AfterTheCallingWindowCloses_NoPlaceIsKept_ForACallbackThatCouldNotBeMadeUntilMorning()
    {
        // 21:05 in New York: the queue is open but the DC callee's calling window closed at 21:00. Keeping
        // their place would promise a call when their turn comes that the dialer could not make.
        var menu = QueueMenus.With("\"callback\": { \"offerWhenWaitOverSeconds\": 30 }");
        await using var line = await Line.OpenAsync("2026-11-30T21:05 America/New_York", answer: 1, menu: menu);
        var (held, _) = await BookVirtualHoldAsync(line, menu);

        await line.WaitAsync(120);

        Assert.Multiple(() =>
        {
            Assert.That(TestCenter.Prompts(held), Has.None.Contains("call you back"), "no virtual hold was offered");
            Assert.That(line.Store.Find(held.Reference), Is.Null, "no callback was booked");
            Assert.That(held.State, Is.EqualTo(CallState.Ended), "the caller waited in line, was answered and the call is over");
            Assert.That(held.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.AnsweredByAgent));
        });
    }

    [Test]
    public async Task ARussianMobile_IsDialedInsideMoscowsWindow_NotPostponedUntilEveryOneOfItsZonesIsOpen()
    {
        // 15:00 in Moscow (07:00 in New York, midnight in Anadyr, one of the sixteen zones libphonenumber gives a +7 9xx number).
        await using var line = await Line.OpenAsync("2026-11-30T07:00 America/New_York", answer: 1);
        var callback = line.Schedule("+79161234567");

        await line.WaitAsync(60);

        var attempt = line.Store.Attempts(callback.Reference).Single();
        Assert.That(attempt.At, Is.LessThan(Instant.FromUtc(2026, 11, 30, 12, 1)), "dialed at the first poll: it is daytime in Moscow, the zone the offer used");
    }

    [Test]
    public async Task AHawaiiCallee_BookedForOnePmEastern_IsDialedAtOnePmEastern()
    {
        var menu = Calls.TestMenus.Load(QueueMenusWithHours);
        await using var line = await Line.OpenAsync("2026-11-30T12:59 America/New_York", answer: 1, menu: menu);
        var callback = line.Schedule("+18085550143");

        await line.WaitAsync(10);
        Assert.That(line.Store.Find(callback.Reference)!.LastResult, Is.EqualTo("outside the calling window in Pacific/Honolulu"), "07:59 in Hawaii");
        await line.WaitAsync(3600);

        Assert.That(line.Store.Attempts(callback.Reference).First().At, Is.EqualTo(Instant.FromUtc(2026, 11, 30, 18, 0)), "08:00 in Hawaii, 1:00 PM Eastern: the time the caller was offered");
    }

    [Test]
    public async Task AnEmergencyClosure_StopsCallersAndCallbacks_UntilItIsLifted()
    {
        var menu = Calls.TestMenus.Load(QueueMenusWithHours);
        await using var line = await Line.OpenAsync("2026-11-30T10:00 America/New_York", answer: 1, menu: menu);
        await line.Calls.InvokeAsync(() => line.Center.Hours.SetEmergencyClosure(null, closed: true));
        var callback = line.Schedule();

        var caller = await line.Calls.StartCallAsync(menu, callCenter: line.Center);
        await line.Calls.InvokeAsync(() => caller.Press('1'));
        await line.WaitAsync(60);

        Assert.That(caller.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.ClosedByHours));
        Assert.That(line.Store.Find(callback.Reference)!.Attempts, Is.Zero);

        await line.Calls.InvokeAsync(() => line.Center.Hours.SetEmergencyClosure(null, closed: false));
        await line.WaitAsync(3600);
        Assert.That(line.Store.Attempts(callback.Reference), Has.Count.EqualTo(1), "dialed once the closure is lifted");
    }

    /// <summary>
    /// Three one-minute calls of history, a fourth on the line, then a caller who books virtual hold
    /// (1, read-back, 1) and one who joins behind their kept place.
    /// </summary>
    private static async Task<(CallSession Held, CallSession Behind)> BookVirtualHoldAsync(Line line, Menu menu)
    {
        for (var i = 0; i < 4; i++)
        {
            var warmUp = await line.Calls.StartCallAsync(menu, callCenter: line.Center);
            await line.Calls.InvokeAsync(() => warmUp.Press('1'));
            await line.WaitAsync(i < 3 ? 70 : 10);
        }
        var held = await line.Calls.StartCallAsync(menu, callerId: Number, callCenter: line.Center);
        await line.Calls.InvokeAsync(() => held.Press("111"));
        var behind = await line.Calls.StartCallAsync(menu, callCenter: line.Center);
        await line.Calls.InvokeAsync(() => behind.Press('1'));
        return (held, behind);
    }

    private const string QueueMenusWithHours = """
        {
          "name": "hours-line", "timeZone": "America/New_York", "locales": ["en-US"], "start": "main",
          "defaults": { "escape": { "to": { "queue": "a" } } },
          "hours": { "office": { "weekly": { "mon-fri": "09:00-17:00" } } },
          "queues": { "a": { "name": { "en-US": "team A" }, "hours": "office" } },
          "nodes": { "main": { "prompt": { "en-US": "Hello." }, "options": [ { "key": "1", "queue": "a" } ] } }
        }
        """;
}
