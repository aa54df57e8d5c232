using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Hours;
using IvrEngine.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace IvrEngine.Hosting.Callbacks;

/// <summary>
/// Places promised callbacks. Every poll (and whenever a virtual-hold caller's place comes up) it
/// claims due callbacks from the store under a lease, so a restarted or second dialer never dials
/// one at the same time; it dials only while the queue is open and inside the calling window in
/// the callee's local time; each dial goes through Polly (a ring timeout, and retries with
/// exponential backoff from a minimum interval up to the attempt limit), and every attempt is
/// recorded. A callee who answers is put through to the queue ahead of new callers. Callees are
/// simulated: answer, busy or no answer, from the configured chances.
/// </summary>
public sealed partial class CallbackDialer : IHostedService, IDisposable
{
    private static readonly ResiliencePropertyKey<int> AttemptsLeftKey = new("ivr.callback-attempts-left");

    private readonly CallHost _host;
    private readonly ICallbackStore _store;
    private readonly CallbackOptions _options;
    private readonly ILogger<CallbackDialer> _logger;
    private readonly string _owner = $"dialer-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly Random _random;
    private readonly ResiliencePipeline<DialResult> _retries;
    private readonly ResiliencePipeline _ring;
    private CallCenter? _line;
    private CallbackLine? _claims;
    private BusinessHours? _hours;
    private ITimer? _poll;
    private string? _storeProblem;

