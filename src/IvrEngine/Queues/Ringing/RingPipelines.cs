using Polly;
using Polly.CircuitBreaker;
using Polly.Fallback;
using Polly.Retry;
using Polly.Timeout;

namespace IvrEngine.Queues.Ringing;

/// <summary>
/// The Polly pipelines that ring agents: per offer, a fallback (anything unexpected sends the caller
/// to the overflow) around a retry that rings the next agent; per agent, a circuit breaker (out of
/// rotation after unanswered rings) around the ring timeout.
/// </summary>
internal static class RingPipelines
{
    /// <summary>Agents who fail to answer this many rings in a row are out of rotation for <see cref="BreakDuration"/>.</summary>
    public const int FailuresBeforeBreak = 3;

    public static readonly TimeSpan BreakDuration = TimeSpan.FromMinutes(5);

    public static readonly ResiliencePropertyKey<TimeSpan> RingTimeoutKey = new("ivr.ring-timeout");

    public static readonly ResiliencePropertyKey<int> RingAttemptsKey = new("ivr.ring-attempts");

    private static readonly TimeSpan SamplingDuration = TimeSpan.FromMinutes(30);

    public static ResiliencePipeline<RingResult> ForOffers(TimeProvider time) =>
        new ResiliencePipelineBuilder<RingResult> { TimeProvider = time }
            .AddFallback(new FallbackStrategyOptions<RingResult>
            {
                // Anything unexpected while ringing: the caller goes to the overflow, never to an exception.
                ShouldHandle = new PredicateBuilder<RingResult>().Handle<Exception>(e => e is not OperationCanceledException),
                FallbackAction = _ => Outcome.FromResultAsValueTask(RingResult.Failed),
            })
            .AddRetry(new RetryStrategyOptions<RingResult>
            {
                // Redirect on no answer: the next attempt rings the next agent, up to the queue's ringAttempts.
                MaxRetryAttempts = Menus.QueueDefinition.MaxRingAttempts,
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result == RingResult.NoAnswer
                    && args.AttemptNumber + 1 < args.Context.Properties.GetValue(RingAttemptsKey, 1)),
            })
            .Build();

    public static ResiliencePipeline<RingResult> ForAgent(Agent agent, TimeProvider time) =>
        new ResiliencePipelineBuilder<RingResult> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<RingResult>
            {
                // An agent who leaves the phone ringing (or declines) again and again is taken out of rotation for a while.
                FailureRatio = 1.0,
                MinimumThroughput = FailuresBeforeBreak,
                SamplingDuration = SamplingDuration,
                BreakDuration = BreakDuration,
                // A declined ring (a live agent's choice) counts as one left to ring out.
                ShouldHandle = new PredicateBuilder<RingResult>().Handle<TimeoutRejectedException>().HandleResult(RingResult.NoAnswer),
                // No OnOpened/OnClosed callbacks: Polly runs those on the thread pool, outside the
                // calls' thread. The state is read after each ring instead (AgentRotation.Note).
                StateProvider = agent.Circuit,
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(RingTimeoutKey, Menus.QueueDefinition.DefaultRingTimeout.ToTimeSpan())),
            })
            .Build();
}
