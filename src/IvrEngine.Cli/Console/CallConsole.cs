using IvrEngine.Calls;
using IvrEngine.Hosting;
using IvrEngine.Menus;
using IvrEngine.Queues;
using NodaTime;

namespace IvrEngine.Cli.Console;

/// <summary>
/// A phone in the terminal: prints what the line says as it says it, and turns each typed line
/// into what a caller does. Prompts that a timeout triggers appear while the caller is idle.
/// </summary>
internal sealed class CallConsole(CallHost host, CallCenter? callCenter, ICallScreen screen, bool echoInput, CallLinePainter? painter = null)
{
    private readonly CallLinePainter _painter = painter ?? CallLinePainter.Plain;

    public const string HelpText = """
        Type what the caller does, then Enter:
          1, 00, 21#      press keys (each character one press: 0-9 * #); 'press 1' works too
                          (keys are read when you press Enter: typed keys without Enter are not sent)
          say <words>     speak, e.g. say I want to talk to an agent
          wait [seconds]  let time pass (no-input timeouts fire); alone: until the line says something
                          or an agent answers; on the real clock, typing a line cuts the wait short
          where           the current node, the path so far, the state (and place in the queue)
          transfer QUEUE  the agent you are talking to hands you to another queue
          hangup          hang up (Ctrl+C too, or Ctrl+D on an empty line)
          help            this text
        At a terminal, what you type stays on the '> ' line under the call's lines as they arrive;
        Backspace erases a character, Ctrl+U the whole line; Up and Down bring back earlier lines.
        """;

    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _interrupted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _lineSpoke = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Instant _callStart = Instant.MinValue;

    /// <summary>Prompts shorter than this pass too quickly for a note to help.</summary>
    private static readonly Duration MinSpeakingNote = Duration.FromSeconds(4);

    private string? _locale;
    private Instant _speakingUntil = Instant.MinValue;
    private int _promptGeneration;
    private ITimer? _listening;
    private Task<CallerLine?>? _pendingLine;

    /// <summary>Stands for typed input where none may cut a wait short (piped input).</summary>
    private static readonly Task Never = new TaskCompletionSource().Task;

    /// <summary>Runs one call to its end: the line hangs up, or the caller types <c>hangup</c>, presses Ctrl+C or ends the input.</summary>
    public async Task<CallSession> RunAsync(Menu menu, string? locale, string? callerId, CancellationToken cancellationToken)
    {
        await using var onInterrupt = cancellationToken.Register(() => _interrupted.TrySetResult());
        _locale = menu.ResolveLocale(locale);
        var call = await host.StartCallAsync(menu, locale, callerId, Show, callCenter);
        if (callCenter is not null)
        {
            var reference = call.Reference.ToString();
            callCenter.EventRecorded += e =>
            {
                if (e.Reference == reference && CallEventFormatter.Format(e, _callStart) is { } line && _painter.Paint(line, spoken: false) is { } painted) screen.WriteLine(painted);
            };
        }
        while (!_ended.Task.IsCompleted)
        {
            if (_interrupted.Task.IsCompleted)
            {
                await HangUpAsync(call, "(interrupted: the caller hangs up)");
                break;
            }

            var pendingLine = NextLine();
            if (await Task.WhenAny(pendingLine, _ended.Task, _interrupted.Task) != pendingLine) continue;

            var line = await pendingLine;
            _pendingLine = null;
            if (line is null)
            {
                await HangUpAsync(call, "(end of input: the caller hangs up)");
                break;
            }
            if (line.Text is not { } text)
            {
                screen.WriteLine(line.IgnoredNote);
                continue;
            }
            if (echoInput) screen.WriteLine(CallerPrompt.Marker + CallEventFormatter.Printable(text));
            await PerformAsync(CallerCommand.Parse(text), call, cancellationToken);
        }

        _listening?.Dispose();
        return call;
    }

    /// <summary>
    /// The caller's next line, awaited aside: a timeout may end the call, or a line typed during a
    /// real-clock wait cut the wait short, while the caller is silent.
    /// </summary>
    private Task<CallerLine?> NextLine() => _pendingLine ??= screen.ReadLineAsync();

