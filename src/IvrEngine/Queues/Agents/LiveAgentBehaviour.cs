namespace IvrEngine.Queues.Agents;

/// <summary>
/// Live agents: a person reached through the service. A ring lasts until they accept or decline (or
/// the ring pipeline's timeout, the caller leaving, or another agent of a ring-all stops it); talk lasts
/// until they hang up or transfer; wrap-up until they say it is done. Nothing is drawn from the centre's
/// random stream, so simulated agents beside them behave exactly as without them.
/// </summary>
internal sealed class LiveAgentBehaviour(CenterTimers clock) : IAgentBehaviour
{
    private readonly Dictionary<Agent, LiveSeat> _seats = [];

    /// <summary>Told of each offer, ring end, talk and its end (state changes come through <see cref="Agent.Moved"/>).</summary>
    public Action<Agent, LiveAgentEventKind, IQueueCaller, string, string?>? Happened { get; set; }

    public LiveSeat SeatOf(Agent agent)
    {
        if (!_seats.TryGetValue(agent, out var seat)) _seats[agent] = seat = new LiveSeat();
        return seat;
    }

    public ValueTask<RingResult> RingAsync(Agent agent, IQueueCaller call, string queueId, bool raced, CancellationToken cancel) =>
        new(WaitForAnswerAsync(agent, call, queueId, cancel));

    public void RingEnded(Agent agent, IQueueCaller call, string queueId, RingEnd how)
    {
        SeatOf(agent).Offer = null;
        var kind = how switch
        {
            RingEnd.TimedOut => LiveAgentEventKind.RangOut,
            RingEnd.Declined => LiveAgentEventKind.Declined,
            _ => LiveAgentEventKind.OfferWithdrawn,
        };
        Happened?.Invoke(agent, kind, call, queueId, null);
    }

    public IDisposable Talk(Agent agent, IQueueCaller call, string queueId, Action finished)
    {
        var seat = SeatOf(agent);
        seat.Offer = null;
        seat.Talk = (call, queueId, finished);
        Happened?.Invoke(agent, LiveAgentEventKind.Connected, call, queueId, null);
        return new TalkEnd(this, agent, seat, call, queueId);
    }

    public string? HandsOnTo(Agent agent, string queueId)
    {
        var seat = SeatOf(agent);
        var to = seat.TransferTo;
        seat.TransferTo = null;
        return to;
    }

    public IDisposable WrapUp(Agent agent, Action done)
    {
        var seat = SeatOf(agent);
        seat.EndWrapUp = done;
        return new WrapUpEnd(seat);
    }

    /// <summary>
    /// The agent accepts the call offered now; false when none is. An offer already stopped (the ring
    /// timed out, the caller left, another agent of a ring-all won) cannot be taken, even in the moment
    /// before its stop reaches the seat.
    /// </summary>
    public bool Accept(Agent agent) => SeatOf(agent).Offer is { } offer && !offer.Stopped.IsCancellationRequested && offer.Answer.TrySetResult(RingResult.Answered);

    /// <summary>The agent lets the call offered now go: a ring-out for the pipeline (the next agent is rung); false when none is offered.</summary>
    public bool Decline(Agent agent) => SeatOf(agent).Offer is { } offer && !offer.Stopped.IsCancellationRequested && offer.Answer.TrySetResult(RingResult.NoAnswer);

    /// <summary>The agent ends the talk: resolved, or handed on to <paramref name="transferTo"/>. False when not talking.</summary>
    public bool Finish(Agent agent, string? transferTo)
    {
        var seat = SeatOf(agent);
        if (seat.Talk is not { } talk) return false;
        seat.Talk = null;
        seat.TransferTo = transferTo;
        seat.WrappingUp = talk.Call;
        Happened?.Invoke(agent, LiveAgentEventKind.Ended, talk.Call, talk.Queue, transferTo is null ? "agent-hung-up" : $"transferred:{transferTo}");
        talk.Finish();
        return true;
    }

    /// <summary>The agent's wrap-up is done; false when they are not wrapping up.</summary>
    public bool EndWrapUp(Agent agent)
    {
        var seat = SeatOf(agent);
        if (seat.EndWrapUp is not { } done) return false;
        seat.EndWrapUp = null;
        seat.WrappingUp = null;
        done();
        return true;
    }

    private async Task<RingResult> WaitForAnswerAsync(Agent agent, IQueueCaller call, string queueId, CancellationToken cancel)
    {
        var seat = SeatOf(agent);
        // Continuations run where the answer is set: on the calls' thread, inside the agent's request.
        var answer = new TaskCompletionSource<RingResult>();
        seat.Offer = (call, queueId, answer, cancel);
        Happened?.Invoke(agent, LiveAgentEventKind.Offered, call, queueId, null);
        // A synchronous dispose, as for simulated agents: this may run inside the cancellation callback itself.
#pragma warning disable CA2007
        using var onCancel = cancel.Register(() => clock.Dispatch(() => answer.TrySetCanceled(cancel)));
#pragma warning restore CA2007
        return await answer.Task.ConfigureAwait(false);
    }

    /// <summary>The talk stopped from the caller's side (hung up, or transferred by the calls API).</summary>
    private sealed class TalkEnd(LiveAgentBehaviour behaviour, Agent agent, LiveSeat seat, IQueueCaller call, string queue) : IDisposable
    {
        public void Dispose()
        {
            if (seat.Talk is not { } talk || !ReferenceEquals(talk.Call, call)) return;
            seat.Talk = null;
            seat.WrappingUp = call;
            behaviour.Happened?.Invoke(agent, LiveAgentEventKind.Ended, call, queue, "caller-or-line");
        }
    }

    private sealed class WrapUpEnd(LiveSeat seat) : IDisposable
    {
        public void Dispose() => seat.EndWrapUp = null;
    }
}
