using IvrEngine.Calls;
using IvrEngine.Hosting;
using IvrEngine.Tests.Calls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IvrEngine.Tests.Hosting;

/// <summary>A fault inside one call ends that call with a clear outcome and a log line; the host and every other call go on.</summary>
public sealed class CallFaultIsolationTests
{
    [Test]
    public async Task FaultInOneCall_EndsThatCallOnly_AndIsLogged()
    {
        var logs = new CollectingLoggerProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddInMemoryCollection([
            new("Ivr:Clock", "Virtual"), new("Ivr:StartAt", "2026-11-30T09:15 America/New_York"), new("Ivr:Seed", "7")]);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddIvrEngine(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        var calls = host.Services.GetRequiredService<CallHost>();
        var menu = TestMenus.Load();

        // A listener with a bug: it throws when the caller presses 9, inside the call's own work.
        var broken = await calls.StartCallAsync(menu, onEvent: e =>
        {
            if (e is { Type: CallEventType.KeyPressed, Text: "9" }) throw new InvalidOperationException("listener bug");
        });
        var healthy = await calls.StartCallAsync(menu);

        await calls.InvokeAsync(() => broken.Press("9"));
        await calls.InvokeAsync(() => healthy.Press("1"));
        var active = await calls.InvokeAsync(() => calls.ActiveCalls);
        await calls.AdvanceAsync(NodaTime.Duration.FromSeconds(60));

        var (brokenOutcome, healthyNode) = await calls.InvokeAsync(() => (broken.Outcome, healthy.Path.ToArray()));
        Assert.That(brokenOutcome, Is.EqualTo(new CallOutcome(CallOutcomeKind.Faulted, null, "at main: InvalidOperationException: listener bug")));
        Assert.That(healthyNode[..2], Is.EqualTo(new[] { "main", "billing" }), "the other call went on to its chosen node");
        Assert.That(await calls.InvokeAsync(() => healthy.Transcript.Events.Count(e => e.Type == CallEventType.NoInput)), Is.EqualTo(3), "the other call's timers kept firing: three silences in its 60 s");
        Assert.That(logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)),
            Is.EqualTo(new[] { $"Error: Call {broken.Reference} ended by a fault at main; other calls go on" }));
        Assert.That(active, Is.EqualTo(1), "only the healthy call is still active");
        await host.StopAsync();
    }
}