    private void Show(CallEvent callEvent)
    {
        if (callEvent.Type == CallEventType.CallStarted) _callStart = callEvent.At;
        // The call's end is kept in a caller-only view: it is what the caller hears last.
        var spoken = callEvent.Type is CallEventType.Prompt or CallEventType.CallEnded;
        if (CallEventFormatter.Format(callEvent, _callStart) is { } line && _painter.Paint(line, spoken) is { } painted) screen.WriteLine(painted);
        if (callEvent.Type == CallEventType.Prompt && host.Clock.Mode == ClockMode.Real) ShowSpeaking(callEvent);
        // As a flow's bare 'wait': an agent answering counts as the line doing something.
        if (callEvent.Type is CallEventType.Prompt or CallEventType.AgentConnected or CallEventType.CallEnded) _lineSpoke.TrySetResult();
        if (callEvent.Type == CallEventType.CallEnded) _ended.TrySetResult();
    }

    /// <summary>
    /// On the real clock the whole prompt is printed at once but takes its time to say: a note says
    /// how long, another when the line starts listening, so the screen never sits still unexplained.
    /// </summary>
    private void ShowSpeaking(CallEvent prompt)
    {
        var saying = SpeakingTime.Of(prompt.Text ?? string.Empty, _locale ?? "en-US");
        var generation = Interlocked.Increment(ref _promptGeneration);
        _speakingUntil = prompt.At + saying;
        if (saying < MinSpeakingNote) return;
        Note(prompt.At, $"speaking for {Time.ElapsedText.Clock(saying)}; keys or words cut in");
        _listening?.Dispose();
        _listening = host.Clock.Time.CreateTimer(_ =>
        {
            // A newer prompt, or input that cut this one short, has already said what comes next.
            if (Volatile.Read(ref _promptGeneration) == generation) Note(_speakingUntil, "listening");
        }, null, saying.ToTimeSpan(), Timeout.InfiniteTimeSpan);
    }

    /// <summary>Input while the line is still speaking cuts the prompt short, as the engine does (barge-in).</summary>
    private void MarkBargeIn()
    {
        if (host.Clock.Mode != ClockMode.Real) return;
        var now = host.Clock.Clock.GetCurrentInstant();
        if (now >= _speakingUntil) return;
        Interlocked.Increment(ref _promptGeneration);
        Note(now, $"cut short, {Time.ElapsedText.Clock(_speakingUntil - now)} before the prompt's end");
    }

    private void Note(Instant at, string text)
    {
        if (_painter.Paint($"[{Time.ElapsedText.Clock(at - _callStart)}] · {text}", spoken: false) is { } painted) screen.WriteLine(painted);
    }

    private async Task HangUpAsync(CallSession call, string note)
    {
        if (_ended.Task.IsCompleted) return;
        screen.WriteLine(note);
        await host.InvokeAsync(call.HangUp);
    }

