using IvrEngine.Queues.Admission;
using IvrEngine.Queues.Agents;
using IvrEngine.Queues.Connections;
using IvrEngine.Queues.Routing;
using Polly;
using Polly.Timeout;

namespace IvrEngine.Queues.Ringing;

/// <summary>
/// Offers one waiting caller to agents through the Polly pipelines: each attempt rings whom the queue's
/// strategy chooses, for the queue's ring timeout; no answer rings the next, up to the queue's ring
/// attempts; anything unexpected sends the caller to the overflow. The answer is acted on here: connect,
/// overflow, or back to routing.
/// </summary>
internal sealed class Ringer(WaitingLines lines, QueueRecorder recorder, CenterTimers clock, FreeAgents freeAgents, AgentChoices choices,
    IAgentBehaviour behaviour, AgentRotation rotation, AgentConnections connections, QueueAdmission admission, AgentRoster roster, Action route)
{
    private readonly ResiliencePipeline<RingResult> _offerPipeline = RingPipelines.ForOffers(clock.Time);

    /// <summary>Starts ringing for <paramref name="entry"/>; the caller leaving cancels it.</summary>
    public void Start(QueuedCall entry)
    {
        entry.Offer = new CancellationTokenSource();
        _ = OfferAsync(entry, entry.Offer.Token);
    }

    private async Task OfferAsync(QueuedCall entry, CancellationToken abandoned)
    {
        var context = ResilienceContextPool.Shared.Get(abandoned);
        context.Properties.Set(RingPipelines.RingAttemptsKey, entry.Queue.Definition.RingAttempts);
        var tried = new HashSet<Agent>();
        RingResult result;
        try
        {
            var ringing = _offerPipeline.ExecuteAsync(ctx => RingNextAsync(entry, tried, ctx), context);
            // A ring that ended at once (an agent who answered at once, or nobody to ring) is acted on at
            // the clock's next turn at this instant, as any answer is: never inside the routing pass, or
            // inside the caller's own move into the queue.
            if (ringing.IsCompleted) await clock.NextTurnAsync().ConfigureAwait(false);
            result = await ringing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The caller left while agents were ringing (the abandon is recorded); the rung agents are free again.
            route();
            return;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            entry.Offer?.Dispose();
            entry.Offer = null;
        }

        switch (result)
        {
            // Still this entry: a caller who left in the meantime may already wait again, elsewhere, as a new one.
            case RingResult.Answered when entry.AnsweredBy is { } agent && lines.IsWaiting(entry):
                connections.Connect(entry, agent);
                break;
            case RingResult.Failed:
                admission.Leave(entry, QueueEventType.ExitWithTimeout, "the agents could not be rung");
                break;
            default:
                // An agent who picked up for a caller who has just left goes back to waiting for the next.
                if (entry.AnsweredBy is { State: AgentState.Ringing } idle) idle.MoveTo(AgentState.Available, clock.Now);
                route();
                break;
        }
    }

    /// <summary>One attempt: ring whom the queue's strategy chooses among the free agents not rung yet.</summary>
    private async ValueTask<RingResult> RingNextAsync(QueuedCall entry, HashSet<Agent> tried, ResilienceContext context)
    {
        var free = freeAgents.For(entry, except: tried);
        if (free.Count == 0) return RingResult.NoAgentFree;

        var toRing = choices.For(entry.Queue.Definition.Strategy).Choose(entry.Queue, free);
        if (toRing.One is { } chosen)
        {
            entry.Queue.LastRung = chosen;
            // One agent rung: nothing else to stop when they answer, so no linked cancellation and no race.
            tried.Add(chosen);
            var (_, pickedUp) = await RingAgentAsync(chosen, entry, raced: false, context.CancellationToken).ConfigureAwait(false);
            if (pickedUp)
            {
                entry.AnsweredBy = chosen;
                return RingResult.Answered;
            }
            context.CancellationToken.ThrowIfCancellationRequested();
            return RingResult.NoAnswer;
        }
        return await RaceAsync(entry, toRing.Race!, tried, context).ConfigureAwait(false);
    }

    /// <summary>Rings several agents at once: the first to pick up wins, and the others are stopped.</summary>
    private async ValueTask<RingResult> RaceAsync(QueuedCall entry, List<Agent> racers, HashSet<Agent> tried, ResilienceContext context)
    {
        tried.UnionWith(racers);
        using var stopOthers = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var rings = racers.Select(agent => RingAgentAsync(agent, entry, raced: true, stopOthers.Token).AsTask()).ToList();
        while (rings.Count > 0)
        {
            var done = await Task.WhenAny(rings).ConfigureAwait(false);
            rings.Remove(done);
            var (agent, answered) = await done.ConfigureAwait(false);
            if (!answered) continue;
            entry.AnsweredBy = agent;
            // Cancel, not CancelAsync: the losing rings must stop here, on the calls' thread, not on the pool.
#pragma warning disable CA1849
            stopOthers.Cancel();
#pragma warning restore CA1849
            foreach (var (other, alsoAnswered) in await Task.WhenAll(rings).ConfigureAwait(false))
            {
                // Picked up in the same turn as the winner, before the stop reached them: the caller is
                // taken, so they are free again (left Ringing, they would never be offered a call again).
                if (!alsoAnswered) continue;
                roster.RingedOut(other);
                behaviour.RingEnded(other, entry.Call, entry.Queue.Id, RingEnd.Withdrawn);
            }
            return RingResult.Answered;
        }
        context.CancellationToken.ThrowIfCancellationRequested();
        return RingResult.NoAnswer;
    }

    /// <param name="raced">Other agents ring for the same caller (ring-all): the first to pick up wins, and the others are stopped.</param>
    private async ValueTask<(Agent Agent, bool Answered)> RingAgentAsync(Agent agent, QueuedCall entry, bool raced, CancellationToken cancel)
    {
        var started = clock.Now;
        agent.MoveTo(AgentState.Ringing, started);
        if (recorder.Recording) recorder.Record(new QueueEvent(started, QueueEventType.Ring, entry.Queue.Id, entry.Call.Reference.ToString(), agent.Name));
        var context = ResilienceContextPool.Shared.Get(cancel);
        context.Properties.Set(RingPipelines.RingTimeoutKey, entry.Queue.Definition.RingTimeout.ToTimeSpan());
        try
        {
            var outcome = await agent.RingPipeline.ExecuteOutcomeAsync(
                async (ctx, ring) =>
                {
                    try
                    {
                        return Outcome.FromResult(await ring.Behaviour.RingAsync(ring.Agent, ring.Call, ring.Queue, ring.Raced, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (OperationCanceledException cancelled)
                    {
                        // The ring timeout (or a ring-all winner, or the caller hanging up) stopped the ring.
                        return Outcome.FromException<RingResult>(cancelled);
                    }
                },
                context,
                (Agent: agent, Call: entry.Call, Queue: entry.Queue.Id, Raced: raced, Behaviour: behaviour)).ConfigureAwait(false);
            if (outcome.Exception is null && outcome.Result == RingResult.Answered)
            {
                rotation.Note(agent);
                return (agent, true);
            }
            // A ring-out: the timeout passed, or the agent declined (a live agent's choice); either way the retry rings the next.
            var how = outcome.Exception is TimeoutRejectedException ? RingEnd.TimedOut
                : outcome.Exception is null && outcome.Result == RingResult.NoAnswer ? RingEnd.Declined
                : RingEnd.Withdrawn;
            if (how != RingEnd.Withdrawn && recorder.Recording)
            {
                recorder.Record(new QueueEvent(clock.Now, QueueEventType.RingNoAnswer, entry.Queue.Id, entry.Call.Reference.ToString(), agent.Name, Ring: clock.Now - started,
                    Detail: how == RingEnd.Declined ? "declined" : null));
            }
            roster.RingedOut(agent);
            rotation.Note(agent);
            behaviour.RingEnded(agent, entry.Call, entry.Queue.Id, how);
            return (agent, false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