    public CallbackDialer(CallHost host, ICallbackStore store, IOptions<CallbackOptions> options, IOptions<IvrOptions> ivrOptions, ILogger<CallbackDialer> logger)
    {
        _host = host;
        _store = store;
        _options = options.Value;
        _logger = logger;
        _random = ivrOptions.Value.Seed is { } seed ? new Random(seed) : new Random();
        var time = host.Clock.Time;
        _retries = new ResiliencePipelineBuilder<DialResult> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<DialResult>
            {
                // The backoff is waited inside the attempt (BackoffBefore): Polly's own delay resumes on the
                // thread pool, which would take virtual time off the calls' thread.
                MaxRetryAttempts = 20,
                Delay = TimeSpan.Zero,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is DialResult.Busy or DialResult.NoAnswer
                    && args.AttemptNumber + 1 < args.Context.Properties.GetValue(AttemptsLeftKey, 1)),
            })
            .Build();
        _ring = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(TimeSpan.FromSeconds(_options.RingSeconds))
            .Build();
    }

    /// <summary>Where the callbacks this dialer places are kept.</summary>
    internal ICallbackStore Store => _store;

    /// <summary>Raised after every dial, on whatever thread the dial finished (for the console).</summary>
    public event Action<CallbackAttempt>? Dialed;

    /// <summary>Raised when a claimed callback is given back for later (closed queue, outside the calling window): the callback, until when, and why.</summary>
    public event Action<CallbackRequest, Instant, string>? Postponed;

    /// <summary>
    /// The line whose callbacks this dialer places (calls are put through to its queues); it claims
    /// only that line's callbacks. On the calls' thread, before callers join. The places a previous
    /// process kept for virtual-hold callers are put back in line at their original join times; those
    /// that cannot be (no join time recorded, a queue the line no longer has) become due at once.
    /// </summary>
    public void Serve(CallCenter line)
    {
        _line = line;
        _hours = line.Hours;
        _claims = new CallbackLine(line.Menu.Name, [.. line.Menu.Queues.Keys]);
        line.CallbackDue += _ => Poll();
        TryStore(() =>
        {
            var restored = line.RestorePlaces(_store.KeptPlaces(_claims));
            var due = _store.MakeKeptPlacesDue(_claims, Now, restored);
            if (restored.Count + due > 0) Log.KeptPlaces(_logger, restored.Count, due);
        });
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _poll = _host.Every(Duration.FromSeconds(_options.PollSeconds), Poll);
        return Task.CompletedTask;
    }

    /// <summary>Stops polling and gives back the callbacks being dialed, so another dialer need not wait for their leases to lapse.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _poll?.Dispose();
        var released = 0;
        TryStore(() => released = _store.ReleaseLeases(_owner));
        if (released > 0) Log.LeasesReleased(_logger, released);
        return Task.CompletedTask;
    }

    public void Dispose() => _poll?.Dispose();

    private Instant Now => _host.Clock.Time.GetCurrentInstant();

    /// <summary>Worst case for one claim: every dial rings out and every backoff is waited.</summary>
    private Duration Lease =>
        Duration.FromSeconds((_options.RingSeconds * _options.MaxAttempts) + (_options.MinimumIntervalSeconds * Math.Pow(2, _options.MaxAttempts)) + _options.LeaseMarginSeconds);

    /// <summary>On the calls' thread: expires what is too old, claims what is due, places each.</summary>
    internal void Poll()
    {
        if (_line is null) return;
        var now = Now;
        IReadOnlyList<CallbackRequest> due = [];
        if (!TryStore(() =>
        {
            var expired = _store.ExpireDue(now);
            if (expired > 0) Log.Expired(_logger, expired);
            _store.RenewLeases(_owner, now + Lease);
            _store.SettleOrphans(now);
            due = _store.ClaimDue(now, _owner, Lease, max: DialerRules.ClaimsPerPoll, _claims);
        }))
        {
            return;
        }
        foreach (var callback in due)
        {
            if (!TryStore(() => Place(callback, now))) _line.ReleasePlace(callback.Reference);
        }
    }

    /// <summary>
    /// Runs store work; a store that fails (read-only, deleted, damaged) is logged in one line, once
    /// until it changes or recovers, not with a stack trace every poll. The line keeps serving, and
    /// the store's callbacks are retried on the next poll.
    /// </summary>
    private bool TryStore(Action work)
    {
        try
        {
            work();
            if (_storeProblem is not null) Log.StoreRecovered(_logger, _store.ToString() ?? "the callback store");
            _storeProblem = null;
            return true;
        }
        catch (CallbackStoreException exception)
        {
            if (exception.Message != _storeProblem) Log.StoreFailed(_logger, exception.Message);
            _storeProblem = exception.Message;
            return false;
        }
    }

    private void Place(CallbackRequest callback, Instant now)
    {
        if (!_line!.Menu.Queues.ContainsKey(callback.Queue))
        {
            _store.SetState(callback.Reference, CallbackState.Failed, $"queue {callback.Queue} is not in menu {_line.Menu.Name} version {_line.Menu.Version}");
            _line.ReleasePlace(callback.Reference);
            return;
        }
        if (callback.Kind == CallbackKind.VirtualHold && _line.HoldsPlaceFor(callback.Reference))
        {
            // Its place in line has not come up yet: it is dialed then (MakeDue), not at the estimate.
            _store.Postpone(callback.Reference, callback.ExpiresAt, CallbackReasons.PlaceKept, _owner);
            return;
        }
        if (NotNow(callback, now) is { } later)
        {
            if (_store.Postpone(callback.Reference, later.Until, later.Reason, _owner)) Postponed?.Invoke(callback, later.Until, later.Reason);
            _line.ReleasePlace(callback.Reference);
            return;
        }
        _ = DialAsync(callback);
    }

    /// <summary>
    /// Null when <paramref name="callback"/> may be dialed now: its queue is open and the line's calling
    /// window is open in the callee's zone (<see cref="CalleeZone"/>: the rule the offer used, so the
    /// time the caller was told is one the dialer keeps). Else when to try again, and why.
    /// </summary>
    private (Instant Until, string Reason)? NotNow(CallbackRequest callback, Instant now)
    {
        var queue = _line!.Menu.Queues[callback.Queue];
        if (queue.Hours is { } rule && !_hours!.IsOpenAt(rule.ScheduleId, now))
        {
            return (_hours.NextOpen(rule.ScheduleId, now) ?? now + Duration.FromHours(1), "queue closed");
        }
        var zone = CalleeZone.Of(callback.PhoneNumber, _line.Menu.TimeZone);
        var opens = _line.CallingWindow.NextOpen(now, zone);
        return opens > now ? (opens, $"outside the calling window in {zone.Id}") : null;
    }

    private async Task DialAsync(CallbackRequest callback)
    {
        var attempts = callback.Attempts;
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(AttemptsLeftKey, Math.Max(1, _options.MaxAttempts - callback.Attempts));
        try
        {
            var retry = 0;
            var result = await _retries.ExecuteAsync(async token =>
            {
                if (retry++ > 0)
                {
                    await _host.Clock.DelayAsync(BackoffBefore(retry - 1), token.CancellationToken).ConfigureAwait(false);
                    // The window or the queue may have closed during the backoff: check again before every dial.
                    if (NotNow(callback, Now) is { } later)
                    {
                        if (_store.Postpone(callback.Reference, later.Until, later.Reason, _owner)) Postponed?.Invoke(callback, later.Until, later.Reason);
                        return DialResult.NotNow;
                    }
                }
                attempts++;
                var dialedAt = Now;
                var dial = await RingAsync().ConfigureAwait(false);
                var outOfAttempts = attempts >= _options.MaxAttempts;
                var state = dial == DialResult.Answered ? CallbackState.Connected : outOfAttempts ? CallbackState.Failed : CallbackState.Dialing;
                var attempt = new CallbackAttempt(callback.Reference, attempts, dialedAt, Describe(dial), CallbackNumber.Mask(callback.PhoneNumber));
                if (!_store.RecordAttempt(attempt, state, _owner))
                {
                    // Another dialer took this callback over (our lease lapsed): it is theirs now.
                    Log.LeaseLost(_logger, callback.Reference.ToString());
                    return DialResult.NotNow;
                }
                Dialed?.Invoke(attempt);
                if (dial != DialResult.Answered && callback.Kind == CallbackKind.VirtualHold)
                {
                    // The place kept in line cannot wait for retries minutes apart: let the others move up.
                    _host.Post(() => _line!.ReleasePlace(callback.Reference));
                }
                return dial;
            }, context).ConfigureAwait(false);

            if (result == DialResult.Answered) PutThrough(callback);
            else if (callback.Kind == CallbackKind.VirtualHold) _host.Post(() => _line!.ReleasePlace(callback.Reference));
        }
        catch (CallbackStoreException exception)
        {
            // The store failed mid-dial: the lease lapses and the callback is claimed again once the store works.
            _host.Post(() =>
            {
                TryStore(() => throw exception);
                _line!.ReleasePlace(callback.Reference);
            });
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A dial that broke is retried later from the store; the promise is not dropped.
            Log.DialFailed(_logger, callback.Reference.ToString(), exception);
            _host.Post(() =>
            {
                TryStore(() => _store.Postpone(callback.Reference, Now + Duration.FromSeconds(_options.MinimumIntervalSeconds), "dial failed", _owner));
                _line!.ReleasePlace(callback.Reference);
            });
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The wait before retry <paramref name="retry"/> (1-based): the minimum interval, doubling each time.</summary>
    private Duration BackoffBefore(int retry) => Duration.FromSeconds(_options.MinimumIntervalSeconds * Math.Pow(2, retry - 1));

    /// <summary>One simulated dial: answered after a few rings, busy at once, or ringing out (the timeout).</summary>
    private async Task<DialResult> RingAsync()
    {
        double roll;
        lock (_random) roll = _random.NextDouble();
        if (roll >= _options.AnswerProbability && roll < _options.AnswerProbability + _options.BusyProbability) return DialResult.Busy;
        try
        {
            return await _ring.ExecuteAsync(async token =>
            {
                // A callee who answers does so after a few rings; one who does not lets it ring until the timeout.
                var rings = roll < _options.AnswerProbability ? Duration.FromSeconds(DialerRules.AnsweredAfterSeconds(_options.RingSeconds)) : Duration.FromSeconds(_options.RingSeconds * 2);
                await _host.Clock.DelayAsync(rings, token).ConfigureAwait(false);
                return DialResult.Answered;
            }).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            return DialResult.NoAnswer;
        }
    }

    private void PutThrough(CallbackRequest callback)
    {
        var line = _line!;
        _host.StartCallback(line.Menu, callback, line, e =>
        {
            if (e.Type != CallEventType.CallEnded) return;
            TryStore(() => _store.SetState(callback.Reference, CallbackState.Completed, e.Text));
        });
    }

    private static string Describe(DialResult result) => result switch
    {
        DialResult.Answered => "answered",
        DialResult.Busy => "busy",
        _ => "no-answer",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 10, EventName = "CallbacksExpired", Level = LogLevel.Information, Message = "{Count} callbacks expired before they could be placed")]
        public static partial void Expired(ILogger logger, int count);

        [LoggerMessage(EventId = 12, EventName = "LeaseLost", Level = LogLevel.Warning, Message = "Callback {Reference} was taken over by another dialer; this one stops")]
        public static partial void LeaseLost(ILogger logger, string reference);

        [LoggerMessage(EventId = 13, EventName = "CallbackStoreFailed", Level = LogLevel.Error, Message = "Callbacks are not being placed: {Problem}")]
        public static partial void StoreFailed(ILogger logger, string problem);

        [LoggerMessage(EventId = 14, EventName = "CallbackStoreRecovered", Level = LogLevel.Warning, Message = "Callbacks are being placed again: {Store} works")]
        public static partial void StoreRecovered(ILogger logger, string store);

        [LoggerMessage(EventId = 15, EventName = "LeasesReleased", Level = LogLevel.Information, Message = "{Count} callbacks being dialed were given back at stop")]
        public static partial void LeasesReleased(ILogger logger, int count);

        [LoggerMessage(EventId = 16, EventName = "KeptPlacesRestored", Level = LogLevel.Information, Message = "{Restored} places kept in line before the restart were put back; {Due} that could not be are due now")]
        public static partial void KeptPlaces(ILogger logger, int restored, int due);

        [LoggerMessage(EventId = 11, EventName = "DialFailed", Level = LogLevel.Error, Message = "Dialing callback {Reference} failed; it will be retried")]
        public static partial void DialFailed(ILogger logger, string reference, Exception exception);
    }
}
