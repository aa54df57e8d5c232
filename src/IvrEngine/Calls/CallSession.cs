using IvrEngine.Menus;
using NodaTime;
using NodaTime.Extensions;

namespace IvrEngine.Calls;

/// <summary>
/// One phone call walking a menu: a Stateless machine (external state, queued firing) whose
/// intent methods — <see cref="Press(char)"/>, <see cref="Say"/>, <see cref="HangUp"/> — only
/// fire triggers. Every input in every state is handled (an input the state cannot use is noted
/// in the transcript and ignored), so nothing a caller does throws.
/// </summary>
/// <remarks>
/// A session is single-threaded: its owner runs inputs and timer callbacks (through
/// <see cref="CallSettings.Dispatch"/>) on one logical thread. Silence is counted from the end of
/// what the line is saying (<see cref="PromptClock"/>). The class is split by concern into partial
/// files (<c>CallSession.*.cs</c>: machine, configuration, navigation, input, retries, hours, queue,
/// callbacks, timers, prompts, transcript); docs/ARCHITECTURE.md maps them.
/// </remarks>
public sealed partial class CallSession : Queues.IQueueCaller
{
    private readonly Menu _menu;
    private readonly TimeProvider _time;
    private readonly CallTimers _timers;
    private readonly PromptClock _prompts;
    private readonly Queues.CallCenter? _callCenter;
    private readonly Hours.BusinessHours _hours;
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private CallState _state = CallState.Greeting;

    public CallSession(Menu menu, CallSettings settings, TimeProvider time)
    {
        _menu = menu;
        _time = time;
        _timers = new CallTimers(time, settings.Dispatch ?? (static work => work()), Fire);
        _retries = new InputRetries(menu.Budget.MaxFailedInputs);
        _navigation = new CallNavigation(menu.StartNode);
        _prompts = new PromptClock(settings.Pacing);
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
    public string? CurrentNodeId => _navigation.Node?.Id;

    /// <summary>Every node the call entered, in order.</summary>
    public IReadOnlyList<string> Path => _navigation.Path;

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
        Fire(CallTrigger.Answer);
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
    public void HangUp() => Fire(CallTrigger.Hangup);

    /// <summary>The call's state machine as a Mermaid state diagram (the same for every call: <see cref="CallStateDiagram.Mermaid"/>).</summary>
    public string ToMermaidGraph() => CallStateDiagram.Mermaid();

    /// <summary>The call's state machine as a Graphviz DOT graph (the same for every call: <see cref="CallStateDiagram.Dot"/>).</summary>
    public string ToDotGraph() => CallStateDiagram.Dot();

    /// <summary>Stateless's own description of the call machine, from a machine that never runs a call.</summary>
    internal static Stateless.Reflection.StateMachineInfo DescribeMachine() => CallMachine.Describe();

    /// <summary>A quiet call keeps no transcript and formats no text: its events carry only their type (load simulation).</summary>
    internal bool IsQuiet { get; }
}
