using IvrEngine.Calls;
using IvrEngine.Menus;
using IvrEngine.Queues;

namespace IvrEngine.Simulation;

/// <summary>
/// One simulated caller on a real <see cref="CallSession"/>: after each prompt (and a pause to
/// think) they act as the scenario says — press a key, type digits, stay silent, hang up, ask for a
/// human, take or refuse a callback — and in a queue they hang up when their patience runs out.
/// Everything they do goes through the session's public inputs, as a console caller's would.
/// </summary>
public sealed class SimulatedCaller
{
    private readonly CallSession _call;
    private readonly CallCenter _center;
    private readonly CallerBehaviour _behaviour;
    private readonly TimeProvider _time;
    private readonly CallerRandom _random;
    private readonly Action<SimulatedCaller> _ended;
    private ITimer? _act;
    private ITimer? _patience;
    private bool _acted;
    private bool _escaper;
    private bool? _takesCallback;

    public SimulatedCaller(CallSession call, CallCenter center, CallerBehaviour behaviour, TimeProvider time, CallerRandom random, Action<SimulatedCaller> ended)
    {
        _call = call;
        _center = center;
        _behaviour = behaviour;
        _time = time;
        _random = random;
        _ended = ended;
        call.EventRecorded += OnEvent;
    }

    public CallSession Call => _call;

    private void OnEvent(CallEvent e)
    {
        switch (e.Type)
        {
            case CallEventType.Prompt when MayAct():
            case CallEventType.StateChanged when _call.State == CallState.OfferingCallback:
                // Act after the last prompt of a burst: each prompt pushes the pause back. The times a
                // closed queue offers are spoken while the call is still transferring, so the move into
                // the offer arms the act too.
                _act ??= _time.CreateTimer(static state => ((SimulatedCaller)state!).Act(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _act.Change(_behaviour.Think.ToTimeSpan(), Timeout.InfiniteTimeSpan);
                break;
            case CallEventType.QueueJoined when _behaviour.Patience is { } patience:
                _patience ??= _time.CreateTimer(static state => ((SimulatedCaller)state!).GiveUp(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _patience.Change(patience.Sample(_random).ToTimeSpan(), Timeout.InfiniteTimeSpan);
                break;
            case CallEventType.QueueLeft or CallEventType.AgentConnected or CallEventType.CallbackBooked or CallEventType.CallbackExisting:
                _patience?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                break;
            case CallEventType.CallEnded:
                _act?.Dispose();
                _patience?.Dispose();
                _call.EventRecorded -= OnEvent;
                _ended(this);
                break;
        }
    }

    /// <summary>
    /// Whether the caller has something to answer: a menu, a collector, the times offered, or a callback
    /// question in a queue. Other prompts (the transfer message, position and wait) need no act.
    /// </summary>
    private bool MayAct() => _call.State switch
    {
        CallState.InMenu or CallState.CollectingDigits or CallState.OfferingCallback => true,
        CallState.Queued => _center.AwaitsCallbackAnswer(_call),
        _ => false,
    };

    private void GiveUp()
    {
        if (_call.State == CallState.Queued) _call.HangUp();
    }

    private void Act()
    {
        switch (_call.State)
        {
            case CallState.InMenu when _call.CurrentNodeId is { } nodeId:
                ChooseAt(_call.Menu.Nodes[nodeId]);
                break;
            case CallState.CollectingDigits when _call.CurrentNodeId is { } nodeId:
                TypeAt(_call.Menu.Nodes[nodeId]);
                break;
            case CallState.OfferingCallback:
                // The line is closed: take a callback (the first time offered), or hang up.
                if (TakesCallback()) _call.Press('1');
                else _call.HangUp();
                break;
            case CallState.Queued when _center.AwaitsCallbackAnswer(_call):
                // Virtual hold: answer 1 to each question of the offer once decided to take it; otherwise let it pass.
                if (TakesCallback()) _call.Press('1');
                break;
        }
    }

    private bool TakesCallback() => _takesCallback ??= _random.NextDouble() < _behaviour.AcceptCallback;

    private void ChooseAt(MenuNode node)
    {
        if (!_acted)
        {
            _acted = true;
            _escaper = CanEscapeByKey(node) && _random.NextDouble() < _behaviour.EscapeAtOnce;
        }
        if (_escaper && CanEscapeByKey(node))
        {
            // Someone who wants a human keeps asking, as the consumer advice says to.
            _call.Press(node.Escape.Keys[0]);
            return;
        }

        var action = _behaviour.Choices.TryGetValue(node.Id, out var table) ? table.Pick(_random.NextDouble()) : AnyKey(node);
        switch (action)
        {
            case null or CallerBehaviour.Silence:
                break;
            case CallerBehaviour.HangUp:
                _call.HangUp();
                break;
            default:
                if (action.StartsWith(SpokenChoice.Prefix, StringComparison.Ordinal) && _behaviour.Spoken.TryGetValue((node.Id, action), out var named))
                {
                    _call.Say(SpokenChoice.Utterance(action, named, _call.Locale));
                }
                else
                {
                    _call.Press(action);
                }
                break;
        }
    }

    private static bool CanEscapeByKey(MenuNode node) => node.Escape.Mode != EscapeMode.Disabled && node.Escape.Keys.Length > 0;

    /// <summary>A node the scenario says nothing about: any of its keyed options, equally often.</summary>
    private string? AnyKey(MenuNode node)
    {
        var keyed = 0;
        foreach (var option in node.Options) if (option.Key is not null) keyed++;
        if (keyed == 0) return null;
        var pick = _random.Next(keyed);
        foreach (var option in node.Options)
        {
            if (option.Key is null) continue;
            if (pick-- == 0) return option.Key;
        }
        return null;
    }

    private void TypeAt(MenuNode node)
    {
        var collect = node.Collect!;
        var digits = EntryAt(node, _behaviour);
        _call.Press(digits);
        // Entry ends by itself at the maximum length; shorter ones need the terminator (or the pause).
        if (digits.Length < collect.MaxLength && collect.Terminator is { } terminator && !_call.IsEnded) _call.Press(terminator);
    }

    /// <summary>The digits callers type at a collector node: the scenario's entry for it, or <see cref="PlausibleEntry"/>.</summary>
    internal static string EntryAt(MenuNode node, CallerBehaviour behaviour) =>
        behaviour.Entries.TryGetValue(node.Id, out var entry) ? entry : PlausibleEntry(node.Collect!);

    /// <summary>Digits most collectors accept when the scenario names none: a North American number, cut or padded to length.</summary>
    private static string PlausibleEntry(DigitCollection collect)
    {
        const string Sample = "2125550143";
        var length = Math.Clamp(Sample.Length, collect.MinLength, collect.MaxLength);
        return length <= Sample.Length ? Sample[..length] : Sample.PadRight(length, '0');
    }
}
