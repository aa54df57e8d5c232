using IvrEngine.Calls;
using IvrEngine.Hosting;
using IvrEngine.Queues;
using IvrEngine.Queues.Staffing;
using IvrEngine.Tests.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace IvrEngine.Tests.Hosting;

/// <summary>Calls and queues change state on the host's one logical thread, whatever thread the callers come from.</summary>
public sealed class CallHostQueueTests
{
    [Test]
    public async Task ThousandsOfConcurrentCallers_AreEachQueuedAndAnsweredOrAbandoned_WithNothingLost()
    {
        const int Callers = 2000;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddInMemoryCollection([
            new("Ivr:Clock", "Virtual"), new("Ivr:StartAt", "2026-11-30T09:15 America/New_York"), new("Ivr:Seed", "3")]);
        builder.Logging.ClearProviders();
        builder.Services.AddIvrEngine(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        var callHost = host.Services.GetRequiredService<CallHost>();
        var menu = QueueMenus.With("\"ringSeconds\": 10", "\"priority\": 3");
        var agents = Enumerable.Range(1, 40).Select(i => TestCenter.Agent($"Agent {i}", i % 5 == 0 ? "a,b" : "a", talkSeconds: 40 + i, noAnswer: i % 7 == 0 ? 0.3 : 0));
        var center = await callHost.OpenCallCenterAsync(menu, new StaffingPlan([.. agents]));

        var calls = await Task.WhenAll(Enumerable.Range(0, Callers).Select(i => Task.Run(async () =>
        {
            var call = await callHost.StartCallAsync(menu, i % 2 == 0 ? "en-US" : "ru-RU", callCenter: center);
            await callHost.InvokeAsync(() => call.Press(i % 3 == 0 ? "2" : "1"));
            if (i % 4 == 0)
            {
                await callHost.AdvanceAsync(Duration.FromSeconds(i % 13));
                await callHost.InvokeAsync(call.HangUp);
            }
            return call;
        })));
        await callHost.AdvanceAsync(Duration.FromDays(2));

        var (active, entered, connected, abandoned, timedOut) = await callHost.InvokeAsync(() => (
            callHost.ActiveCalls,
            center.Log.Events.Count(e => e.Type == QueueEventType.EnterQueue),
            center.Log.Events.Count(e => e.Type == QueueEventType.Connect),
            center.Log.Events.Count(e => e.Type == QueueEventType.Abandon),
            center.Log.Events.Count(e => e.Type == QueueEventType.ExitWithTimeout)));
        await host.StopAsync();

        Assert.That(active, Is.Zero, "every call ended");
        Assert.That(entered, Is.EqualTo(Callers), "every caller joined exactly once");
        Assert.That(connected + abandoned + timedOut, Is.EqualTo(Callers), "every caller left the queue exactly once");
        Assert.That(calls.Count(c => c.QueueVisits.Any(v => v.Result?.StartsWith("answered by", StringComparison.Ordinal) == true)), Is.EqualTo(connected));
        Assert.That(calls.All(c => c.Outcome!.Kind is CallOutcomeKind.AnsweredByAgent or CallOutcomeKind.AbandonedInQueue or CallOutcomeKind.CallerHungUp or CallOutcomeKind.CompletedInSelfService), Is.True);
        Assert.That(calls.Count(c => c.Outcome!.Kind == CallOutcomeKind.AbandonedInQueue), Is.EqualTo(abandoned));
        Assert.That(calls.Select(c => c.Reference).Distinct().Count(), Is.EqualTo(Callers));
        Assert.That(center.Statistics("a").Offered + center.Statistics("b").Offered, Is.EqualTo(Callers));
    }
}