    private async Task PerformAsync(CallerCommand command, CallSession call, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case CallerCommand.PressKeys press:
                MarkBargeIn();
                await host.InvokeAsync(() => call.Press(press.Keys));
                break;
            case CallerCommand.SayWords say:
                MarkBargeIn();
                await host.InvokeAsync(() => call.Say(say.Utterance));
                break;
            case CallerCommand.Wait { For: { } duration } when host.Clock.Mode == ClockMode.Virtual:
                await host.AdvanceAsync(duration, cancellationToken);
                break;
            case CallerCommand.Wait { For: { } duration }:
                await WaitInRealTimeAsync(duration, cancellationToken);
                break;
            case CallerCommand.Wait:
                await WaitForTheLineAsync();
                break;
            case CallerCommand.HangUp:
                await host.InvokeAsync(call.HangUp);
                break;
            case CallerCommand.Where:
                screen.WriteLine(await host.InvokeAsync(() => Describe(call)));
                break;
            case CallerCommand.TransferTo transfer:
                screen.WriteLine(await host.InvokeAsync(() => TransferByAgent(call, transfer.Queue)));
                break;
            case CallerCommand.Help:
                screen.WriteLine(HelpText);
                break;
            case CallerCommand.Unknown unknown:
                screen.WriteLine(unknown.Message);
                break;
        }
    }

    /// <summary>
    /// A real-clock wait, said to be one so the screen is not silently stuck: it ends early when the call
    /// does, on Ctrl+C, or when the caller types a line, which is then acted on at once (as a real caller
    /// who stops waiting and presses a key) rather than held back until the time is up. Piped input is a
    /// script whose next line is already there: its waits are waited out.
    /// </summary>
    private async Task WaitInRealTimeAsync(Duration duration, CancellationToken cancellationToken)
    {
        var started = host.Clock.Clock.GetCurrentInstant();
        var typing = !echoInput;
        Note(started, typing ? $"waiting {Time.ElapsedText.Clock(duration)}; type to cut it short" : $"waiting {Time.ElapsedText.Clock(duration)}");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waited = host.AdvanceAsync(duration, stop.Token);
        var typed = typing ? NextLine() : Never;
        var first = await Task.WhenAny(waited, typed, _ended.Task, _interrupted.Task);
        await stop.CancelAsync();
        if (first == typed && !_ended.Task.IsCompleted)
        {
            var now = host.Clock.Clock.GetCurrentInstant();
            Note(now, $"wait cut short after {Time.ElapsedText.Clock(now - started)} by your input");
        }
        try
        {
            await waited;
        }
        catch (OperationCanceledException)
        {
            // Cut short, as said.
        }
    }

    /// <summary>Bare <c>wait</c>: until the line next says something (or the call ends).</summary>
    private async Task WaitForTheLineAsync()
    {
        var spoke = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _lineSpoke, spoke);
        if (host.Clock.Mode == ClockMode.Virtual)
        {
            // Jump from timer to timer until one makes the line speak.
            while (!spoke.Task.IsCompleted && await host.AdvanceToNextTimerAsync())
            {
            }
            if (!spoke.Task.IsCompleted) screen.WriteLine("(nothing is waiting to happen)");
            return;
        }
        // Typing at a terminal ends the wait too: the line is acted on at once.
        var typed = echoInput ? Never : NextLine();
        await Task.WhenAny(spoke.Task, _ended.Task, _interrupted.Task, typed);
    }

    private string Describe(CallSession call)
    {
        var elapsed = Time.ElapsedText.Clock(host.Clock.Clock.GetCurrentInstant() - call.StartedAt);
        var where = $"node '{call.CurrentNodeId}' ({call.State}), {elapsed} into the call, path {string.Join(" > ", call.Path)}, reference {call.Reference}";
        // With an agent the node is only where the menu left off: say whom the caller is talking to, and in which queue.
        if (call.State == CallState.WithAgent && call.QueueVisits.Count > 0)
        {
            var agent = call.Transcript.Events.LastOrDefault(e => e.Type == CallEventType.AgentConnected)?.Text ?? "an agent";
            return $"talking to {agent} of queue {call.QueueVisits[^1].Queue}; {where}";
        }
        if (callCenter?.PositionOf(call) is not { } position) return where;
        var wait = callCenter.ExpectedWaitOf(call) is { } expected ? WaitPhrase.For(expected, "en-US") : "no estimate yet";
        return $"{where}; queue {call.QueueVisits[^1].Queue}, position {position}, expected wait {wait}";
    }

    private string TransferByAgent(CallSession call, string queue)
    {
        if (callCenter is null) return "(no agents are simulated on this line)";
        if (!call.Menu.Queues.ContainsKey(queue)) return $"(there is no queue '{queue}'; the queues are {string.Join(", ", call.Menu.Queues.Keys)})";
        if (call.State != CallState.WithAgent) return "(no agent is on the line to transfer you)";
        callCenter.TransferByAgent(call, queue);
        return $"(the agent transfers you to {queue})";
    }
}
