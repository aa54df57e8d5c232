using IvrEngine.Calls;
using IvrEngine.Hosting;
using IvrEngine.Tests.Calls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IvrEngine.Tests.Hosting;

public sealed class CallHostTests
{
    private const string MondayMorningInNewYork = "2026-11-30T09:15 America/New_York";
    private static readonly Instant MondayMorning = Instant.FromUtc(2026, 11, 30, 14, 15);

    private static IHost BuildHost(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Logging.ClearProviders();
        builder.Services.AddIvrEngine(builder.Configuration);
        return builder.Build();
    }

    private static IHost VirtualHost(int seed = 7) =>
        BuildHost(("Ivr:Clock", "Virtual"), ("Ivr:StartAt", MondayMorningInNewYork), ("Ivr:Seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task<IHost> StartedVirtualHostAsync(int seed = 7)
    {
        var host = VirtualHost(seed);
        await host.StartAsync();
        return host;
    }

    [Test]
    public async Task VirtualClock_StartsAtTheConfiguredLocalTime()
    {
        using var host = await StartedVirtualHostAsync();
        var callHost = host.Services.GetRequiredService<CallHost>();

        Assert.That(callHost.Clock.Mode, Is.EqualTo(ClockMode.Virtual));
        Assert.That(callHost.Clock.Virtual!.Now, Is.EqualTo(MondayMorning));
        Assert.That(host.Services.GetRequiredService<IClock>().GetCurrentInstant(), Is.EqualTo(MondayMorning));
        Assert.That(host.Services.GetRequiredService<TimeProvider>(), Is.SameAs(callHost.Clock.Virtual));
        await host.StopAsync();
    }

    [Test]
    public async Task Call_IsDrivenOnTheHostsThread_AndEndsWithTheChosenOutcome()
    {
        using var host = await StartedVirtualHostAsync();
        var callHost = host.Services.GetRequiredService<CallHost>();

        var call = await callHost.StartCallAsync(TestMenus.Load(), "en-US", "+12025550143");
        Assert.That(await callHost.InvokeAsync(() => callHost.ActiveCalls), Is.EqualTo(1));
        await callHost.InvokeAsync(() => call.Press("1"));
        await callHost.InvokeAsync(() => call.Say("payment arrangement"));

        var (outcome, path, startedAt) = await callHost.InvokeAsync(() => (call.Outcome, call.Path.ToArray(), call.StartedAt));
        Assert.That(outcome, Is.EqualTo(new CallOutcome(CallOutcomeKind.TransferredToQueue, "billing", "chose payment arrangement")));
        Assert.That(path, Is.EqualTo(new[] { "main", "billing" }));
        Assert.That(startedAt, Is.EqualTo(MondayMorning));
        Assert.That(await callHost.InvokeAsync(() => callHost.ActiveCalls), Is.Zero);
        await host.StopAsync();
    }

    [Test]
    public async Task NoInputTimeout_FiresAtTheVirtualTime_WhenTheHostAdvances()
    {
        using var host = await StartedVirtualHostAsync();
        var callHost = host.Services.GetRequiredService<CallHost>();
        var call = await callHost.StartCallAsync(TestMenus.Load());

        await callHost.AdvanceAsync(Duration.FromSeconds(4.9));
        Assert.That(await callHost.InvokeAsync(() => NoInputTimes(call)), Is.Empty);

        await callHost.AdvanceAsync(Duration.FromSeconds(0.1));
        Assert.That(await callHost.InvokeAsync(() => NoInputTimes(call)), Is.EqualTo(new[] { MondayMorning + Duration.FromSeconds(5) }));

        await callHost.AdvanceAsync(Duration.FromSeconds(10));
        var (times, outcome) = await callHost.InvokeAsync(() => (NoInputTimes(call), call.Outcome));
        Assert.That(times, Is.EqualTo(new[] { 5, 10, 15 }.Select(s => MondayMorning + Duration.FromSeconds(s))));
        Assert.That(outcome!.QueueId, Is.EqualTo("general"));
        Assert.That(outcome.Reason, Is.EqualTo("no input after 2 retries"));
        await host.StopAsync();
    }

    [Test]
    public async Task AdvanceToNextTimer_JumpsStraightToTheNoInputTimeout()
    {
        using var host = await StartedVirtualHostAsync();
        var callHost = host.Services.GetRequiredService<CallHost>();
        var call = await callHost.StartCallAsync(TestMenus.Load());

        Assert.That(await callHost.AdvanceToNextTimerAsync(), Is.True);

        Assert.That(await callHost.InvokeAsync(() => NoInputTimes(call)), Is.EqualTo(new[] { MondayMorning + Duration.FromSeconds(5) }));
        Assert.That(callHost.Clock.Virtual!.Now, Is.EqualTo(MondayMorning + Duration.FromSeconds(5)));
        await host.StopAsync();
    }

    [Test]
    public async Task AdvanceToNextTimer_WithNothingScheduled_IsFalse()
    {
        using var host = await StartedVirtualHostAsync();
        var callHost = host.Services.GetRequiredService<CallHost>();

        Assert.That(await callHost.AdvanceToNextTimerAsync(), Is.False);
        await host.StopAsync();
    }

    [Test]
    public async Task ReferenceNumbers_FollowTheConfiguredSeed()
    {
        using var host = await StartedVirtualHostAsync(seed: 42);
        var callHost = host.Services.GetRequiredService<CallHost>();

        var first = await callHost.StartCallAsync(TestMenus.Load());
        var second = await callHost.StartCallAsync(TestMenus.Load());

        // Written out, not drawn again from a Random(42): the same generator on both sides could not catch a changed draw.
        Assert.That((first.Reference.ToString(), second.Reference.ToString()), Is.EqualTo(("711-512-756", "272-253-327")));
        await host.StopAsync();
    }

    [Test]
    public async Task InvokeAsync_WorkThatThrows_FaultsOnlyItsOwnTask()
    {
        using var host = await StartedVirtualHostAsync();
        var callHost = host.Services.GetRequiredService<CallHost>();

        Assert.That(async () => await callHost.InvokeAsync(() => throw new InvalidOperationException("boom")),
            Throws.InvalidOperationException.With.Message.EqualTo("boom"));
        Assert.That(await callHost.InvokeAsync(() => 41 + 1), Is.EqualTo(42), "the host keeps working");
        await host.StopAsync();
    }

    [Test]
    public async Task InvokeAsync_AfterTheHostStopped_Fails()
    {
        using var host = await StartedVirtualHostAsync();
        var callHost = host.Services.GetRequiredService<CallHost>();
        await host.StopAsync();

        Assert.That(async () => await callHost.InvokeAsync(() => 1),
            Throws.InvalidOperationException.With.Message.Contains("stopped"));
    }

    [Test]
    public async Task StartCall_InALocaleTheMenuLacks_Fails()
    {
        using var host = await StartedVirtualHostAsync();
        var callHost = host.Services.GetRequiredService<CallHost>();

        Assert.That(async () => await callHost.StartCallAsync(TestMenus.Load(), "fr-FR"), Throws.ArgumentException.With.Message.Contains("fr-FR"));
        Assert.That(await callHost.InvokeAsync(() => callHost.ActiveCalls), Is.Zero);
        await host.StopAsync();
    }

    [TestCase("tomorrow morning")]
    [TestCase("2026-11-30T09:15 Mars/Olympus")]
    public void Start_WithABadStartAt_FailsValidationNamingStartAt(string startAt)
    {
        using var host = BuildHost(("Ivr:Clock", "Virtual"), ("Ivr:StartAt", startAt));

        var exception = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(exception!.Message, Does.Contain("StartAt"));
        Assert.That(exception.Failures, Has.Some.Contains("Ivr:StartAt"));
    }

    [Test]
    public void Start_WithANegativeSeed_FailsValidationNamingSeed()
    {
        using var host = BuildHost(("Ivr:Clock", "Virtual"), ("Ivr:Seed", "-1"));

        var exception = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(exception!.Message, Does.Contain("Seed"));
    }

    [Test]
    public void Start_WithAnEmptyDefaultMenu_FailsValidationNamingDefaultMenu()
    {
        using var host = BuildHost(("Ivr:DefaultMenu", ""));

        var exception = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(exception!.Message, Does.Contain("DefaultMenu"));
    }

    [Test]
    public async Task RealClock_WithoutStartAt_IsTheWallClock()
    {
        using var host = BuildHost();
        await host.StartAsync();
        var clock = host.Services.GetRequiredService<CallClock>();

        Assert.That(clock.Mode, Is.EqualTo(ClockMode.Real));
        Assert.That(clock.Virtual, Is.Null);
        Assert.That(clock.Time, Is.SameAs(TimeProvider.System));
        Assert.That(await host.Services.GetRequiredService<CallHost>().AdvanceToNextTimerAsync(), Is.False, "real time cannot be hurried");
        await host.StopAsync();
    }

    [Test]
    public async Task ThousandsOfConcurrentCalls_AllEndAsScripted_WithNoLostUpdates()
    {
        const int callCount = 2_000;
        const int seed = 2026;
        using var host = await StartedVirtualHostAsync(seed);
        var callHost = host.Services.GetRequiredService<CallHost>();
        var menu = TestMenus.Load();
        var ends = 0;

        var scripts = new (Func<CallSession, Action>[] Steps, CallOutcomeKind Kind, string? Queue)[]
        {
            ([c => () => c.Press("1"), c => () => c.Say("payment arrangement")], CallOutcomeKind.TransferredToQueue, "billing"),
            ([c => () => c.Say("I'd like to pay my bill"), c => () => c.Press("2")], CallOutcomeKind.TransferredToQueue, "billing"),
            ([c => () => c.Press("0")], CallOutcomeKind.TransferredToQueue, "general"),
            ([c => () => c.Press("1"), c => () => c.Press("1")], CallOutcomeKind.CompletedInSelfService, null),
            ([c => () => c.Press("2"), c => () => c.Press("4815#"), c => () => c.HangUp()], CallOutcomeKind.CallerHungUp, null),
            ([c => () => c.Say("operator")], CallOutcomeKind.TransferredToQueue, "general"),
            ([c => () => c.Press("3"), c => () => c.Press("2"), c => () => c.Press("9"), c => () => c.Say("cancel my service")], CallOutcomeKind.TransferredToQueue, "retention"),
        };

        var calls = await Task.WhenAll(Enumerable.Range(0, callCount).Select(i => Task.Run(async () =>
        {
            var script = scripts[i % scripts.Length];
            var call = await callHost.StartCallAsync(menu, i % 2 == 0 ? "en-US" : null, onEvent: e =>
            {
                // Events are raised on the host's single thread, so a plain increment would do; Interlocked keeps the check honest.
                if (e.Type == CallEventType.CallEnded) Interlocked.Increment(ref ends);
            });
            foreach (var step in script.Steps)
            {
                await callHost.InvokeAsync(step(call));
                await Task.Yield();
            }
            return (Index: i, Call: call);
        })));

        var results = await callHost.InvokeAsync(() => calls.Select(c => (c.Index, c.Call.Outcome, c.Call.Transcript.Events.Count, c.Call.Reference)).ToArray());
        foreach (var (index, outcome, _, _) in results)
        {
            var script = scripts[index % scripts.Length];
            Assert.That(outcome, Is.Not.Null, $"call {index} did not end");
            Assert.That(outcome!.Kind, Is.EqualTo(script.Kind), $"call {index}");
            Assert.That(outcome.QueueId, Is.EqualTo(script.Queue), $"call {index}");
        }

        // Every call following the same script has the same number of transcript events: none lost, none doubled.
        foreach (var group in results.GroupBy(r => r.Index % scripts.Length))
        {
            Assert.That(group.Select(r => r.Count).Distinct().Count(), Is.EqualTo(1), $"script {group.Key}");
        }

        // The host's one Random handed out exactly the seeded sequence: no torn draws from racing threads.
        var expected = new Random(seed);
        var expectedReferences = Enumerable.Range(0, callCount).Select(_ => ReferenceNumber.Create(expected).Digits).Order();
        Assert.That(results.Select(r => r.Reference.Digits).Order(), Is.EqualTo(expectedReferences));

        Assert.That(ends, Is.EqualTo(callCount));
        Assert.That(await callHost.InvokeAsync(() => callHost.ActiveCalls), Is.Zero);
        await host.StopAsync();
    }

    private static Instant[] NoInputTimes(CallSession call) =>
        call.Transcript.Events.Where(e => e.Type == CallEventType.NoInput).Select(e => e.At).ToArray();
}
