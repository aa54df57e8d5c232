using NodaTime;

namespace IvrEngine.Queues.Agents;

/// <summary>
/// Agents as the staffing file describes them: they pick up after their answer delay (or, with their
/// no-answer probability, never), talk for a handle time drawn from their distribution, and escalate
/// with their transfer probability. Every draw comes from the centre's one seeded random stream.
/// </summary>
internal sealed class SimulatedAgentBehaviour(CenterTimers clock, Random random) : IAgentBehaviour
{
    /// <param name="raced">Others ring too: even an instant answer waits its turn on the clock, so the first ring's win can stop the rest.</param>
    public ValueTask<RingResult> RingAsync(Agent agent, IQueueCaller call, string queueId, bool raced, CancellationToken cancel)
    {
        var answers = random.NextDouble() >= agent.Profile.NoAnswerProbability;
        // An agent rung alone who answers at once does so now: no timer, and the ring pipeline completes without waiting.
        if (answers && !raced && agent.Profile.AnswerDelay <= Duration.Zero) return ValueTask.FromResult(RingResult.Answered);
        return new ValueTask<RingResult>(PickUpLaterAsync(agent, answers, cancel));
    }

    public void RingEnded(Agent agent, IQueueCaller call, string queueId, RingEnd how)
    {
        // Nobody to tell: a simulated agent's next ring is drawn afresh.
    }

    public IDisposable Talk(Agent agent, IQueueCaller call, string queueId, Action finished) => clock.After(agent.Profile.HandleTime.Sample(random), finished);

    public IDisposable WrapUp(Agent agent, Action done) => clock.After(agent.Profile.WrapUp, done);

    public string? HandsOnTo(Agent agent, string queueId)
    {
        var profile = agent.Profile;
        return profile.TransferTo is { } escalation && escalation != queueId && random.NextDouble() < profile.TransferProbability ? escalation : null;
    }

    private async Task<RingResult> PickUpLaterAsync(Agent agent, bool answers, CancellationToken cancel)
    {
        var pickUp = new TaskCompletionSource<RingResult>();
        var answer = answers ? clock.After(agent.Profile.AnswerDelay, () => pickUp.TrySetResult(RingResult.Answered)) : null;
        // A synchronous dispose: this may run inside the cancellation callback itself, where an
        // asynchronous one would wait for that callback to finish and resume on the thread pool.
#pragma warning disable CA2007
        using var onCancel = cancel.Register(() => clock.Dispatch(() => pickUp.TrySetCanceled(cancel)));
#pragma warning restore CA2007
        try
        {
            return await pickUp.Task.ConfigureAwait(false);
        }
        finally
        {
            answer?.Dispose();
        }
    }
}
