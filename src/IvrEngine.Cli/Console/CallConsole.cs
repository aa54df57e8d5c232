using IvrEngine.Calls;
using IvrEngine.Hosting;
using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Cli.Console;

/// <summary>
/// A phone in the terminal: prints what the line says as it says it, and turns each typed line
/// into what a caller does. Prompts that a timeout triggers appear while the caller is idle.
/// </summary>
internal sealed class CallConsole(CallHost host, TextReader input, TextWriter output, bool echoInput)
{
    /// <summary>Runs one call to its end: the line hangs up, or the caller types <c>hangup</c>, presses Ctrl+C or ends the input.</summary>
    public async Task<CallSession> RunAsync(Menu menu, string? locale, string? callerId, CancellationToken cancellationToken)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callStart = Instant.MinValue;
        void Show(CallEvent callEvent)
        {
            if (callEvent.Type == CallEventType.CallStarted) callStart = callEvent.At;
            if (CallEventFormatter.Format(callEvent, callStart) is { } line) output.WriteLine(line);
            if (callEvent.Type == CallEventType.CallEnded) ended.TrySetResult();
        }

        var interrupted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onInterrupt = cancellationToken.Register(() => interrupted.TrySetResult());

        var call = await host.StartCallAsync(menu, locale, callerId, Show);
        Task<string?>? pendingLine = null;
        while (!ended.Task.IsCompleted)
        {
            // Console reads block; reading on the side lets a timeout end the call while the caller is silent.
            pendingLine ??= Task.Run(input.ReadLine, CancellationToken.None);
            var first = await Task.WhenAny(pendingLine, ended.Task, interrupted.Task);
            if (first == ended.Task) break;
            if (first == interrupted.Task)
            {
                output.WriteLine("(interrupted: the caller hangs up)");
                await host.InvokeAsync(call.HangUp);
                break;
            }

            var line = await pendingLine;
            pendingLine = null;
            if (line is null)
            {
                output.WriteLine("(end of input: the caller hangs up)");
                await host.InvokeAsync(call.HangUp);
                break;
            }
            if (echoInput) output.WriteLine($"> {line}");
            await PerformAsync(CallerCommand.Parse(line), call, cancellationToken);
        }
        return call;
    }

    private async Task PerformAsync(CallerCommand command, CallSession call, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case CallerCommand.PressKeys press:
                await host.InvokeAsync(() => call.Press(press.Keys));
                break;
            case CallerCommand.SayWords say:
                await host.InvokeAsync(() => call.Say(say.Utterance));
                break;
            case CallerCommand.Wait { For: { } duration }:
                await host.AdvanceAsync(duration, cancellationToken);
                break;
            case CallerCommand.Wait:
                if (!await host.AdvanceToNextTimerAsync()) output.WriteLine("(nothing is waiting to happen; in real time, write wait 5)");
                break;
            case CallerCommand.HangUp:
                await host.InvokeAsync(call.HangUp);
                break;
            case CallerCommand.Where:
                output.WriteLine(await host.InvokeAsync(() => Describe(call)));
                break;
            case CallerCommand.Help:
                output.WriteLine(HelpText);
                break;
            case CallerCommand.Unknown unknown:
                output.WriteLine(unknown.Message);
                break;
        }
    }

    public const string HelpText = """
        Type what the caller does, then Enter:
          1, 00, 21#      press keys (each character one press: 0-9 * #)
          say <words>     speak, e.g. say I want to talk to an agent
          wait [seconds]  let time pass (no-input timeouts fire); alone: until the line acts
          where           the current node, the path so far, the state
          hangup          hang up
          help            this text
        """;

    private string Describe(CallSession call)
    {
        var elapsed = CallEventFormatter.Elapsed(host.Clock.Clock.GetCurrentInstant() - call.StartedAt);
        return $"node '{call.CurrentNodeId}' ({call.State}), {elapsed} into the call, path {string.Join(" > ", call.Path)}, reference {call.Reference}";
    }
}
