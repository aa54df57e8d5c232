using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using IvrEngine.Menus;
using NodaTime;
using NodaTime.Extensions;
using Stateless;
using Stateless.Graph;

namespace IvrEngine.Calls;

/// <summary>
/// One phone call walking a menu: a Stateless machine (external state, queued firing) whose
/// intent methods — <see cref="Press(char)"/>, <see cref="Say"/>, <see cref="HangUp"/> — only
/// fire triggers. Every input in every state is handled (an input the state cannot use is noted
/// in the transcript and ignored), so nothing a caller does throws.
/// </summary>
/// <remarks>
/// A session is single-threaded: its owner runs inputs and timer callbacks (through
/// <see cref="CallSettings.Dispatch"/>) on one logical thread. Prompts take no time to play:
/// a no-input timer starts when its prompt is said.
/// </remarks>
public sealed class CallSession : Queues.IQueueCaller
{
    // A menu that moves this many times without waiting for the caller is looping (announcements
    // pointing at each other, queues turning callers away into each other); the call ends instead of
    // spinning for ever.
    private const int MaxMovesWithoutInput = 32;

    /// <summary>Ends the detail of a hand-off the simulated agent made on their own (not asked for with <c>transfer QUEUE</c>).</summary>
    internal const string AgentsOwnHandOff = ", the agent's own escalation";

    private readonly Menu _menu;
    private readonly TimeProvider _time;
    private readonly Action<Action> _dispatch;
    private readonly PromptPacing _pacing;
    // The configured state machine this call runs on, rented for the call's life (null once it has ended).
    private CallMachine? _shell;
    private int _firing;
    private readonly Queues.CallCenter? _callCenter;
    private readonly Hours.BusinessHours _hours;
    private readonly List<QueueVisit> _visits = [];
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly Stack<MenuNode> _history = new();
    private readonly List<string> _path = [];
    private readonly StringBuilder _digits = new();

    private CallState _state = CallState.Greeting;
    private MenuNode? _node;
    private string _keyBuffer = string.Empty;
    private int _noInputs;
    private int _invalidInputs;
    private int _failedInputs;
    private int _escapeAsks;
    private int _movesWithoutInput;
    private bool _budgetSpent;
    private ITimer? _inputTimer;
    private ITimer? _menuTimeLimit;
    private long _timerGeneration;
    private Instant _promptsEndAt;
    private string? _agent;
    private ScheduledCallbackChoice? _scheduling;
    private CallbackNumberEntry? _numberEntry;
    private bool _menuTimeRanOutWhileOffering;
    private bool _agentsOwnHandOff;

    public CallSession(Menu menu, CallSettings settings, TimeProvider time)
    {
        _menu = menu;
        _time = time;
        _dispatch = settings.Dispatch ?? (static work => work());
        _pacing = settings.Pacing;
        _callCenter = settings.CallCenter;
        IsQuiet = settings.Quiet;
        // One line, one set of hours: an emergency closure switched on the call centre reaches every call.
        _hours = settings.Hours ?? settings.CallCenter?.Hours ?? new Hours.BusinessHours(menu.Hours);
        Locale = menu.ResolveLocale(settings.Locale)
            ?? throw new ArgumentException($"The menu '{menu.Name}' has no locale '{settings.Locale}'; it has {string.Join(", ", menu.Locales)}.", nameof(settings));
        CallerId = settings.CallerId;
        Reference = settings.Reference ?? ReferenceNumber.Create(new Random(settings.Seed));

        _shell = CallMachine.Rent(this);
    }

    private enum Trigger
    {
        Answer,
        EnterNode,
        Digit,
        Speech,
        NoInput,
        InterDigitTimeout,
        MenuTimeLimit,
        Transfer,
        Enqueued,
        OfferCallback,
        AgentAnswered,
        Overflow,
        HandOff,
        End,
        Hangup,
    }

    /// <summary>Raised for every transcript event as it happens (the console prints prompts from it).</summary>
    public event Action<CallEvent>? EventRecorded;

    public Menu Menu => _menu;

    public string Locale { get; }

    public string? CallerId { get; }

    public ReferenceNumber Reference { get; }

    public CallState State => _state;

    public bool IsEnded => _state == CallState.Ended;

    /// <summary>How many call state machines this process has configured: a pool that keeps what calls give back configures few.</summary>
    internal static long MachinesConfigured => CallMachine.Configured;

    /// <summary>The node the caller is at (the last one, once the call has ended).</summary>
    public string? CurrentNodeId => _node?.Id;

    /// <summary>Every node the call entered, in order.</summary>
    public IReadOnlyList<string> Path => _path;

    /// <summary>Values gathered by collector nodes.</summary>
    public IReadOnlyDictionary<string, string> Variables => _variables;

    /// <summary>The call's stays in queues, in order.</summary>
    public IReadOnlyList<QueueVisit> QueueVisits => _visits;

    /// <summary>Set once the call has ended.</summary>
    public CallOutcome? Outcome { get; private set; }

    /// <summary>What failed inside the engine when the call ended <see cref="CallOutcomeKind.Faulted"/>; else null.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Raised once if the engine fails inside this call; the call has then ended (the owner logs it).</summary>
    public event Action<CallSession, Exception>? Faulted;

    public Transcript Transcript { get; } = new();

    public Instant StartedAt { get; private set; }

    private Instant Now => _time.GetCurrentInstant();

    /// <summary>Answers the call: says the start node's prompt and starts listening.</summary>
    public void Start()
    {
        if (_state == CallState.Greeting)
        {
            StartedAt = Now;
            Record(CallEventType.CallStarted, text: _menu.Name, detail: $"version {_menu.Version}, locale {Locale}, reference {Reference}{(CallerId is null ? "" : $", caller {Callbacks.CallbackNumber.Mask(CallerId)}")}");
        }
        Fire(Trigger.Answer);
    }

    /// <summary>
    /// Starts the leg of a callback the line placed and the callee answered: no menus, straight into
    /// <paramref name="queueId"/> ahead of new callers. The session keeps the original call's reference.
    /// </summary>
    public void StartCallback(string queueId)
    {
        if (_state != CallState.Greeting) return;
        StartedAt = Now;
        Record(CallEventType.CallStarted, text: _menu.Name, detail: $"callback to {(CallerId is null ? "the caller" : Callbacks.CallbackNumber.Mask(CallerId))}, locale {Locale}, reference {Reference}");
        Fire(static m => m.Transfer, new TransferRequest(queueId, "callback answered", Callback: true));
    }

    /// <summary>One key press: <c>0-9</c>, <c>*</c> or <c>#</c>. Any other character is an invalid input.</summary>
    public void Press(char key) => Fire(static m => m.Digit, key);

