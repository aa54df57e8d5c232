using IvrEngine.Calls;
using IvrEngine.Hours;
using IvrEngine.Menus;
using IvrEngine.Time;
using NodaTime;
using static IvrEngine.Tests.Hours.HoursMenus;

namespace IvrEngine.Tests.Hours;

/// <summary>Node and queue routing by hours, end to end through a <see cref="CallSession"/> on a virtual clock.</summary>
[TestFixture]
public sealed class HoursRoutingTests
{
    private const string Support = """{ "support": { "weekly": { "mon-sat": "09:00-17:00" } } }""";

    private static (CallSession Call, VirtualClock Clock) Call(Menu menu, Instant at, string? locale = null, BusinessHours? hours = null)
    {
        var clock = new VirtualClock(at);
        var call = new CallSession(menu, new CallSettings(locale, Seed: 1, Hours: hours), clock);
        call.Start();
        return (call, clock);
    }

    private static IEnumerable<string> Prompts(CallSession call) => call.Transcript.Events.Where(e => e.Type == CallEventType.Prompt).Select(e => e.Text!);

    [Test]
    public void AClosedQueueTurnsTheCallerAwayWithWhenItOpensAndHangsUp()
    {
        var menu = Load(Menu(Support, queueExtra: """, "hours": "support" """));
        var (call, _) = Call(menu, At(2026, 11, 28, 18, 0));
        call.Press('0');
        Assert.Multiple(() =>
        {
            Assert.That(Prompts(call).Last(), Is.EqualTo("Sorry, we're closed right now. We open Monday at 9:00 AM Eastern Time."));
            Assert.That(call.Outcome, Has.Property("Kind").EqualTo(CallOutcomeKind.ClosedByHours).And.Property("QueueId").EqualTo("general"));
            Assert.That(call.Outcome!.Reason, Does.Contain("outside weekly Sat 09:00–17:00"));
            Assert.That(Prompts(call), Has.None.Contains("connect"), "no transfer message for a closed queue");
        });
    }

    [Test]
    public void AnOpenQueueTransfersAsBefore()
    {
        var menu = Load(Menu(Support, queueExtra: """, "hours": "support" """));
        var (call, _) = Call(menu, At(2026, 11, 30, 9, 0));
        call.Press('0');
        Assert.That(call.Outcome, Has.Property("Kind").EqualTo(CallOutcomeKind.TransferredToQueue));
    }

    [Test]
    public void AClosedQueueSendsTheCallerToItsWhenClosed()
    {
        var menu = Load(Menu(Support, queueExtra: """, "hours": "support", "whenClosed": { "goto": "after-hours" } """));
        var (call, _) = Call(menu, At(2026, 11, 29, 12, 0), "ru-RU");
        call.Press('0');
        Assert.Multiple(() =>
        {
            Assert.That(Prompts(call), Does.Contain("К сожалению, сейчас мы не работаем. Мы откроемся завтра в 9:00 по восточному времени."));
            Assert.That(call.Path, Does.Contain("after-hours"));
            Assert.That(call.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.CompletedInSelfService));
        });
    }

    [Test]
    public void AClosedNodeSaysTheClosedMessageInsteadOfItsPromptAndDoesWhenClosed()
    {
        var menu = Load(Menu(Support, nodeExtra: """, "hours": { "schedule": "support", "whenClosed": { "goto": "after-hours" } } """));
        var (call, _) = Call(menu, At(2026, 11, 30, 8, 59));
        Assert.Multiple(() =>
        {
            Assert.That(Prompts(call).First(), Is.EqualTo("Sorry, we're closed right now. We open today at 9:00 AM Eastern Time."));
            Assert.That(Prompts(call), Has.None.Contains("Main menu"));
            Assert.That(call.Path, Is.EqualTo(new[] { "main", "after-hours" }));
            Assert.That(call.Transcript.Events.Single(e => e.Type == CallEventType.ClosedByHours).Detail, Does.Contain("outside weekly Mon 09:00–17:00"));
        });
    }

    [Test]
    public void AnOpenNodeSaysItsPromptAsBefore()
    {
        var menu = Load(Menu(Support, nodeExtra: """, "hours": { "schedule": "support" } """));
        var (call, _) = Call(menu, At(2026, 11, 30, 9, 0));
        Assert.That(Prompts(call).First(), Does.StartWith("Main menu."));
    }

    [Test]
    public void HoursFollowTheCallsClockAsItMoves()
    {
        var menu = Load(Menu(Support, queueExtra: """, "hours": "support" """));
        var (call, clock) = Call(menu, At(2026, 11, 30, 16, 59) + Duration.FromSeconds(57));
        clock.Advance(Duration.FromSeconds(4)); // 17:00:01, before the no-input timeout
        call.Press('0');
        Assert.That(call.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.ClosedByHours));
    }

    [Test]
    public void AnEmergencyClosureSaysToCallAgainLater()
    {
        var menu = Load(Menu(Support, queueExtra: """, "hours": "support" """));
        var hours = new BusinessHours(menu.Hours);
        hours.SetEmergencyClosure("support", true);
        var (call, _) = Call(menu, At(2026, 11, 30, 12, 0), hours: hours);
        call.Press('0');
        Assert.Multiple(() =>
        {
            Assert.That(Prompts(call).Last(), Is.EqualTo("Sorry, we're closed right now. Please call again later."));
            Assert.That(call.Outcome!.Reason, Does.Contain("emergency closure"));
        });
    }
}
