using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Calls;

// The call in the call centre: transfer into a queue, what the caller hears there, the agent, hand-offs.
public sealed partial class CallSession
{
    private readonly List<QueueVisit> _visits = [];
    private string? _agent;
    private bool _agentsOwnHandOff;

    /// <summary>Ends the detail of a hand-off the simulated agent made on their own (not asked for with <c>transfer QUEUE</c>).</summary>
    internal const string AgentsOwnHandOff = ", the agent's own escalation";

    private void OnTransfer(TransferRequest request)
    {
        // Queues that turn the caller away at once (closed, full, no agents) into each other, or back to
        // themselves, move the call without waiting: the same guard as for announcements ends it.
        if (_navigation.MovedWithoutInput())
        {
            Fire(static m => m.End, new CallOutcome(CallOutcomeKind.RoutingLoop, request.QueueId, $"{CallNavigation.MaxMovesWithoutInput} moves without waiting for the caller, last to queue {request.QueueId}"));
            return;
        }

        // A callback is dialed only while its queue is open, so only callers are checked against the hours.
        if (!request.Callback && _menu.Queues.TryGetValue(request.QueueId, out var closable) && closable.Hours is { } hours
            && TurnedAwayByHours(hours, "queue", request.QueueId, request.QueueId)) return;
        var queueName = _menu.Queues.TryGetValue(request.QueueId, out var queue) ? queue.DisplayName.For(Locale) : request.QueueId;
        Speak(request.Callback ? _menu.Messages.CallbackGreeting : _menu.Messages.Transfer, ("queue", queueName));
        Record(CallEventType.Transferred, text: request.QueueId, detail: request.Reason);
        if (_callCenter is null)
        {
            Fire(static m => m.End, new CallOutcome(CallOutcomeKind.TransferredToQueue, request.QueueId, request.Reason));
            return;
        }

        // The caller has left the menus: their time budget no longer runs.
        _timers.StopMenuTimeLimit();
        DisarmInputTimer();
        // A caller who joins is offered to agents only on entering Queued (CallCenter.Queued), so the
        // transcript says the call is queued before it says an agent rings.
        if (_callCenter.Join(this, request.QueueId, ahead: request.Callback) is { } overflow) Perform(overflow, $"could not join queue {request.QueueId}");
        else Fire(CallTrigger.Enqueued);
    }

    private void OnHandOff(string queueId)
    {
        Record(CallEventType.AgentHandOff, text: queueId, detail: $"from {_agent}, reference {Reference} kept{(_agentsOwnHandOff ? AgentsOwnHandOff : "")}");
        OnTransfer(new TransferRequest(queueId, $"handed off by {_agent}"));
    }

    void Queues.IQueueCaller.JoinedQueue(string queueId, int position)
    {
        // Waiting in a queue is waiting: what moves the caller on from here is time, not a loop.
        _navigation.Waited();
        _visits.Add(new QueueVisit(queueId, Now, position));
        Record(CallEventType.QueueJoined, text: queueId, detail: $"position {position}");
    }

    void Queues.IQueueCaller.TurnedAwayFromQueue(string queueId, string reason)
    {
        _visits.Add(new QueueVisit(queueId, Now, 0) { LeftAt = Now, Result = reason });
        Record(CallEventType.QueueLeft, text: queueId, detail: reason);
    }

    void Queues.IQueueCaller.LeftQueue(string reason)
    {
        var visit = _visits[^1];
        visit.LeftAt = Now;
        visit.Result = reason;
        Record(CallEventType.QueueLeft, text: visit.Queue, detail: reason);
    }

    void Queues.IQueueCaller.HearInQueue(LocalizedText text, params (string Name, string Value)[] values) => Speak(text, values);

    /// <summary>The caller's place in line, {position} in <paramref name="text"/>.</summary>
    void Queues.IQueueCaller.HearQueuePosition(LocalizedText text, int position)
    {
        if (PromptsUnheard) Speak(text);
        else Speak(text, ("position", position.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The expected wait, {wait} (in words) and {minutes} in <paramref name="text"/>.</summary>
    void Queues.IQueueCaller.HearExpectedWait(LocalizedText text, Duration expected)
    {
        if (PromptsUnheard) Speak(text);
        else Speak(text, ("wait", Queues.WaitPhrase.For(expected, Locale)), ("minutes", Queues.WaitPhrase.Minutes(expected).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    void Queues.IQueueCaller.HearHoldMusic(string musicClass) => Record(CallEventType.HoldMusic, text: musicClass);

    private void OnQueuedKey(char key)
    {
        if (_numberEntry is not null)
        {
            OnNumberEntryKey(key);
            return;
        }
        Record(CallEventType.KeyPressed, text: key.ToString());
        if (!_callCenter!.CallerPressed(this, key)) Record(CallEventType.InputIgnored, text: "a key", detail: "no choice is offered while waiting");
    }

    private void OnQueuedSpeech(string utterance)
    {
        if (_numberEntry is not null) OnNumberEntrySpeech(utterance);
        else Record(CallEventType.InputIgnored, text: "speech", detail: $"not used while {CallState.Queued}");
    }

    /// <summary>The callback is stored: the caller hangs up and keeps their place (or the callback they already had).</summary>
    void Queues.IQueueCaller.CallbackBooked(ReferenceNumber callback, int? keptPlace)
    {
        var visit = _visits[^1];
        visit.LeftAt = Now;
        if (keptPlace is not { } position)
        {
            visit.Result = $"existing callback {callback} kept";
            Record(CallEventType.CallbackExisting, text: callback.ToString(), detail: "virtual hold");
            Fire(static m => m.End, new CallOutcome(CallOutcomeKind.CallbackScheduled, visit.Queue, $"existing callback {callback} kept, nothing new booked"));
            return;
        }
        visit.Result = $"callback {callback} booked, place {position} kept";
        Record(CallEventType.CallbackBooked, text: callback.ToString(), detail: $"virtual hold, place {position} kept");
        Fire(static m => m.End, new CallOutcome(CallOutcomeKind.CallbackScheduled, visit.Queue, $"callback {callback}, place {position} kept"));
    }

    void Queues.IQueueCaller.CallbackNotBooked(string failure) => Record(CallEventType.InputIgnored, text: "callback", detail: failure);

    void Queues.IQueueCaller.ConnectedToAgent(string agent, Duration waited)
    {
        // An agent answering ends any callback number the caller was keying in: they are through.
        StopNumberEntry();
        var visit = _visits[^1];
        visit.LeftAt = Now;
        visit.Result = $"answered by {agent} after {Time.ElapsedText.Short(waited)}";
        Fire(static m => m.AgentAnswered, agent);
    }

    void Queues.IQueueCaller.EndedByAgent(string agent, Duration talked) =>
        Fire(static m => m.End, new CallOutcome(CallOutcomeKind.AnsweredByAgent, _visits[^1].Queue, $"by {agent} after {Time.ElapsedText.Short(_visits[^1].Waited ?? Duration.Zero)}, talked {Time.ElapsedText.Short(talked)}"));

    /// <param name="agentsOwn">The simulated agent's own escalation (its staffing transfer), not one asked for with <c>transfer QUEUE</c>; the transcript says so.</param>
    void Queues.IQueueCaller.HandedOff(string queueId, bool agentsOwn)
    {
        _agentsOwnHandOff = agentsOwn;
        Fire(static m => m.HandOff, queueId);
    }

    void Queues.IQueueCaller.Overflow(MenuAction action, string reason)
    {
        StopNumberEntry();
        Fire(static m => m.Overflow, new LeaveRequest(action, reason));
    }

}