    /// <summary>A run of key presses with no pause between them (<c>"21#"</c>), as from a phone's keypad.</summary>
    public void Press(string keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (IsEnded)
            {
                // One note for the rest of the run, not one per key: a caller mashing keys after the
                // line hung up is one event.
                Record(CallEventType.InputIgnored, text: $"keys {keys[i..]}", detail: "the call has ended");
                return;
            }
            Press(keys[i]);
        }
    }

    /// <summary>What the speech recogniser heard.</summary>
    public void Say(string utterance) => Fire(static m => m.Speech, utterance);

    /// <summary>The caller hangs up.</summary>
    public void HangUp() => Fire(Trigger.Hangup);

    /// <summary>The call's state machine as a Mermaid state diagram, from Stateless's own description of it.</summary>
    public string ToMermaidGraph() => MermaidGraph.Format(CallMachine.Describe());

    /// <summary>The call's state machine as a Graphviz DOT graph, from Stateless's own description of it.</summary>
    public string ToDotGraph() => UmlDotGraph.Format(CallMachine.Describe());

    /// <summary>Configures <paramref name="m"/> once; every action reaches the call it runs at the time (<see cref="CallMachine.Session"/>).</summary>
    private static void Configure(CallMachine m)
    {
        var machine = m.Machine;
        CallSession S() => m.Session!;

        machine.Configure(CallState.Greeting)
            .Permit(Trigger.Answer, CallState.InMenu)
            .Permit(m.Transfer.Trigger, CallState.Transferring)
            .Permit(Trigger.Hangup, CallState.Ended);

        machine.Configure(CallState.InMenu)
            .OnEntryFrom(Trigger.Answer, () => S().Answer(), "say the start prompt")
            .InternalTransitionIf(m.Digit, Always, (key, _) => S().OnMenuKey(key), "choose by key")
            .InternalTransitionIf(m.Speech, Always, (utterance, _) => S().OnMenuSpeech(utterance), "choose by phrase")
            .InternalTransitionIf(Trigger.InterDigitTimeout, Always, _ => S().OnMenuKeyPause(), "take the shorter key")
            .PermitIf(m.EnterNode, CallState.CollectingDigits, entry => StateFor(entry.Node) == CallState.CollectingDigits, "node collects digits")
            .Permit(Trigger.OfferCallback, CallState.OfferingCallback);

        machine.Configure(CallState.CollectingDigits)
            .InternalTransitionIf(m.Digit, Always, (key, _) => S().OnCollectKey(key), "add a digit")
            .InternalTransitionIf(m.Speech, Always, (utterance, _) => S().OnCollectSpeech(utterance), "spoken digits or escape")
            .InternalTransitionIf(Trigger.InterDigitTimeout, Always, _ => S().CompleteCollection(), "end of entry")
            .PermitIf(m.EnterNode, CallState.InMenu, entry => StateFor(entry.Node) == CallState.InMenu, "node is a menu or announcement");

        foreach (var state in new[] { CallState.InMenu, CallState.CollectingDigits })
        {
            machine.Configure(state)
                .OnEntryFrom(m.EnterNode, entry => S().Present(entry), "say the node's prompt")
                .InternalTransitionIf(m.EnterNode, entry => StateFor(entry.Node) == state, (entry, _) => S().Present(entry), "next node of the same kind")
                .InternalTransitionIf(Trigger.NoInput, Always, _ => S().OnNoInput(), "reprompt or retries exhausted")
                .InternalTransitionIf(Trigger.MenuTimeLimit, Always, _ => S().ExceedBudget("time in the menus"), "call budget spent")
                .Permit(m.Transfer.Trigger, CallState.Transferring)
                .Permit(Trigger.End, CallState.Ended)
                .Permit(Trigger.Hangup, CallState.Ended);
        }

        // With no call centre behind the menu, a transfer ends the IVR part ("transferred to queue X").
        machine.Configure(CallState.Transferring)
            .OnEntryFrom(m.Transfer, request => S().OnTransfer(request), "say the transfer message, join the queue")
            .OnEntryFrom(m.HandOff, queue => S().OnHandOff(queue), "join the queue the agent chose")
            .PermitReentry(m.Transfer.Trigger)
            .PermitDynamic(m.EnterNode, entry => StateFor(entry.Node), "overflow to a node", NodeStates)
            .Permit(Trigger.Enqueued, CallState.Queued)
            .Permit(Trigger.OfferCallback, CallState.OfferingCallback)
            .Permit(Trigger.End, CallState.Ended)
            .Permit(Trigger.Hangup, CallState.Ended)
            .Ignore(Trigger.MenuTimeLimit);

        machine.Configure(CallState.OfferingCallback)
            .InternalTransitionIf(m.Digit, Always, (key, _) => S().OnCallbackChoice(key), "choose a time, confirm, key a number")
            .InternalTransitionIf(m.Speech, Always, (utterance, _) => S().OnCallbackSpeech(utterance), "spoken number, else no choice")
            .InternalTransitionIf(Trigger.NoInput, Always, _ => S().OnCallbackSilence(), "no choice: declined")
            .InternalTransitionIf(Trigger.InterDigitTimeout, Always, _ => S().OnNumberEntryPause(), "end of a keyed number")
            .InternalTransitionIf(Trigger.MenuTimeLimit, Always, _ => S()._menuTimeRanOutWhileOffering = true, "budget applies back in the menu")
            .Permit(m.Transfer.Trigger, CallState.Transferring)
            .PermitDynamic(m.EnterNode, entry => StateFor(entry.Node), "declined: when closed, or back to the menu", NodeStates)
            .Permit(Trigger.End, CallState.Ended)
            .Permit(Trigger.Hangup, CallState.Ended);

        machine.Configure(CallState.Queued)
            .OnEntryFrom(Trigger.Enqueued, () => S()._callCenter!.Welcome(S()), "position, expected wait, hold music")
            .InternalTransitionIf(m.Overflow, Always, (leave, _) => S().Perform(leave.Action, leave.Reason), "leave for the overflow")
            .InternalTransitionIf(m.Digit, Always, (key, _) => S().OnQueuedKey(key), "callback choice, keyed number")
            .InternalTransitionIf(m.Speech, Always, (utterance, _) => S().OnQueuedSpeech(utterance), "spoken callback number")
            .InternalTransitionIf(Trigger.NoInput, Always, _ => S().OnNumberEntrySilence(), "callback number: silence")
            .InternalTransitionIf(Trigger.InterDigitTimeout, Always, _ => S().OnNumberEntryPause(), "end of a keyed number")
            .Permit(m.AgentAnswered.Trigger, CallState.WithAgent)
            .Permit(m.Transfer.Trigger, CallState.Transferring)
            .PermitDynamic(m.EnterNode, entry => StateFor(entry.Node), "overflow to a node", NodeStates)
            .Permit(Trigger.End, CallState.Ended)
            .Permit(Trigger.Hangup, CallState.Ended)
            .Ignore(Trigger.MenuTimeLimit);

        machine.Configure(CallState.WithAgent)
            .OnEntryFrom(m.AgentAnswered, agent =>
            {
                S()._agent = agent;
                S().Record(CallEventType.AgentConnected, text: agent, detail: $"after {Describe(S()._visits[^1].Waited ?? Duration.Zero)} in queue {S()._visits[^1].Queue}");
            }, "talk")
            .Permit(m.HandOff.Trigger, CallState.Transferring)
            .Permit(Trigger.End, CallState.Ended)
            .Permit(Trigger.Hangup, CallState.Ended)
            .Ignore(Trigger.MenuTimeLimit);

        machine.Configure(CallState.Ended)
            .OnEntryFrom(m.End, outcome => S().Finish(outcome), "record the outcome")
            .OnEntryFrom(Trigger.Hangup, transition => S().CallerHungUp(transition), "caller hung up")
            .Ignore(Trigger.MenuTimeLimit)
            .Ignore(Trigger.NoInput)
            .Ignore(Trigger.InterDigitTimeout);

        machine.OnTransitioned(t =>
        {
            if (t.Source != t.Destination) S().Record(CallEventType.StateChanged, text: $"{t.Trigger}", detail: $"{t.Source} -> {t.Destination}");
        });
        machine.OnUnhandledTrigger((state, trigger) => S().Record(CallEventType.InputIgnored, text: DescribeIgnored(trigger), detail: state == CallState.Ended ? "the call has ended" : $"not used while {state}"));
    }

    /// <summary>Fires <paramref name="trigger"/> on the call's machine; once the call has ended (its machine given back), as the Ended state would: ignored or noted.</summary>
    private void Fire(Trigger trigger)
    {
        if (_shell is not { } shell)
        {
            AfterEnd(trigger);
            return;
        }
        Run(shell, static (machine, trigger) => machine.Machine.Fire(trigger), trigger);
    }

    private void Fire<T>(Func<CallMachine, StateMachine<CallState, Trigger>.TriggerWithParameters<T>> trigger, T argument)
    {
        if (_shell is not { } shell)
        {
            AfterEnd(trigger(CallMachine.Shape).Trigger);
            return;
        }
        // A static lambda and the pair as its state: no closure per key press on the hot path.
        Run(shell, static (machine, fire) => machine.Machine.Fire(fire.trigger(machine), fire.argument), (trigger, argument));
    }

    /// <summary>Runs a firing; when the outermost one leaves the call ended, its machine goes back to the pool for the next call.</summary>
    private void Run<T>(CallMachine shell, Action<CallMachine, T> fire, T argument)
    {
        _firing++;
        try
        {
            fire(shell, argument);
        }
        catch (Exception exception)
        {
            // A machine that threw mid-firing may hold queued triggers: never reuse it.
            _firing--;
            _shell = null;
            if (_firing > 0 || exception is OutOfMemoryException) throw;
            // A fault ends this call only: its owner runs other calls on the same thread and clock.
            EndAfterFault(exception);
        }
        if (--_firing == 0 && _state == CallState.Ended && ReferenceEquals(_shell, shell))
        {
            _shell = null;
            shell.Return();
        }
    }

    /// <summary>
    /// The engine failed inside this call (a bug, or a subscriber that threw): the call ends with a
    /// <see cref="CallOutcomeKind.Faulted"/> outcome, leaves its queue, and its owner hears of it through
    /// <see cref="Faulted"/> — nothing reaches the caller's input or the other calls as an exception.
    /// </summary>
    private void EndAfterFault(Exception exception)
    {
        _state = CallState.Ended;
        _numberEntry = null;
        DisarmInputTimer();
        _menuTimeLimit?.Dispose();
        _menuTimeLimit = null;
        Fault = exception;
        Outcome = new CallOutcome(CallOutcomeKind.Faulted, null, $"at {_node?.Id ?? "the greeting"}: {exception.GetType().Name}: {exception.Message}");
        Faulted?.Invoke(this, exception);
        try
        {
            _callCenter?.CallerHungUp(this);
            Record(CallEventType.CallEnded, text: $"{Outcome}", detail: $"reference {Reference}");
        }
        catch (Exception tidying) when (tidying is not OutOfMemoryException)
        {
            // The call has ended and its fault is reported; a second failure while leaving the queue or
            // telling listeners cannot make it worse for the caller, and must not reach the other calls.
        }
    }

    /// <summary>What the Ended state does with a trigger: timers are ignored, anything else is noted.</summary>
    private void AfterEnd(Trigger trigger)
    {
        if (trigger is Trigger.MenuTimeLimit or Trigger.NoInput or Trigger.InterDigitTimeout) return;
        Record(CallEventType.InputIgnored, text: DescribeIgnored(trigger), detail: "the call has ended");
    }

    /// <summary>
    /// A configured call state machine. Configuring Stateless for the call's eight states costs more
    /// than the rest of a short call, so machines are configured once and reused: each serves one call
    /// at a time (<see cref="Session"/>, the state kept in that call), and is given back when it ends.
    /// One pool for the process, not one per thread: a simulation's weeks run on whichever pool thread
    /// is free, and per-thread pools each kept a week's worth of machines for every thread that ever ran
    /// one, so memory grew with the weeks simulated. A lock is cheap beside a call.
    /// </summary>
    private sealed class CallMachine
    {
        private const int PoolLimit = 4096;

        private static readonly Stack<CallMachine> Pool = new();
        private static readonly Lock PoolGate = new();

        private static long s_configured;

        private CallMachine()
        {
            Interlocked.Increment(ref s_configured);
            // Stateless reads the state once on construction, before any call is bound: Greeting then.
            Machine = new StateMachine<CallState, Trigger>(() => Session?._state ?? CallState.Greeting, state => Session!._state = state, FiringMode.Queued);
            Digit = Machine.SetTriggerParameters<char>(Trigger.Digit);
            Speech = Machine.SetTriggerParameters<string>(Trigger.Speech);
            EnterNode = Machine.SetTriggerParameters<NodeEntry>(Trigger.EnterNode);
            Transfer = Machine.SetTriggerParameters<TransferRequest>(Trigger.Transfer);
            End = Machine.SetTriggerParameters<CallOutcome>(Trigger.End);
            AgentAnswered = Machine.SetTriggerParameters<string>(Trigger.AgentAnswered);
            HandOff = Machine.SetTriggerParameters<string>(Trigger.HandOff);
            Overflow = Machine.SetTriggerParameters<LeaveRequest>(Trigger.Overflow);
            Configure(this);
        }

        /// <summary>How many machines have been configured in this process (the pool's misses).</summary>
        public static long Configured => Interlocked.Read(ref s_configured);

        /// <summary>A machine never rented: what the triggers are, for calls whose machine has gone back.</summary>
        public static CallMachine Shape { get; } = new();

        /// <summary>The call this machine runs now.</summary>
        public CallSession? Session { get; private set; }

        public StateMachine<CallState, Trigger> Machine { get; }

        public StateMachine<CallState, Trigger>.TriggerWithParameters<char> Digit { get; }

        public StateMachine<CallState, Trigger>.TriggerWithParameters<string> Speech { get; }

        public StateMachine<CallState, Trigger>.TriggerWithParameters<NodeEntry> EnterNode { get; }

        public StateMachine<CallState, Trigger>.TriggerWithParameters<TransferRequest> Transfer { get; }

        public StateMachine<CallState, Trigger>.TriggerWithParameters<CallOutcome> End { get; }

        public StateMachine<CallState, Trigger>.TriggerWithParameters<string> AgentAnswered { get; }

        public StateMachine<CallState, Trigger>.TriggerWithParameters<string> HandOff { get; }

        public StateMachine<CallState, Trigger>.TriggerWithParameters<LeaveRequest> Overflow { get; }

        public static CallMachine Rent(CallSession session)
        {
            CallMachine? machine;
            lock (PoolGate) Pool.TryPop(out machine);
            machine ??= new CallMachine();
            machine.Session = session;
            return machine;
        }

        /// <summary>Stateless's own description of the machine (for diagrams).</summary>
        public static Stateless.Reflection.StateMachineInfo Describe() => Shape.Machine.GetInfo();

        public void Return()
        {
            Session = null;
            lock (PoolGate)
            {
                if (Pool.Count < PoolLimit) Pool.Push(this);
            }
        }
    }

    private static bool Always<T>(T _) => true;

    /// <summary>For the diagram: where a dynamic move to a node can lead.</summary>
    private static readonly Stateless.Reflection.DynamicStateInfos NodeStates =
    [
        new Stateless.Reflection.DynamicStateInfo(nameof(CallState.InMenu), "menu or announcement"),
        new Stateless.Reflection.DynamicStateInfo(nameof(CallState.CollectingDigits), "collector"),
    ];

    private static string DescribeIgnored(Trigger trigger) => trigger switch
    {
        Trigger.Digit => "a key",
        Trigger.Speech => "speech",
        Trigger.Hangup => "hang-up",
        _ => trigger.ToString(),
    };

    private static CallState StateFor(MenuNode node) => node.Kind == NodeKind.CollectDigits ? CallState.CollectingDigits : CallState.InMenu;

    private void Answer()
    {
        _menuTimeLimit = _time.CreateTimer(_ => _dispatch(() => FireTimer(Trigger.MenuTimeLimit)), null, _menu.Budget.MaxMenuTime.ToTimeSpan(), Timeout.InfiniteTimeSpan);
        var start = new NodeEntry(_menu.StartNode, Kind: NodeEntryKind.Forward);
        if (StateFor(start.Node) == CallState.InMenu) Present(start);
        else Fire(static m => m.EnterNode, start);
    }

    private void Present(NodeEntry entry)
    {
        DisarmInputTimer();
        var node = entry.Node;
        if (entry.Kind == NodeEntryKind.Forward && _node is not null && !ReferenceEquals(_node, node)) _history.Push(_node);
        if (entry.Kind != NodeEntryKind.Repeat)
        {
            _node = node;
            _path.Add(node.Id);
            _noInputs = 0;
            _invalidInputs = 0;
            Record(CallEventType.NodeEntered, text: node.Id);
        }
        _keyBuffer = string.Empty;
        _digits.Clear();

        if (++_movesWithoutInput > MaxMovesWithoutInput)
        {
            Fire(static m => m.End, new CallOutcome(CallOutcomeKind.MenuLoop, null, $"{MaxMovesWithoutInput} moves without waiting for the caller, last at {node.Id}"));
            return;
        }

        if (entry.Kind != NodeEntryKind.Repeat && node.Hours is { } hours && TurnedAwayByHours(hours, "node", node.Id, null)) return;
        Speak(node.Prompt);
        if (node.Kind == NodeKind.Announcement) Perform(node.Next!, $"announcement {node.Id} done");
        else ArmInputTimer(Trigger.NoInput, node.NoInput.Timeout);
    }

    private void OnMenuKey(char key)
    {
        var node = CallerActed();
        Record(CallEventType.KeyPressed, text: key.ToString());
        if (!IsPhoneKey(key))
        {
            _keyBuffer = string.Empty;
            Invalid($"'{key}' is not a phone key");
            return;
        }

        var keys = _keyBuffer + key;
        var (choice, couldContinue) = NodeInputs.KeysOf(node).Lookup(keys);
        if (couldContinue)
        {
            // Documented prefix rule: wait the inter-digit timeout for the rest of a longer key.
            _keyBuffer = keys;
            ArmInputTimer(Trigger.InterDigitTimeout, node.InterDigitTimeout);
            return;
        }

        _keyBuffer = string.Empty;
        if (choice is { } chosen) Choose(chosen, $"key {keys}");
        else Invalid($"no option for key {keys}");
    }

    private void OnMenuKeyPause()
    {
        var node = CurrentNode;
        var keys = _keyBuffer;
        _keyBuffer = string.Empty;
        if (NodeInputs.KeysOf(node).Lookup(keys).Choice is { } chosen) Choose(chosen, $"key {keys}");
        else Invalid($"no option for key {keys}");
    }

    private void OnMenuSpeech(string utterance)
    {
        var node = CallerActed();
        Record(CallEventType.SpeechHeard, text: utterance);
        _keyBuffer = string.Empty;
        var match = NodeInputs.PhrasesOf(node, Locale).Match(utterance);
        if (match.IsNone) Invalid($"no option matches \"{utterance}\"");
        else if (match.IsAmbiguous) AskWhichOne(match.Choices);
        else Choose(match.Single, $"said \"{utterance}\"");
    }

    private void OnCollectKey(char key)
    {
        var collect = CallerActed().Collect!;
        Record(CallEventType.KeyPressed, text: key.ToString());
        if (key == collect.Terminator)
        {
            CompleteCollection();
        }
        else if (char.IsAsciiDigit(key))
        {
            _digits.Append(key);
            if (_digits.Length >= collect.MaxLength) CompleteCollection();
            else ArmInputTimer(Trigger.InterDigitTimeout, collect.InterDigitTimeout);
        }
        else
        {
            _digits.Clear();
            Invalid($"'{key}' is not a digit");
        }
    }

    private void OnCollectSpeech(string utterance)
    {
        var node = CallerActed();
        Record(CallEventType.SpeechHeard, text: utterance);
        var match = NodeInputs.PhrasesOf(node, Locale).Match(utterance);
        if (!match.IsNone)
        {
            AskForHuman();
            return;
        }

        if (SpokenDigits.Read(utterance) is { } digits)
        {
            _digits.Clear().Append(digits);
            CompleteCollection();
        }
        else
        {
            Invalid($"\"{utterance}\" is not a number");
        }
    }

    private void CompleteCollection()
    {
        var collect = CurrentNode.Collect!;
        var value = _digits.ToString();
        _digits.Clear();
        DisarmInputTimer();
        if (value.Length < collect.MinLength)
        {
            Invalid(value.Length == 0 ? "no digits entered" : $"{value.Length} digits entered, at least {collect.MinLength} needed");
        }
        else if (value.Length > collect.MaxLength)
        {
            Invalid($"{value.Length} digits entered, at most {collect.MaxLength} allowed");
        }
        else if (collect.Pattern is { } pattern && !PatternAccepts(pattern, value))
        {
            Invalid($"{value} does not match the expected format");
        }
        else
        {
            _variables[collect.Variable] = value;
            Record(CallEventType.DigitsCollected, text: value, detail: collect.Variable);
            Perform(collect.Next, $"entered {collect.Variable}");
        }
    }

    /// <summary>A pattern that cannot decide in time refuses the entry: the caller hears "invalid", never an exception.</summary>
    private static bool PatternAccepts(System.Text.RegularExpressions.Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private void Choose(InputChoice choice, string how)
    {
        if (choice.IsEscape)
        {
            AskForHuman();
            return;
        }

        var option = choice.Option!;
        var label = option.Label(Locale);
        Record(CallEventType.OptionChosen, text: label, detail: how);
        if (option.Message is not null) Speak(option.Message);
        Perform(option.Action, $"chose {label}");
    }

    private void AskForHuman()
    {
        var node = CurrentNode;
        var escape = node.Escape;
        _escapeAsks++;
        Record(CallEventType.EscapeAsked, detail: $"ask {_escapeAsks}, mode {escape.Mode.ToString().ToLowerInvariant()}");
        switch (escape.Mode)
        {
            case EscapeMode.Immediate:
            case EscapeMode.Confirm when _escapeAsks > 1:
                Perform(escape.Target, "asked for a human");
                break;
            case EscapeMode.Confirm:
                Speak(escape.Deflect);
                Listen(node);
                break;
            default:
                Speak(escape.DisabledMessage);
                Listen(node);
                break;
        }
    }

    private void AskWhichOne(ImmutableArray<InputChoice> choices)
    {
        var labels = choices.Select(c => c.IsEscape ? FirstPhrase(CurrentNode.Escape.Phrases) : c.Option!.Label(Locale)).ToArray();
        var joined = string.Join(OrWord(), labels);
        Record(CallEventType.Ambiguous, detail: joined);
        Speak(_menu.Messages.Ambiguous, ("choices", joined));
        WaitForCaller(CurrentNode);
    }

    private void OnNoInput()
    {
        var node = CurrentNode;
        _noInputs++;
        _failedInputs++;
        Record(CallEventType.NoInput, detail: RetryNote(_noInputs, node.NoInput.Retries));
        if (_failedInputs >= _menu.Budget.MaxFailedInputs) ExceedBudget($"{_failedInputs} failed inputs");
        else if (_noInputs > node.NoInput.Retries) Perform(node.OnRetriesExhausted, $"no input after {node.NoInput.Retries} retries");
        else
        {
            Speak(node.NoInput.Message ?? _menu.Messages.NoInput);
            Listen(node);
        }
    }

    private void Invalid(string reason)
    {
        var node = CurrentNode;
        _invalidInputs++;
        _failedInputs++;
        Record(CallEventType.InvalidInput, text: reason, detail: RetryNote(_invalidInputs, node.Invalid.Retries));
        if (_failedInputs >= _menu.Budget.MaxFailedInputs) ExceedBudget($"{_failedInputs} failed inputs");
        else if (_invalidInputs > node.Invalid.Retries) Perform(node.OnRetriesExhausted, $"invalid input after {node.Invalid.Retries} retries");
        else
        {
            Speak(node.Invalid.Message ?? _menu.Messages.Invalid);
            Listen(node);
        }
    }

    private string RetryNote(int failures, int retries) =>
        (failures <= retries ? $"retry {failures} of {retries}" : $"no retries left of {retries}")
        + $"; {_failedInputs} of {_menu.Budget.MaxFailedInputs} failed inputs allowed per call";

    private void ExceedBudget(string reason)
    {
        Record(CallEventType.BudgetExceeded, detail: reason);
        Speak(_menu.Budget.Message);
        if (_budgetSpent)
        {
            // The budget's target (a node) was already tried and the caller is still failing: stop here.
            Fire(static m => m.End, new CallOutcome(CallOutcomeKind.BudgetSpent, null, reason));
            return;
        }
        _budgetSpent = true;
        Perform(_menu.Budget.Target, $"call budget spent: {reason}");
    }

    /// <summary>Says the short reprompt and waits for the caller again.</summary>
    private void Listen(MenuNode node)
    {
        Speak(node.Reprompt);
        WaitForCaller(node);
    }

    /// <summary>Starts a fresh entry: half-typed keys or digits do not survive a reprompt.</summary>
    private void WaitForCaller(MenuNode node)
    {
        _keyBuffer = string.Empty;
        _digits.Clear();
        ArmInputTimer(Trigger.NoInput, node.NoInput.Timeout);
    }

    private void Perform(MenuAction action, string reason)
    {
        switch (action)
        {
            case GoToNode goTo:
                Fire(static m => m.EnterNode, new NodeEntry(_menu.Nodes[goTo.NodeId], NodeEntryKind.Forward));
                break;
            case TransferToQueue transfer:
                Fire(static m => m.Transfer, new TransferRequest(transfer.QueueId, reason));
                break;
            case SayAndHangUp hangUp:
                Speak(hangUp.Message);
                Fire(static m => m.End, new CallOutcome(CallOutcomeKind.CompletedInSelfService, null, reason));
                break;
            case RepeatNode:
                Fire(static m => m.EnterNode, new NodeEntry(CurrentNode, NodeEntryKind.Repeat));
                break;
            case GoBack:
                var previous = _history.Count > 0 ? _history.Pop() : _menu.StartNode;
                Fire(static m => m.EnterNode, new NodeEntry(previous, NodeEntryKind.Back));
                break;
            case GoToMainMenu:
                Fire(static m => m.EnterNode, new NodeEntry(_menu.StartNode, NodeEntryKind.Forward));
                break;
            case RequestCallback callback:
                OfferCallbackOnRequest(callback.QueueId, reason);
                break;
        }
    }

    private void OnTransfer(TransferRequest request)
    {
        // Queues that turn the caller away at once (closed, full, no agents) into each other, or back to
        // themselves, move the call without waiting: the same guard as for announcements ends it.
        if (++_movesWithoutInput > MaxMovesWithoutInput)
        {
            Fire(static m => m.End, new CallOutcome(CallOutcomeKind.RoutingLoop, request.QueueId, $"{MaxMovesWithoutInput} moves without waiting for the caller, last to queue {request.QueueId}"));
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
        _menuTimeLimit?.Dispose();
        _menuTimeLimit = null;
        DisarmInputTimer();
        if (_callCenter.Join(this, request.QueueId, ahead: request.Callback) is { } overflow) Perform(overflow, $"could not join queue {request.QueueId}");
        else Fire(Trigger.Enqueued);
    }

    /// <summary>
    /// If <paramref name="hours"/>' schedule is closed now, says so (with when it opens, in the caller's
    /// language and the schedule's zone) and does its whenClosed; a hang-up there ends the call as closed.
    /// </summary>
    /// <param name="kind">"node" or "queue", and <paramref name="id"/> its id: what was closed, named only when it is.</param>
    private bool TurnedAwayByHours(Hours.HoursRule hours, string kind, string id, string? queueId)
    {
        var answer = _hours.At(hours.ScheduleId, Now);
        if (answer.IsOpen) return false;
        var what = $"{kind} {id}";
        var schedule = _hours[hours.ScheduleId];
        var opens = answer.NextChange is { } next ? Hours.OpeningPhrase.Format(next, Now, schedule.Zone, Locale) : null;
        Record(CallEventType.ClosedByHours, text: what, detail: $"schedule {hours.ScheduleId}: {answer.Rule}{(opens is null ? "" : $"; opens {Hours.OpeningPhrase.Format(answer.NextChange!.Value, Now, schedule.Zone, "en-US")}")}");
        if (opens is null) Speak(_menu.Messages.ClosedUnknown);
        else Speak(_menu.Messages.Closed, ("opens", opens));
        var reason = $"{what} closed by schedule {hours.ScheduleId}: {answer.Rule}";
        if (queueId is not null && OfferScheduledCallback(queueId, hours, reason)) return true;
        CloseFor(hours, queueId, reason);
        return true;
    }

    /// <summary>The caller is turned away by hours: the schedule's whenClosed (a goodbye, by default).</summary>
    private void CloseFor(Hours.HoursRule hours, string? queueId, string reason)
    {
        if (hours.WhenClosed is SayAndHangUp hangUp)
        {
            if (hangUp.Message.Locales.Any()) Speak(hangUp.Message);
            Fire(static m => m.End, new CallOutcome(CallOutcomeKind.ClosedByHours, queueId, reason));
        }
        else
        {
            Perform(hours.WhenClosed, reason);
        }
    }

    /// <summary>
    /// When the closed queue offers callbacks (and the line keeps them), reads out its next open times
    /// to choose from. False when there is nothing to offer. The number comes after the time: the
    /// caller ID read back, or keyed in when there is none that can be called.
    /// </summary>
    private bool OfferScheduledCallback(string queueId, Hours.HoursRule hours, string reason)
    {
        if (_callCenter?.Callbacks is null || _menu.Queues[queueId].Callback is not { WhenClosed: true } offer) return false;
        var number = CallableCallerId();
        var slots = SlotsFor(hours.ScheduleId, number);
        if (slots.Count == 0) return false;
        OfferSlots(new ScheduledCallbackChoice(queueId, hours, reason, number, offer.ExpiresAfter, _hours[hours.ScheduleId].Zone, CalleeZoneOf(number), slots), _menu.Messages.CallbackSlots);
        return true;
    }

    /// <summary>
    /// A menu option books a callback (<c>"callback": QUEUE</c>): the queue's next open times, whether it
    /// is open now or not. Declining, or a line that keeps no callbacks, returns to the option's node.
    /// </summary>
    private void OfferCallbackOnRequest(string queueId, string reason)
    {
        var node = CurrentNode;
        var queue = _menu.Queues[queueId];
        var number = _callCenter is null ? null : CallableCallerId();
        var slots = _callCenter?.Callbacks is null || queue.Hours is null ? [] : SlotsFor(queue.Hours.ScheduleId, number);
        if (slots.Count == 0)
        {
            Record(CallEventType.InputIgnored, text: "callback", detail: _callCenter?.Callbacks is null
                ? "not offered: this line keeps no callbacks"
                : _hours.OpenIntervals(queue.Hours!.ScheduleId, Now, Now + Callbacks.CallbackSlots.Horizon).Count == 0
                    ? $"not offered: queue {queueId} has no open time in the next {Callbacks.CallbackSlots.Horizon.Days} days"
                    : $"not offered: queue {queueId} has no open time in the next {Callbacks.CallbackSlots.Horizon.Days} days inside the calling window ({_callCenter.CallingWindow}) in {CalleeZoneOf(number).Id}");
            Speak(_menu.Messages.CallbackUnavailable);
            Fire(static m => m.EnterNode, new NodeEntry(node, NodeEntryKind.Repeat));
            return;
        }

        var choice = new ScheduledCallbackChoice(queueId, queue.Hours!, reason, number, queue.Callback?.ExpiresAfter ?? Callbacks.CallbackOffer.DefaultExpiry,
            _hours[queue.Hours!.ScheduleId].Zone, CalleeZoneOf(number), slots) { ReturnTo = node };
        OfferSlots(choice, _menu.Messages.CallbackSlotsOnRequest);
    }

    /// <summary>
    /// The times <paramref name="number"/> may be called back in the schedule: inside its open hours and the
    /// calling window in the callee's zone (the line's, while the number is not known yet), as the dialer keeps them.
    /// </summary>
    private IReadOnlyList<Instant> SlotsFor(string scheduleId, string? number) =>
        Callbacks.CallbackSlots.Next(_hours, scheduleId, Now, _callCenter!.CallingWindow, CalleeZoneOf(number));

    /// <summary>The zone <paramref name="number"/> is called in (the line's for no number): the dialer's rule.</summary>
    private DateTimeZone CalleeZoneOf(string? number) => number is null ? _menu.TimeZone : Callbacks.CalleeZone.Of(number, _menu.TimeZone);

    /// <summary>A callback time as the caller hears it: in the line's zone, and in the callee's when their clock reads otherwise.</summary>
    private string SlotPhrase(ScheduledCallbackChoice choice, Instant slot, string locale) =>
        Hours.OpeningPhrase.Format(slot, Now, choice.Zone, choice.CalleeZone, locale);

    /// <summary>Reads out the times to choose from and waits for a key.</summary>
    private void OfferSlots(ScheduledCallbackChoice choice, LocalizedText message)
    {
        _scheduling = choice;
        _numberEntry = null;
        var choices = choice.Slots.Select((slot, i) => (Key: i + 1, When: SlotPhrase(choice, slot, Locale))).ToList();
        Speak(message, ("slots", SlotChoices(choices)));
        if (_state != CallState.OfferingCallback) Fire(Trigger.OfferCallback);
        ArmInputTimer(Trigger.NoInput, CallbackWait);
    }

    /// <summary>The caller ID in E.164 when it is a number the line can call back; else null (the caller keys one in).</summary>
    private string? CallableCallerId() =>
        Callbacks.CallbackNumber.TryNormalize(CallerId, _callCenter!.NumberRegion, out var number, out _) ? number : null;

    /// <summary>How long the line waits for an answer in the callback dialogue: the menu's no-input time.</summary>
    private Duration CallbackWait => _menu.StartNode.NoInput.Timeout;

    private void OnCallbackChoice(char key)
    {
        if (_numberEntry is not null)
        {
            OnNumberEntryKey(key);
            return;
        }

        var choice = _scheduling!;
        Record(CallEventType.KeyPressed, text: key.ToString());
        DisarmInputTimer();
        _promptsEndAt = Now;
        if (choice.Chosen is null && key is >= '1' and <= '9' && key - '1' < choice.Slots.Count)
        {
            _scheduling = choice = choice with { Chosen = key - '1' };
            if (choice.Number is { } number)
            {
                Speak(_menu.Messages.CallbackConfirmScheduled,
                    ("number", Callbacks.CallbackNumber.Spoken(number, _callCenter!.NumberRegion, Locale)),
                    ("slot", SlotPhrase(choice, choice.Slots[key - '1'], Locale)));
                ArmInputTimer(Trigger.NoInput, CallbackWait);
            }
            else
            {
                StartNumberEntry(noCallableCallerId: true);
            }
        }
        else if (choice is { Chosen: { } chosen, Number: not null } && key == '1')
        {
            BookScheduledCallback(choice, choice.Slots[chosen]);
        }
        else if (choice is { Chosen: not null, Number: not null } && key == '3')
        {
            StartNumberEntry(noCallableCallerId: false);
        }
        else
        {
            DeclineCallback($"key {key}");
        }
    }

    private void OnCallbackSpeech(string utterance)
    {
        if (_numberEntry is not null)
        {
            OnNumberEntrySpeech(utterance);
            return;
        }
        Record(CallEventType.SpeechHeard, text: utterance);
        DeclineCallback("speech");
    }

    private void OnCallbackSilence()
    {
        if (_numberEntry is not null) OnNumberEntrySilence();
        else DeclineCallback("no choice");
    }

    /// <summary>Stores the callback, then tells the caller: the promise is made only once it is on disk.</summary>
    private void BookScheduledCallback(ScheduledCallbackChoice choice, Instant slot)
    {
        Callbacks.CallbackRequest stored;
        ReferenceNumber reference;
        try
        {
            var store = _callCenter!.Callbacks!;
            reference = Callbacks.CallbackReferences.Unused(store, Reference);
            stored = store.Schedule(new Callbacks.CallbackRequest(
                reference, choice.QueueId, choice.Number!, Callbacks.CallbackKind.Scheduled, Locale, Now, slot, slot + choice.ExpiresAfter, Line: _menu.Name));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Nothing is promised that is not stored: the caller is told, and the line goes on as if it were declined.
            Record(CallEventType.InputIgnored, text: "callback", detail: $"not booked: the store failed ({exception.Message})");
            Speak(_menu.Messages.CallbackUnavailable);
            LeaveCallbackOffer(choice);
            return;
        }
        // An existing booking may be for another number than the one just given: its time is said for its own callee.
        var booked = choice with { CalleeZone = CalleeZoneOf(stored.PhoneNumber) };
        var when = SlotPhrase(booked, stored.DueAt, Locale);
        Record(CallEventType.CallbackBooked, text: stored.Reference.ToString(), detail: $"{SlotPhrase(booked, stored.DueAt, "en-US")}, {Callbacks.CallbackNumber.Mask(stored.PhoneNumber)}");
        Speak(stored.Reference == reference ? _menu.Messages.CallbackBookedScheduled : _menu.Messages.CallbackAlreadyBooked,
            ("slot", when), ("reference", stored.Reference.ToString()));
        Fire(static m => m.End, new CallOutcome(CallOutcomeKind.CallbackScheduled, choice.QueueId, $"callback {stored.Reference} {SlotPhrase(booked, stored.DueAt, "en-US")}"));
    }

    /// <summary>
    /// The caller keyed in the number to call: the chosen time is booked when it can be kept for that
    /// number (the calling window is open there then); else the times that number can be called are
    /// offered again, and the caller picks one of them.
    /// </summary>
    private void BookOrOfferAgain(ScheduledCallbackChoice choice, string number)
    {
        var calleeZone = CalleeZoneOf(number);
        var slot = choice.Slots[choice.Chosen!.Value];
        choice = choice with { Number = number, CalleeZone = calleeZone };
        if (Callbacks.CallbackSlots.Callable(slot, _callCenter!.CallingWindow, calleeZone))
        {
            _scheduling = choice;
            BookScheduledCallback(choice, slot);
            return;
        }
        var slots = SlotsFor(choice.Hours.ScheduleId, number);
        Record(CallEventType.InputIgnored, text: "callback", detail: $"{Hours.OpeningPhrase.Format(slot, Now, choice.Zone, calleeZone, "en-US")} is outside the calling window ({_callCenter.CallingWindow}) in {calleeZone.Id}"
            + (slots.Count == 0 ? $"; no time in the next {Callbacks.CallbackSlots.Horizon.Days} days" : "; offered again"));
        if (slots.Count == 0)
        {
            _scheduling = choice;
            Speak(_menu.Messages.CallbackUnavailable);
            LeaveCallbackOffer(choice);
            return;
        }
        OfferSlots(choice with { Slots = slots, Chosen = null }, _menu.Messages.CallbackSlotsForNumber);
    }

    private void DeclineCallback(string why)
    {
        var choice = _scheduling!;
        Record(CallEventType.InputIgnored, text: "callback offer", detail: $"declined ({why})");
        LeaveCallbackOffer(choice);
    }

    /// <summary>No callback after all: a closed queue does its whenClosed; an option's offer goes back to its node.</summary>
    private void LeaveCallbackOffer(ScheduledCallbackChoice choice)
    {
        _numberEntry = null;
        if (choice.ReturnTo is not { } node)
        {
            CloseFor(choice.Hours, choice.QueueId, choice.Reason);
        }
        else if (_menuTimeRanOutWhileOffering && _state == CallState.OfferingCallback)
        {
            // The call's time in the menus ran out while the caller was choosing: it applies now they are back.
            _menuTimeRanOutWhileOffering = false;
            ExceedBudget("time in the menus");
        }
        else
        {
            Fire(static m => m.EnterNode, new NodeEntry(node, NodeEntryKind.Repeat));
        }
    }

    /// <summary>
    /// Keyed entry of the callback number starts: for a caller with no number the line can call (who hears
    /// so first), or one who asked to give another. Used by scheduled callbacks and, through the call
    /// centre, by virtual hold.
    /// </summary>
    private void StartNumberEntry(bool noCallableCallerId)
    {
        _numberEntry = new CallbackNumberEntry(_callCenter!.NumberRegion);
        Record(CallEventType.CallbackNumber, text: "keyed entry", detail: !noCallableCallerId
            ? "the caller asked to give another number"
            : CallerId is null ? "no caller ID" : $"caller ID {Callbacks.CallbackNumber.Mask(CallerId)} cannot be called back");
        if (noCallableCallerId) Speak(_menu.Messages.CallbackNoNumber);
        Speak(_menu.Messages.CallbackEnterNumber);
        ArmInputTimer(Trigger.NoInput, CallbackWait);
    }

    /// <summary>Virtual hold: the caller accepted the offer in the queue and gives a number on the keypad (they keep their place meanwhile).</summary>
    void Queues.IQueueCaller.EnterCallbackNumber(bool noCallableCallerId) => StartNumberEntry(noCallableCallerId);

    private void OnNumberEntryKey(char key)
    {
        Record(CallEventType.KeyPressed, text: key.ToString());
        DisarmInputTimer();
        _promptsEndAt = Now; // barge-in: a key cuts the prompt short
        ContinueNumberEntry(_numberEntry!.Key(key));
    }

    private void OnNumberEntrySpeech(string utterance)
    {
        Record(CallEventType.SpeechHeard, text: utterance);
        DisarmInputTimer();
        _promptsEndAt = Now;
        ContinueNumberEntry(_numberEntry!.Speech(utterance));
    }

    private void OnNumberEntryPause()
    {
        if (_numberEntry is not null) ContinueNumberEntry(_numberEntry.Pause());
    }

    private void OnNumberEntrySilence()
    {
        if (_numberEntry is not null) ContinueNumberEntry(_numberEntry.Silence());
    }

    private void ContinueNumberEntry(NumberEntryStep step)
    {
        var entry = _numberEntry!;
        switch (step.Outcome)
        {
            case NumberEntryOutcome.Collecting:
                ArmInputTimer(Trigger.InterDigitTimeout, _menu.StartNode.InterDigitTimeout);
                break;
            case NumberEntryOutcome.Prompt:
                switch (step.Problem)
                {
                    case NumberEntryProblem.Invalid:
                        Record(CallEventType.CallbackNumber, text: "invalid", detail: step.Detail);
                        Speak(_menu.Messages.CallbackNumberInvalid);
                        break;
                    case NumberEntryProblem.Silence:
                        Record(CallEventType.CallbackNumber, text: "silence", detail: step.Detail);
                        Speak(_menu.Messages.NoInput);
                        break;
                    case NumberEntryProblem.NotAChoice:
                        Record(CallEventType.CallbackNumber, text: "not a choice", detail: step.Detail);
                        Speak(_menu.Messages.Invalid);
                        break;
                    case NumberEntryProblem.AskedAgain:
                        Record(CallEventType.CallbackNumber, text: "asked again", detail: step.Detail);
                        break;
                }
                if (entry.ReadingBack is { } number)
                {
                    if (step.Problem == NumberEntryProblem.None) Record(CallEventType.CallbackNumber, text: "read back", detail: Callbacks.CallbackNumber.Mask(number));
                    Speak(_menu.Messages.CallbackNumberReadBack, ("number", Callbacks.CallbackNumber.Spoken(number, _callCenter!.NumberRegion, Locale)));
                }
                else
                {
                    Speak(_menu.Messages.CallbackEnterNumber);
                }
                ArmInputTimer(Trigger.NoInput, CallbackWait);
                break;
            case NumberEntryOutcome.Confirmed:
                _numberEntry = null;
                Record(CallEventType.CallbackNumber, text: "confirmed", detail: Callbacks.CallbackNumber.Mask(step.Number!));
                if (_state == CallState.Queued)
                {
                    _callCenter!.CallbackNumberEntered(this, step.Number!);
                }
                else
                {
                    BookOrOfferAgain(_scheduling!, step.Number!);
                }
                break;
            default:
                _numberEntry = null;
                var gaveUp = step.Outcome == NumberEntryOutcome.GaveUp;
                Record(CallEventType.CallbackNumber, text: gaveUp ? "given up" : "cancelled", detail: gaveUp ? step.Detail : "the caller pressed star");
                if (gaveUp) Speak(_menu.Messages.CallbackNumberGiveUp);
                if (_state == CallState.Queued) _callCenter!.CallbackNumberAbandoned(this);
                else DeclineCallback(gaveUp ? "no number" : "cancelled");
                break;
        }
    }

    /// <summary>
    /// "press 1 for tomorrow at 9:00 AM, 2 for …, or 3 for …" / "нажмите 1 — завтра в 9:00, 2 — … или 3 — …".
    /// Times said in two zones hold a comma themselves, so the choices are then set apart with semicolons.
    /// </summary>
    private string SlotChoices(List<(int Key, string When)> choices)
    {
        var russian = Locale.StartsWith("ru", StringComparison.OrdinalIgnoreCase);
        var parts = choices.Select((c, i) => russian ? $"{c.Key} — {c.When}" : i == 0 ? $"press {c.Key} for {c.When}" : $"{c.Key} for {c.When}").ToList();
        var separator = choices.Any(c => c.When.Contains(',', StringComparison.Ordinal)) ? "; " : ", ";
        var last = parts.Count > 1 ? (russian ? " или " : separator + "or ") + parts[^1] : "";
        var head = string.Join(separator, parts.Take(parts.Count > 1 ? parts.Count - 1 : 1));
        return (russian ? "нажмите " : "") + head + last;
    }

    private void OnHandOff(string queueId)
    {
        Record(CallEventType.AgentHandOff, text: queueId, detail: $"from {_agent}, reference {Reference} kept{(_agentsOwnHandOff ? AgentsOwnHandOff : "")}");
        OnTransfer(new TransferRequest(queueId, $"handed off by {_agent}"));
    }

    private void CallerHungUp(StateMachine<CallState, Trigger>.Transition transition)
    {
        _callCenter?.CallerHungUp(this);
        var visit = _visits.Count > 0 ? _visits[^1] : null;
        var outcome = transition.Source switch
        {
            CallState.Queued => new CallOutcome(CallOutcomeKind.AbandonedInQueue, visit?.Queue, $"after {Describe(Now - visit!.JoinedAt)}"),
            CallState.WithAgent => new CallOutcome(CallOutcomeKind.CallerHungUp, visit?.Queue, $"talking to {_agent}"),
            _ => new CallOutcome(CallOutcomeKind.CallerHungUp, null, $"at {_node?.Id ?? "the greeting"}"),
        };
        Finish(outcome);
    }

    void Queues.IQueueCaller.JoinedQueue(string queueId, int position)
    {
        // Waiting in a queue is waiting: what moves the caller on from here is time, not a loop.
        _movesWithoutInput = 0;
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
    void Queues.IQueueCaller.CallbackBooked(ReferenceNumber callback, int position)
    {
        var visit = _visits[^1];
        visit.LeftAt = Now;
        visit.Result = $"callback {callback} booked, place {position} kept";
        Record(CallEventType.CallbackBooked, text: callback.ToString(), detail: $"virtual hold, place {position} kept");
        Fire(static m => m.End, new CallOutcome(CallOutcomeKind.CallbackScheduled, visit.Queue, $"callback {callback}, place {position} kept"));
    }

    void Queues.IQueueCaller.ConnectedToAgent(string agent, Duration waited)
    {
        // An agent answering ends any callback number the caller was keying in: they are through.
        StopNumberEntry();
        var visit = _visits[^1];
        visit.LeftAt = Now;
        visit.Result = $"answered by {agent} after {Describe(waited)}";
        Fire(static m => m.AgentAnswered, agent);
    }

    void Queues.IQueueCaller.EndedByAgent(string agent, Duration talked) =>
        Fire(static m => m.End, new CallOutcome(CallOutcomeKind.AnsweredByAgent, _visits[^1].Queue, $"by {agent} after {Describe(_visits[^1].Waited ?? Duration.Zero)}, talked {Describe(talked)}"));

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

    private void StopNumberEntry()
    {
        if (_numberEntry is null) return;
        _numberEntry = null;
        DisarmInputTimer();
    }

    private static string Describe(Duration duration) =>
        duration < Duration.FromMinutes(1) ? $"{(int)duration.TotalSeconds} s" : $"{(int)duration.TotalMinutes}:{duration.Seconds:00}";

    private void Finish(CallOutcome outcome)
    {
        _numberEntry = null;
        DisarmInputTimer();
        _menuTimeLimit?.Dispose();
        _menuTimeLimit = null;
        Outcome = outcome;
        Record(CallEventType.CallEnded, text: $"{outcome}", detail: $"reference {Reference}");
    }

    /// <summary>Notes that the caller did something: stops the waiting timer and resets the loop guard.</summary>
    private MenuNode CallerActed()
    {
        DisarmInputTimer();
        _movesWithoutInput = 0;
        _promptsEndAt = Now; // barge-in: the caller's input cuts the prompt short
        return CurrentNode;
    }

    private MenuNode CurrentNode => _node ?? throw new InvalidOperationException("The call has not reached a node yet.");

    private void ArmInputTimer(Trigger trigger, Duration after)
    {
        DisarmInputTimer();
        // Silence is counted from the end of what the line is saying, not from its start.
        if (trigger == Trigger.NoInput && _promptsEndAt > Now) after += _promptsEndAt - Now;
        _inputTimer = _time.CreateTimer(InputTimeout.Due, new InputTimeout(this, _timerGeneration, trigger), after.ToTimeSpan(), Timeout.InfiniteTimeSpan);
    }

    /// <summary>One arming of the input timer, stale once the call re-arms or disarms it.</summary>
    private sealed class InputTimeout(CallSession call, long generation, Trigger trigger)
    {
        public static readonly TimerCallback Due = static state => ((InputTimeout)state!).OnDue();

        private void OnDue() => call._dispatch(Fire);

        private void Fire()
        {
            // A timer that was replaced while its callback waited for the call's thread is stale.
            if (generation == call._timerGeneration) call.FireTimer(trigger);
        }
    }

    private void DisarmInputTimer()
    {
        _timerGeneration++;
        _inputTimer?.Dispose();
        _inputTimer = null;
    }

    private void FireTimer(Trigger trigger)
    {
        if (trigger != Trigger.MenuTimeLimit) _inputTimer = null;
        Fire(trigger);
    }

    private void Speak(LocalizedText text, params (string Name, string Value)[] extra)
    {
        if (PromptsUnheard)
        {
            Record(CallEventType.Prompt, node: _node?.Id);
            return;
        }
        SpeakAloud(text, extra);
    }

    // Apart from Speak: the lookup's closure is allocated on entry to the method that captures, and quiet calls never get here.
    private void SpeakAloud(LocalizedText text, (string Name, string Value)[] extra)
    {
        var rendered = PromptRenderer.Render(text.For(Locale), name => Lookup(name, extra));
        if (_pacing == PromptPacing.Spoken) _promptsEndAt = Instant.Max(_promptsEndAt, Now) + SpeakingTime.Of(rendered, Locale);
        Record(CallEventType.Prompt, node: _node?.Id, text: rendered);
    }

    /// <summary>Nobody reads a quiet call's prompts, and without pacing their length does not matter: they are not rendered.</summary>
    private bool PromptsUnheard => IsQuiet && _pacing == PromptPacing.Instant;

    private string? Lookup(string name, (string Name, string Value)[] extra)
    {
        foreach (var (extraName, value) in extra)
        {
            if (extraName == name) return value;
        }
        return name switch
        {
            "reference" => Reference.ToString(),
            "callerId" => CallerId,
            _ => _variables.GetValueOrDefault(name),
        };
    }

    private string FirstPhrase(LocalizedPhrases phrases)
    {
        var list = phrases.For(Locale);
        return list.IsEmpty ? "?" : list[0];
    }

    private string OrWord() => Locale.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? " или " : " or ";

    private static bool IsPhoneKey(char key) => char.IsAsciiDigit(key) || key is '*' or '#';

    private void Record(CallEventType type, string? node = null,
        [InterpolatedStringHandlerArgument("")] EventText text = default, [InterpolatedStringHandlerArgument("")] EventText detail = default)
    {
        if (IsQuiet)
        {
            // Nobody keeps a quiet call's events: one shared event per type tells listeners what happened.
            EventRecorded?.Invoke(QuietEvents[(int)type]);
            return;
        }
        var callEvent = new CallEvent(Now, type, node ?? _node?.Id, text.ToStringAndClear(), detail.ToStringAndClear());
        Transcript.Add(callEvent);
        EventRecorded?.Invoke(callEvent);
    }

    /// <summary>A quiet call keeps no transcript and formats no text: its events carry only their type (load simulation).</summary>
    internal bool IsQuiet { get; }

    private static readonly CallEvent[] QuietEvents = [.. Enum.GetValues<CallEventType>().Select(type => new CallEvent(default, type))];

    private enum NodeEntryKind
    {
        Forward,
        Back,
        Repeat,
    }

    private sealed record NodeEntry(MenuNode Node, NodeEntryKind Kind);

    /// <param name="Callback">The line called the caller back: they are greeted as such and wait ahead of new callers.</param>
    private sealed record TransferRequest(string QueueId, string Reason, bool Callback = false);

    /// <summary>The times offered to a caller (at a closed queue, or by a callback option), and (once chosen) which.</summary>
    /// <param name="Number">The number to call in E.164: the caller ID when it can be called, else null until one is keyed in.</param>
    private sealed record ScheduledCallbackChoice(
        string QueueId, Hours.HoursRule Hours, string Reason, string? Number, Duration ExpiresAfter, DateTimeZone Zone, DateTimeZone CalleeZone, IReadOnlyList<Instant> Slots)
    {
        public int? Chosen { get; init; }

        /// <summary>For an option's offer: the node to go back to when the caller declines. Null at a closed queue (its whenClosed follows).</summary>
        public MenuNode? ReturnTo { get; init; }
    }

    /// <summary>A caller sent out of a queue, and where to.</summary>
    internal sealed record LeaveRequest(MenuAction Action, string Reason);
}
