using System.Threading.Channels;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Menus;
using IvrEngine.Queues;
using IvrEngine.Queues.Staffing;
using IvrEngine.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IvrEngine.Hosting;

/// <summary>
/// The hosted service that owns calls. Every input, timeout and clock advance runs on one logical
/// thread — a single reader of a work channel — so a call's state machine never sees two triggers
/// at once, whichever thread the console, a timer or a test posts from.
/// </summary>
public sealed partial class CallHost : BackgroundService
{
    [ThreadStatic]
    private static CallHost? t_runningHost;

    private readonly Channel<Action> _work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CallClock _clock;
    private readonly ILogger<CallHost> _logger;
    private readonly Random _random;
    private readonly HashSet<CallSession> _activeCalls = [];
    private readonly CallingWindow _callingWindow;
    private bool _warmedUp;

    /// <param name="callbackOptions">Its calling window is the one every line opened here offers callback times in, and its dialer keeps.</param>
    public CallHost(CallClock clock, IOptions<IvrOptions> options, IOptions<Callbacks.CallbackOptions> callbackOptions, ILogger<CallHost> logger)
    {
        _clock = clock;
        _logger = logger;
        _callingWindow = callbackOptions.Value.CallingWindow();
        _random = options.Value.Seed is { } seed ? new Random(seed) : new Random();
    }

    public CallClock Clock => _clock;

    /// <summary>Calls not yet ended.</summary>
    public int ActiveCalls => _activeCalls.Count;

    /// <summary>Answers a new call on <paramref name="menu"/>; its reference number comes from the host's seeded sequence.</summary>
    /// <param name="callCenter">The queues and agents the call may be transferred to; null ends the call at a transfer.</param>
    public Task<CallSession> StartCallAsync(Menu menu, string? locale = null, string? callerId = null, Action<CallEvent>? onEvent = null, CallCenter? callCenter = null) =>
        InvokeAsync(() =>
        {
            // In real time a caller hears each prompt out before the silence counts; virtual time keeps prompts instant.
            var pacing = _clock.Mode == ClockMode.Real ? PromptPacing.Spoken : PromptPacing.Instant;
            var settings = new CallSettings(locale, callerId, ReferenceNumber.Create(_random), Dispatch: Dispatch, Pacing: pacing, CallCenter: callCenter);
            var call = new CallSession(menu, settings, _clock.Time);
            if (onEvent is not null) call.EventRecorded += onEvent;
            Track(call);
            call.Start();
            return call;
        });

    /// <summary>
    /// Answers a call for a simulated caller on the calls' thread (background callers: <c>ivr call --busy</c>):
    /// no transcript text, a reference from <paramref name="reference"/> rather than the host's sequence,
    /// and not started, so its caller can listen from its first event. Call it on the calls' thread.
    /// </summary>
    public CallSession AnswerQuietCall(Menu menu, CallCenter callCenter, ReferenceNumber reference, string? callerId)
    {
        var pacing = _clock.Mode == ClockMode.Real ? PromptPacing.Spoken : PromptPacing.Instant;
        var settings = new CallSettings(null, callerId, reference, Dispatch: Dispatch, Pacing: pacing, CallCenter: callCenter, Quiet: true);
        var call = new CallSession(menu, settings, _clock.Time);
        Track(call);
        return call;
    }

    /// <summary>
    /// Opens the queues of <paramref name="menu"/> with simulated agents, run on the calls' thread and
    /// clock; with a <paramref name="callbacks"/> store, queues that say so offer callbacks.
    /// </summary>
    public Task<CallCenter> OpenCallCenterAsync(Menu menu, StaffingPlan staffing, ICallbackStore? callbacks = null) =>
        InvokeAsync(() => new CallCenter(menu, staffing, _clock.Time, _random.Next(), Dispatch, callbacks, callingWindow: _callingWindow));

    /// <summary>
    /// Places the leg of a callback the callee answered: a call on <paramref name="callCenter"/> that goes
    /// straight into the callback's queue, ahead of new callers, with the original reference number.
    /// </summary>
    /// <remarks>Runs on the calls' thread: at once when already there (so in virtual time the leg starts at the very instant the callee answered), else queued.</remarks>
    public void StartCallback(Menu menu, CallbackRequest callback, CallCenter callCenter, Action<CallEvent>? onEvent = null) =>
        Dispatch(() =>
        {
            var settings = new CallSettings(callback.Locale, callback.PhoneNumber, callback.Reference, Dispatch: Dispatch, CallCenter: callCenter);
            var call = new CallSession(menu, settings, _clock.Time);
            if (onEvent is not null) call.EventRecorded += onEvent;
            Track(call);
            call.StartCallback(callback.Queue);
        });

