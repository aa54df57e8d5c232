using System.Collections.Concurrent;
using IvrEngine.Cli.Console;
using IvrEngine.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// A <c>wait</c> on the real clock in the console: a person typing at the terminal cuts it short and
/// what they typed is acted on at once, instead of being held back until the wait is over.
/// </summary>
public sealed class CallConsoleWaitTests
{
    /// <summary>Keys arriving as a person types them: each read waits until the test "types".</summary>
    private sealed class TypedKeys : TextReader
    {
        private readonly BlockingCollection<int> _keys = [];

        public void Type(string line)
        {
            foreach (var c in line + "\n") _keys.Add(c);
        }

        public override int Read() => _keys.Take();
    }

    [Test]
    public async Task ALineTypedDuringARealClockWait_CutsTheWaitShort_AndIsActedOnAtOnce()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddInMemoryCollection([new("Ivr:Clock", "Real")]);
        builder.Logging.ClearProviders();
        builder.Services.AddIvrEngine(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        var keys = new TypedKeys();
        var output = new StringWriter();
        var console = new CallConsole(host.Services.GetRequiredService<CallHost>(), null, new PlainCallScreen(keys, TextWriter.Synchronized(output)), echoInput: false);

        var run = console.RunAsync(IvrEngine.Menus.MenuLoader.LoadFile(RepoPaths.BundledMenu).Menu!, null, null, CancellationToken.None);
        keys.Type("wait 10m");
        await WaitForAsync(output, "waiting 10:00");
        keys.Type("hangup");

        // Held back until the ten minutes had passed, the hang-up would leave the call running here.
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.That(finished, Is.SameAs(run), output.ToString());
        var call = await run;
        Assert.Multiple(() =>
        {
            Assert.That(output.ToString(), Does.Contain("wait cut short after"));
            Assert.That(call.IsEnded, Is.True);
            Assert.That(call.Outcome!.ToString(), Does.Contain("caller hung up"));
        });
        await host.StopAsync();
    }

    private static async Task WaitForAsync(StringWriter output, string text)
    {
        for (var tries = 0; tries < 300 && !output.ToString().Contains(text, StringComparison.Ordinal); tries++) await Task.Delay(100);
        Assert.That(output.ToString(), Does.Contain(text));
    }
}