    /// <summary>Runs <paramref name="work"/> on the calls' thread without waiting: at once when already on it, else queued.</summary>
    public void Post(Action work) => Dispatch(work);

    /// <summary>Runs <paramref name="work"/> on the calls' thread every <paramref name="interval"/> of the host's clock, until disposed.</summary>
    public ITimer Every(Duration interval, Action work) =>
        _clock.Time.CreateTimer(_ => Dispatch(work), null, interval.ToTimeSpan(), interval.ToTimeSpan());

    private void Track(CallSession call)
    {
        call.EventRecorded += e =>
        {
            if (e.Type == CallEventType.CallEnded) _activeCalls.Remove(call);
        };
        // A fault ends only its own call: one log line names it, and every other call goes on.
        call.Faulted += (faulted, exception) =>
        {
            _activeCalls.Remove(faulted);
            Log.CallFaulted(_logger, faulted.Reference.ToString(), faulted.CurrentNodeId ?? "the greeting", exception);
        };
        _activeCalls.Add(call);
    }

    /// <summary>Runs <paramref name="work"/> on the calls' thread and waits for it.</summary>
    public Task InvokeAsync(Action work) => InvokeAsync(() =>
    {
        work();
        return true;
    });

    /// <summary>Runs <paramref name="work"/> on the calls' thread and returns its result.</summary>
    public Task<T> InvokeAsync<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var posted = _work.Writer.TryWrite(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception exception)
            {
                completion.SetException(exception);
            }
        });
        if (!posted) completion.SetException(new InvalidOperationException("The call host has stopped."));
        return completion.Task;
    }

    /// <summary>
    /// Lets <paramref name="duration"/> pass: virtual time jumps (firing due timeouts on the calls'
    /// thread), real time is waited out while timeouts fire as they fall due.
    /// </summary>
    public Task AdvanceAsync(Duration duration, CancellationToken cancellationToken = default) =>
        _clock.Virtual is { } virtualClock
            ? InvokeAsync(() => virtualClock.Advance(duration))
            : _clock.DelayAsync(duration, cancellationToken);

    /// <summary>
    /// Runs the clock's warm-up through (<see cref="CallClock.WarmUp"/>), on the calls' thread: the line
    /// lives that long at once, in virtual time, then the clock is at its start (real time goes on from
    /// there). Nothing to do without a warm-up, or a second time.
    /// </summary>
    public Task FinishWarmUpAsync() => InvokeAsync(() =>
    {
        if (_clock.Time is WarmUpTimeProvider warming) warming.FinishWarmUp();
        else if (_clock.Virtual is { } virtualClock && !_warmedUp) virtualClock.Advance(_clock.WarmUp);
        _warmedUp = true;
    });

    /// <summary>
    /// Virtual time only: jumps to the next due timeout and fires it. False when nothing is
    /// scheduled, or when time is real (it cannot be hurried).
    /// </summary>
    public Task<bool> AdvanceToNextTimerAsync() =>
        _clock.Virtual is { } virtualClock ? InvokeAsync(virtualClock.RunNext) : Task.FromResult(false);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                if (!await _work.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false)) break;

                // Mark this pool thread as the calls' thread only while it drains: left set, a
                // real-time timer later running on the same pool thread would run call work inline,
                // beside the loop's next drain on another thread.
                t_runningHost = this;
                try
                {
                    while (_work.Reader.TryRead(out var work)) RunSafely(work);
                }
                finally
                {
                    t_runningHost = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        finally
        {
            t_runningHost = null;
            _work.Writer.TryComplete();
        }
    }

    /// <summary>
    /// Stops the loop and closes the work channel, so work posted afterwards fails at once. The
    /// loop's own <c>finally</c> is not enough: since .NET 10 <see cref="BackgroundService"/> starts
    /// <see cref="ExecuteAsync"/> with <c>Task.Run</c> and the stopping token, so a host stopped
    /// before the loop got a thread never runs it, and the channel would stay open for ever.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _work.Writer.TryComplete();
        }
    }

    /// <summary>Timer callbacks reach a call here: inline when already on the calls' thread (virtual time), else queued.</summary>
    private void Dispatch(Action work)
    {
        if (ReferenceEquals(t_runningHost, this)) work();
        else _work.Writer.TryWrite(work);
    }

    private void RunSafely(Action work)
    {
        try
        {
            work();
        }
        catch (Exception exception)
        {
            // A bug in one call must not stop every other call.
            Log.WorkFailed(_logger, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "WorkFailed", Level = LogLevel.Error, Message = "A call's work item failed")]
        public static partial void WorkFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 2, EventName = "CallFaulted", Level = LogLevel.Error, Message = "Call {Reference} ended by a fault at {Node}; other calls go on")]
        public static partial void CallFaulted(ILogger logger, string reference, string node, Exception exception);
    }
}
